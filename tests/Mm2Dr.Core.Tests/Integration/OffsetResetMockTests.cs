using System;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Integration
{
    // The mock only alters offsets of groups that never had a subscribed member, so groups here commit by assignment.
    public class OffsetResetMockTests : IClassFixture<MockClusterFixture>
    {
        private readonly MockClusterFixture _fx;

        public OffsetResetMockTests(MockClusterFixture fx) => _fx = fx;

        private (string Topic, string Group) TopicWithCommittedGroup(long commitAt)
        {
            var topic = _fx.NewTopic(2);
            _fx.Produce(topic, 100, partition: 0);
            _fx.Produce(topic, 100, partition: 1);
            var group = "reset-" + Guid.NewGuid().ToString("N");
            var reader = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group, Partitions = new[] { 0 }, From = ReadStart.Beginning, MaxMessages = commitAt }, _fx.Policy);
            Assert.Equal(commitAt, reader.Read(CancellationToken.None).Count());
            return (topic, group);
        }

        private static OffsetResetPlanner Planner(KafkaAdmin admin, MockClusterFixture fx)
        {
            var topics = new TopicCatalog(admin, fx.Policy);
            return new OffsetResetPlanner(admin, topics, new ConsumerGroupCatalog(admin, topics));
        }

        [Fact]
        public void A_plan_shows_current_and_target_without_changing_anything()
        {
            var (topic, group) = TopicWithCommittedGroup(60);
            using var admin = _fx.Admin();
            var planner = Planner(admin, _fx);
            var plan = planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToEarliest));
            var p0 = plan.Entries.Single(e => e.Partition == 0);
            Assert.Equal(60, p0.CurrentOffset);
            Assert.Equal(0, p0.TargetOffset);
            Assert.Equal(-60, p0.Change);
            Assert.False(p0.Applied);
            Assert.Null(plan.Entries.Single(e => e.Partition == 1).CurrentOffset);
            var committed = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).CommittedOffsets(group, new[] { new TopicPartition(topic, 0) });
            Assert.Equal(60, committed.Single().Value);
        }

        [Theory]
        [InlineData(OffsetResetMode.ToEarliest, 0, 0L)]
        [InlineData(OffsetResetMode.ToLatest, 0, 100L)]
        [InlineData(OffsetResetMode.ToOffset, 25, 25L)]
        [InlineData(OffsetResetMode.ShiftBy, -10, 30L)]
        [InlineData(OffsetResetMode.ShiftBy, 500, 100L)]
        [InlineData(OffsetResetMode.ToOffset, 1000, 100L)]
        public void Applying_moves_the_group_to_the_planned_offset(OffsetResetMode mode, long value, long expected)
        {
            var (topic, group) = TopicWithCommittedGroup(40);
            using var admin = _fx.Admin();
            var planner = Planner(admin, _fx);
            var plan = planner.Plan(new OffsetResetRequest(group, new[] { topic }, mode, value, partitions: new[] { 0 }));
            var applied = planner.Apply(plan);
            Assert.All(applied, e => Assert.True(e.Applied));
            var committed = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).CommittedOffsets(group, new[] { new TopicPartition(topic, 0) });
            Assert.Equal(expected, committed[new TopicPartitionRef(topic, 0)]);
            if (expected != (mode == OffsetResetMode.ShiftBy ? 40 + value : value) && mode != OffsetResetMode.ToEarliest && mode != OffsetResetMode.ToLatest)
            {
                Assert.Contains("clamped", plan.Entries[0].Note);
            }
        }

        [Fact]
        public void Shift_by_needs_a_committed_offset_and_says_which_partitions_lack_one()
        {
            var (topic, group) = TopicWithCommittedGroup(10);
            using var admin = _fx.Admin();
            var ex = Assert.Throws<Mm2DrException>(() => Planner(admin, _fx).Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ShiftBy, 5)));
            Assert.Equal(ErrorIds.InvalidArgument, ex.ErrorId);
            Assert.Contains($"{topic}[1]", ex.Message);
        }

        [Fact]
        public void A_group_with_a_running_consumer_is_refused_and_keeps_its_offsets()
        {
            var topic = _fx.NewTopic(1);
            _fx.Produce(topic, 10);
            var group = "active-" + Guid.NewGuid().ToString("N");
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = _fx.Mock.BootstrapServers, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest }).Build();
            consumer.Subscribe(topic);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (consumer.Assignment.Count == 0 && DateTime.UtcNow < deadline)
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }

            Assert.NotEmpty(consumer.Assignment);
            consumer.Commit(new[] { new TopicPartitionOffset(topic, 0, 7) });
            using var admin = _fx.Admin();
            var planner = Planner(admin, _fx);
            var plan = planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToEarliest));
            var ex = Assert.Throws<Mm2DrException>(() => planner.Apply(plan));
            Assert.Equal(ErrorIds.GroupHasActiveMembers, ex.ErrorId);
            Assert.Equal(ErrorKind.ResourceBusy, ex.Kind);
            Assert.Equal(group, ex.Target);
            Assert.Contains("stop its consumers", ex.Message);
            var committed = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).CommittedOffsets(group, new[] { new TopicPartition(topic, 0) });
            Assert.Equal(7, committed.Single().Value);
            consumer.Close();
        }

        [Fact]
        public void Describing_a_group_on_the_mock_reports_offsets_and_lag_for_named_topics()
        {
            var (topic, group) = TopicWithCommittedGroup(30);
            using var admin = _fx.Admin();
            var detail = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).Describe(new[] { group }, new[] { topic }).Single();
            Assert.NotNull(detail.Note);
            var p0 = detail.Offsets.Single(o => o.Partition == 0);
            Assert.Equal(30, p0.CommittedOffset);
            Assert.Equal(100, p0.LogEndOffset);
            Assert.Equal(70, p0.Lag);
            Assert.Equal(70, detail.TotalLag);
            Assert.True(detail.Exists);
        }
    }
}

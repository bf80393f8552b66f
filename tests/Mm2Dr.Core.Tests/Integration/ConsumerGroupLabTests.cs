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
    public class ConsumerGroupLabTests : IClassFixture<LabClusterFixture>
    {
        private readonly LabClusterFixture _fx;

        public ConsumerGroupLabTests(LabClusterFixture fx) => _fx = fx;

        private string TopicWithMessages(int partitions, int perPartition)
        {
            var name = LabClusterFixture.UniqueName("g");
            using (var admin = _fx.Admin())
            {
                new TopicCatalog(admin, _fx.Policy).Create(new TopicSpec(name, partitions, 1));
            }

            for (var p = 0; p < partitions; p++)
            {
                _fx.Produce(name, perPartition, partition: p);
            }

            return name;
        }

        private IConsumer<byte[], byte[]> ActiveMember(string topic, string group)
        {
            var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
            {
                BootstrapServers = _fx.Broker.BootstrapServers,
                GroupId = group,
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
                ClientId = "active-member",
            }).Build();
            consumer.Subscribe(topic);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (consumer.Assignment.Count == 0 && DateTime.UtcNow < deadline)
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }

            Assert.NotEmpty(consumer.Assignment);
            return consumer;
        }

        [Fact]
        public void Lists_and_describes_a_group_with_its_members_offsets_and_lag()
        {
            var topic = TopicWithMessages(2, 10);
            var group = LabClusterFixture.UniqueName("desc");
            using var consumer = ActiveMember(topic, group);
            consumer.Commit(new[] { new TopicPartitionOffset(topic, 0, 4), new TopicPartitionOffset(topic, 1, 10) });

            using var admin = _fx.Admin();
            var catalog = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy));
            var listed = catalog.List().Single(g => g.Group == group);
            Assert.Equal("Stable", listed.State);
            Assert.Equal(1, listed.Members);

            var detail = catalog.Describe(new[] { group }).Single();
            Assert.Equal("Stable", detail.State);
            Assert.True(detail.IsActive);
            var member = Assert.Single(detail.Members);
            Assert.Equal("active-member", member.ClientId);
            Assert.Equal(2, member.Assignment.Count);
            Assert.Equal(6, detail.Offsets.Single(o => o.Partition == 0).Lag);
            Assert.Equal(0, detail.Offsets.Single(o => o.Partition == 1).Lag);
            Assert.Equal(6, detail.TotalLag);
            Assert.All(detail.Offsets, o => Assert.Equal(member.MemberId, o.ConsumerId));
            consumer.Close();

            var afterClose = catalog.Describe(new[] { group }).Single();
            Assert.Equal("Empty", afterClose.State);
            Assert.Empty(afterClose.Members);
            Assert.Equal(6, afterClose.TotalLag);
        }

        [Fact]
        public void An_unknown_group_does_not_exist()
        {
            using var admin = _fx.Admin();
            var detail = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).Describe(new[] { "never-seen" }).Single();
            Assert.False(detail.Exists);
            Assert.Equal("Dead", detail.State);
        }

        [Fact]
        public void An_active_group_is_refused_before_anything_is_changed()
        {
            var topic = TopicWithMessages(1, 20);
            var group = LabClusterFixture.UniqueName("busy");
            using var consumer = ActiveMember(topic, group);
            consumer.Commit(new[] { new TopicPartitionOffset(topic, 0, 15) });
            using var admin = _fx.Admin();
            var topics = new TopicCatalog(admin, _fx.Policy);
            var groups = new ConsumerGroupCatalog(admin, topics);
            var planner = new OffsetResetPlanner(admin, topics, groups);
            var plan = planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToEarliest));
            Assert.False(plan.CanApply);
            Assert.Single(plan.ActiveMembers);
            var ex = Assert.Throws<Mm2DrException>(() => planner.Apply(plan));
            Assert.Equal(ErrorIds.GroupHasActiveMembers, ex.ErrorId);
            Assert.Contains("active-member", ex.Message);
            Assert.Equal(15, groups.CommittedOffsets(group, null).Single().Value);

            var deleteActive = Assert.Throws<Mm2DrException>(() => groups.Delete(group));
            Assert.Equal(ErrorIds.GroupHasActiveMembers, deleteActive.ErrorId);
            consumer.Close();

            planner.Apply(planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToEarliest)));
            Assert.Equal(0, groups.CommittedOffsets(group, null).Single().Value);
            groups.Delete(group);
            Assert.False(groups.Describe(new[] { group }).Single().Exists);
            var deleteMissing = Assert.Throws<Mm2DrException>(() => groups.Delete(group));
            Assert.Equal(ErrorIds.GroupNotFound, deleteMissing.ErrorId);
        }

        [Fact]
        public void To_timestamp_lands_on_the_first_message_at_or_after_it()
        {
            var topic = LabClusterFixture.UniqueName("ts");
            using var admin = _fx.Admin();
            var topics = new TopicCatalog(admin, _fx.Policy);
            topics.Create(new TopicSpec(topic, 1, 1));
            var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            using (var producer = new Produce.MessageProducer(_fx.Cluster, new Produce.ProducerOptions(topic)))
            {
                for (var i = 0; i < 10; i++)
                {
                    producer.Send(new Produce.OutgoingMessage(null, new byte[] { (byte)i }, timestamp: t0.AddMinutes(i)), CancellationToken.None);
                }

                Assert.Equal(10, producer.Complete(TimeSpan.FromSeconds(10), CancellationToken.None).Delivered);
            }

            var group = LabClusterFixture.UniqueName("ts-group");
            var groups = new ConsumerGroupCatalog(admin, topics);
            var planner = new OffsetResetPlanner(admin, topics, groups);
            var plan = planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToTimestamp, timestamp: t0.AddMinutes(6).AddSeconds(-30)));
            Assert.Equal(6, plan.Entries.Single().TargetOffset);
            planner.Apply(plan);
            Assert.Equal(6, groups.CommittedOffsets(group, null).Single().Value);

            var late = planner.Plan(new OffsetResetRequest(group, new[] { topic }, OffsetResetMode.ToTimestamp, timestamp: t0.AddDays(1)));
            Assert.Equal(10, late.Entries.Single().TargetOffset);
            Assert.Contains("log end", late.Entries.Single().Note);

            var reader = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { From = ReadStart.Timestamp, Timestamp = t0.AddMinutes(8) }, _fx.Policy);
            Assert.Equal(new long[] { 8, 9 }, reader.Read(CancellationToken.None).Select(r => r.Offset));
        }

        [Fact]
        public void A_subscribing_read_resumes_from_commits_and_two_groups_are_independent()
        {
            var topic = TopicWithMessages(3, 5);
            var group = LabClusterFixture.UniqueName("sub");
            var first = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group, From = ReadStart.Committed, MaxMessages = 9 }, _fx.Policy);
            Assert.Equal(9, first.Read(CancellationToken.None).Count());
            var second = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group, From = ReadStart.Committed }, _fx.Policy);
            Assert.Equal(6, second.Read(CancellationToken.None).Count());
            Assert.Equal(ReadStopReason.ReachedEnd, second.Summary.StopReason);
            var other = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group + "-b", From = ReadStart.Committed }, _fx.Policy);
            Assert.Equal(15, other.Read(CancellationToken.None).Count());
            using var admin = _fx.Admin();
            Assert.Equal(15, new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).CommittedOffsets(group, null).Values.Sum());
        }
    }
}

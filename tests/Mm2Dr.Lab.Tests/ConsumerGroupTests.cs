using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class ConsumerGroupTests : BrokerTest
    {
        private static void Produce(LabBroker broker, string topic, int partitions, int perPartition)
        {
            using var producer = Clients.Producer(broker);
            for (var p = 0; p < partitions; p++)
            {
                Clients.ProduceAll(producer, topic, Enumerable.Range(0, perPartition).Select(i => new Message<string, string> { Key = $"{p}-{i}", Value = $"{p}-{i}" }), p);
            }
        }

        private static bool Covers(IEnumerable<PolledConsumer> members, int partitions, params int[] sizes)
        {
            var assignments = members.Select(m => m.Assignment).ToList();
            var all = assignments.SelectMany(a => a.Select(tp => tp.Partition.Value)).OrderBy(p => p).ToList();
            return all.SequenceEqual(Enumerable.Range(0, partitions)) &&
                   assignments.Select(a => a.Count).OrderBy(c => c).SequenceEqual(sizes.OrderBy(s => s));
        }

        [Fact]
        public void Three_members_join_and_leave_with_a_rebalance_each_time()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "shared", 6);
            Produce(broker, "shared", 6, 5);
            using var admin = Clients.Admin(broker);

            var a = new PolledConsumer(broker, "trio", "shared");
            Eventually.True(() => Covers(new[] { a }, 6, 6), "A owns all 6 partitions");

            var b = new PolledConsumer(broker, "trio", "shared");
            Eventually.True(() => Covers(new[] { a, b }, 6, 3, 3), "A and B own 3 each");

            using var c = new PolledConsumer(broker, "trio", "shared");
            Eventually.True(() => Covers(new[] { a, b, c }, 6, 2, 2, 2), "A, B and C own 2 each");

            var description = admin.DescribeConsumerGroupsAsync(new[] { "trio" }).GetAwaiter().GetResult().ConsumerGroupDescriptions.Single();
            Assert.Equal(ConsumerGroupState.Stable, description.State);
            Assert.Equal(3, description.Members.Count);
            Assert.Equal("range", description.PartitionAssignor);
            Assert.Equal(6, description.Members.Sum(m => m.Assignment.TopicPartitions.Count));

            b.Dispose();
            Eventually.True(() => Covers(new[] { a, c }, 6, 3, 3), "A and C own 3 each after B left");
            a.Dispose();
            Eventually.True(() => Covers(new[] { c }, 6, 6), "C owns everything after A left");

            // Every message was read exactly once per assignment epoch: all 30 messages seen by someone.
            var seen = new[] { a, b, c }.SelectMany(m => m.Received).Select(r => r.Message.Value).Distinct().Count();
            Assert.Equal(30, seen);
        }

        [Fact]
        public void Committed_offsets_are_where_the_next_member_resumes()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "resume", 2);
            Produce(broker, "resume", 2, 10);
            using (var consumer = Clients.Consumer(broker, "resumers"))
            {
                consumer.Subscribe("resume");
                var read = new List<ConsumeResult<string, string>>();
                Eventually.True(() =>
                {
                    var r = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (r != null)
                    {
                        read.Add(r);
                    }

                    return read.Count == 20;
                }, "20 messages");
                consumer.Commit(new[] { new TopicPartitionOffset("resume", 0, 4), new TopicPartitionOffset("resume", 1, 7) });
                var committed = consumer.Committed(new[] { new TopicPartition("resume", 0), new TopicPartition("resume", 1) }, TimeSpan.FromSeconds(10));
                Assert.Equal(new long[] { 4, 7 }, committed.Select(c => c.Offset.Value));
                consumer.Close();
            }

            using var admin = Clients.Admin(broker);
            // No partition list ⇒ OffsetFetch with null topics ⇒ every committed partition.
            var listed = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions("resumers", null) }).GetAwaiter().GetResult().Single();
            Assert.Equal(new[] { ("resume", 0, 4L), ("resume", 1, 7L) },
                listed.Partitions.OrderBy(p => p.Partition.Value).Select(p => (p.Topic, p.Partition.Value, p.Offset.Value)));

            using var next = Clients.Consumer(broker, "resumers");
            next.Subscribe("resume");
            var first = new List<ConsumeResult<string, string>>();
            Eventually.True(() =>
            {
                var r = next.Consume(TimeSpan.FromMilliseconds(100));
                if (r != null)
                {
                    first.Add(r);
                }

                return first.Count == 9;
            }, "the 9 uncommitted messages");
            Assert.Equal(6, first.Count(r => r.Partition.Value == 0));
            Assert.Equal(4, first.Min(r => r.Partition.Value == 0 ? r.Offset.Value : long.MaxValue));
            Assert.Equal(7, first.Min(r => r.Partition.Value == 1 ? r.Offset.Value : long.MaxValue));
            next.Close();
        }

        [Fact]
        public void Admin_offset_changes_follow_Kafka_rules_for_active_and_empty_groups()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "guarded", 2);
            Clients.CreateTopic(broker, "other", 1);
            Produce(broker, "guarded", 2, 3);
            using var admin = Clients.Admin(broker);
            var member = new PolledConsumer(broker, "guards", "guarded");
            Eventually.True(() => member.Assignment.Count == 2, "member assigned");
            member.Commit(new[] { new TopicPartitionOffset("guarded", 0, 1), new TopicPartitionOffset("guarded", 1, 1) });
            // Admin commit (generation -1, member "") on a group with members ⇒ UNKNOWN_MEMBER_ID for every partition.
            var alter = Assert.Throws<AlterConsumerGroupOffsetsException>(() => admin.AlterConsumerGroupOffsetsAsync(new[]
            {
                new ConsumerGroupTopicPartitionOffsets("guards", new List<TopicPartitionOffset> { new TopicPartitionOffset("guarded", 0, 0), new TopicPartitionOffset("guarded", 1, 0) }),
            }).GetAwaiter().GetResult());
            Assert.All(alter.Results.Single().Partitions, p => Assert.Equal(ErrorCode.UnknownMemberId, p.Error.Code));

            // OffsetDelete of a subscribed topic on an active consumer group ⇒ GROUP_SUBSCRIBED_TO_TOPIC (86).
            var delete = Assert.Throws<DeleteConsumerGroupOffsetsException>(() => admin.DeleteConsumerGroupOffsetsAsync("guards",
                new[] { new TopicPartition("guarded", 0) }).GetAwaiter().GetResult());
            Assert.Equal((ErrorCode)86, delete.Result.Partitions.Single().Error.Code);

            // DeleteGroups of an active group ⇒ NON_EMPTY_GROUP (68).
            var deleteGroup = Assert.Throws<DeleteGroupsException>(() => admin.DeleteGroupsAsync(new[] { "guards" }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.NonEmptyGroup, deleteGroup.Results.Single().Error.Code);

            member.Dispose();
            Eventually.True(() => admin.DescribeConsumerGroupsAsync(new[] { "guards" }).GetAwaiter().GetResult()
                .ConsumerGroupDescriptions.Single().State == ConsumerGroupState.Empty, "group Empty after the member left");

            // Empty group: the same admin commit is accepted.
            admin.AlterConsumerGroupOffsetsAsync(new[]
            {
                new ConsumerGroupTopicPartitionOffsets("guards", new List<TopicPartitionOffset> { new TopicPartitionOffset("guarded", 0, 3), new TopicPartitionOffset("guarded", 1, 2) }),
            }).GetAwaiter().GetResult();
            var offsets = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions("guards", new List<TopicPartition> { new TopicPartition("guarded", 0), new TopicPartition("guarded", 1) }) })
                .GetAwaiter().GetResult().Single();
            Assert.Equal(new long[] { 3, 2 }, offsets.Partitions.OrderBy(p => p.Partition.Value).Select(p => p.Offset.Value));

            admin.DeleteConsumerGroupOffsetsAsync("guards", new[] { new TopicPartition("guarded", 0) }).GetAwaiter().GetResult();
            var afterDelete = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions("guards", null) }).GetAwaiter().GetResult().Single();
            Assert.Equal(new[] { 1 }, afterDelete.Partitions.Select(p => p.Partition.Value));

            admin.DeleteGroupsAsync(new[] { "guards" }).GetAwaiter().GetResult();
            var gone = Assert.Throws<DeleteGroupsException>(() => admin.DeleteGroupsAsync(new[] { "guards" }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.GroupIdNotFound, gone.Results.Single().Error.Code);
            // A group-level error: librdkafka reports it as a plain KafkaException.
            var offsetDeleteOnUnknown = Assert.ThrowsAny<KafkaException>(() => admin.DeleteConsumerGroupOffsetsAsync("guards",
                new[] { new TopicPartition("guarded", 0) }).GetAwaiter().GetResult());
            Assert.Equal(ErrorCode.GroupIdNotFound, offsetDeleteOnUnknown.Error.Code);
        }

        [Fact]
        public void Groups_are_listed_and_described_with_Kafka_state_names()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "listed", 1);
            using var admin = Clients.Admin(broker);
            using (var member = new PolledConsumer(broker, "listed-group", "listed"))
            {
                Eventually.True(() => member.Assignment.Count == 1, "assigned");
                var groups = admin.ListConsumerGroupsAsync().GetAwaiter().GetResult();
                Assert.Contains(groups.Valid, g => g.GroupId == "listed-group");
                var description = admin.DescribeConsumerGroupsAsync(new[] { "listed-group" }).GetAwaiter().GetResult().ConsumerGroupDescriptions.Single();
                Assert.Equal(ConsumerGroupState.Stable, description.State);
                Assert.Equal(new TopicPartition("listed", 0), description.Members.Single().Assignment.TopicPartitions.Single());
            }

            var unknown = admin.DescribeConsumerGroupsAsync(new[] { "never-existed" }).GetAwaiter().GetResult().ConsumerGroupDescriptions.Single();
            Assert.Equal(ConsumerGroupState.Dead, unknown.State);
        }

        [Fact]
        public void A_group_whose_last_member_leaves_is_Empty_at_once_so_offsets_can_be_changed()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "leaving", 1);
            using var admin = Clients.Admin(broker);
            using (var member = new PolledConsumer(broker, "leaving-group", "leaving"))
            {
                Eventually.True(() => member.Assignment.Count == 1, "assigned");
            }

            // Kafka completes the join at once when nobody is left (prepareRebalance → tryCompleteElseWatch), so the
            // very next describe sees Empty and an admin offset change is accepted.
            var description = admin.DescribeConsumerGroupsAsync(new[] { "leaving-group" }).GetAwaiter().GetResult().ConsumerGroupDescriptions.Single();
            Assert.Equal(ConsumerGroupState.Empty, description.State);
            admin.AlterConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitionOffsets("leaving-group", new List<TopicPartitionOffset> { new TopicPartitionOffset("leaving", 0, 0) }) }).GetAwaiter().GetResult();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>sync.group.offsets.enabled: checkpoints go into DR groups that have no active member, and only forward.</summary>
    public class GroupOffsetSyncTests
    {
        [Fact]
        public void Translated_offsets_go_into_idle_or_missing_DR_groups_only_forward_and_never_into_active_ones()
        {
            using var lab = new DrLabHarness(new Dictionary<string, string> { ["sync.group.offsets.enabled"] = "true" });
            lab.Replicate(1, 40);

            // On DR: g-ahead already past the checkpoint, g-behind before it, g-active with a consumer in it.
            CommitOnDr(lab, "g-ahead", 35);
            CommitOnDr(lab, "g-behind", 5);
            using var active = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
            {
                BootstrapServers = lab.Dr,
                GroupId = "g-active",
                EnableAutoCommit = false,
                AutoOffsetReset = AutoOffsetReset.Latest,
                SessionTimeoutMs = 6000,
                HeartbeatIntervalMs = 200,
            }).Build();
            active.Subscribe(DrLabHarness.RemoteTopic);
            Eventually.True(() =>
            {
                active.Consume(TimeSpan.FromMilliseconds(50));
                return active.Assignment.Count == 1;
            }, "the DR consumer of g-active joined");

            // Each group at 30 on the primary: checkpoint 30 -> 23 (sync 22->22, +1).
            foreach (var group in new[] { "g-new", "g-ahead", "g-behind", "g-active" })
            {
                lab.Commit(group, DrLabHarness.Topic, 0, 30);
            }

            Eventually.True(() =>
            {
                active.Consume(TimeSpan.FromMilliseconds(50));
                return CommittedOnDr(lab, "g-new") == 23 && CommittedOnDr(lab, "g-behind") == 23;
            }, "g-new created and g-behind moved forward to 23");

            // Some more sync rounds while the DR consumer stays in its group.
            var synced = lab.Lab.Mirror.Status().GroupOffsetsSynced;
            var heartbeats = lab.Lab.Mirror.Status().HeartbeatsWritten;
            Eventually.True(() =>
            {
                active.Consume(TimeSpan.FromMilliseconds(50));
                return lab.Lab.Mirror.Status().HeartbeatsWritten >= heartbeats + 6;
            }, "three more seconds of sync rounds (heartbeats count the seconds, both ways)");

            Assert.Equal(35, CommittedOnDr(lab, "g-ahead"));     // never rewound
            Assert.Null(CommittedOnDr(lab, "g-active"));        // consumers use it: left alone
            Assert.Equal(23, CommittedOnDr(lab, "g-new"));
            Assert.Equal(synced, lab.Lab.Mirror.Status().GroupOffsetsSynced);   // nothing rewritten once in step
            Assert.Equal(2, synced);
            active.Close();
        }

        private static void CommitOnDr(DrLabHarness lab, string group, long offset)
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = lab.Dr, GroupId = group, EnableAutoCommit = false }).Build();
            consumer.Commit(new[] { new TopicPartitionOffset(DrLabHarness.RemoteTopic, 0, offset) });
        }

        private static long? CommittedOnDr(DrLabHarness lab, string group)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = lab.Dr }).Build();
            var result = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions(group, new List<TopicPartition> { new TopicPartition(DrLabHarness.RemoteTopic, 0) }) })
                .GetAwaiter().GetResult().Single().Partitions.Single();
            return result.Offset.Value >= 0 ? result.Offset.Value : (long?)null;
        }
    }
}

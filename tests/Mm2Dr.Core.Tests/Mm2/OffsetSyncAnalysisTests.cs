using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>
    /// Cases worked out by hand from MM2's rules. Flow primary->dr, DefaultReplicationPolicy. Offset syncs for orders-0:
    /// 0->0, 100->97, 200->196 (three upstream records were dropped between 0 and 100, one between 100 and 200).
    /// </summary>
    public class OffsetSyncAnalysisTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly CheckpointTopicNaming Naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "primary", "dr");

        private static OffsetSyncStore Syncs()
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd: false);
            store.Apply(new OffsetSync("orders", 0, 0, 0));
            store.Apply(new OffsetSync("orders", 0, 100, 97));
            store.Apply(new OffsetSync("orders", 0, 200, 196));
            store.MarkReadToEnd();
            return store;
        }

        private static CheckpointRecord Cp(string group, string topic, int partition, long up, long down, int secondsOld = 30)
            => new CheckpointRecord(new Checkpoint(group, topic, partition, up, down, ""), 0, Now.AddSeconds(-secondsOld));

        private static OffsetSyncRow Single(long? primary, CheckpointRecord? checkpoint, long? drCommitted = null, LogBounds? bounds = null, OffsetSyncStore? syncs = null)
        {
            var input = new OffsetSyncAnalysisInput
            {
                Naming = Naming,
                PrimaryCommitted = primary.HasValue ? new Dictionary<GroupTopicPartition, long> { [new GroupTopicPartition("g1", "orders", 0)] = primary.Value } : new Dictionary<GroupTopicPartition, long>(),
                Checkpoints = checkpoint == null ? new Dictionary<GroupTopicPartition, CheckpointRecord>() : new Dictionary<GroupTopicPartition, CheckpointRecord> { [new GroupTopicPartition("g1", "primary.orders", 0)] = checkpoint },
                DrCommitted = drCommitted.HasValue ? new Dictionary<GroupTopicPartition, long> { [new GroupTopicPartition("g1", "primary.orders", 0)] = drCommitted.Value } : new Dictionary<GroupTopicPartition, long>(),
                OffsetSyncs = syncs ?? Syncs(),
                DrPartitions = bounds.HasValue ? new Dictionary<TopicPartition, LogBounds> { [new TopicPartition("primary.orders", 0)] = bounds.Value } : new Dictionary<TopicPartition, LogBounds>(),
                Now = Now,
            };
            return Assert.Single(OffsetSyncAnalysis.Analyze(input));
        }

        [Fact]
        public void InSync_past_a_sync_rereads_the_records_between_the_sync_and_the_group()
        {
            // Group at 150: MM2 translates through 100->97 to 98, i.e. upstream 101 at best; 101..149 are read again.
            var row = Single(150, Cp("g1", "primary.orders", 0, 150, 98), drCommitted: 98, bounds: new LogBounds(0, 250));

            Assert.Equal(OffsetSyncStatus.InSync, row.Status);
            Assert.Equal("orders", row.SourceTopic);
            Assert.Equal("primary.orders", row.TargetTopic);
            Assert.Equal(150, row.PrimaryCommittedOffset);
            Assert.Equal(150, row.CheckpointUpstreamOffset);
            Assert.Equal(98, row.CheckpointDownstreamOffset);
            Assert.Equal(98, row.FailoverOffset);
            Assert.Equal(98, row.DrCommittedOffset);
            Assert.Equal(0, row.CheckpointLagMessages);
            Assert.Equal(49, row.SparseRereadMessages);
            Assert.Equal(49, row.RereadAfterFailoverMessages);
            Assert.Equal(TimeSpan.FromSeconds(30), row.CheckpointAge);
            Assert.Equal(DrOffsetRangeCheck.WithinRange, row.FailoverOffsetRange);
            Assert.Equal(OffsetTranslationOutcome.PastSync, row.CurrentTranslation!.Outcome);
            Assert.Equal(98, row.CurrentTranslation.DownstreamOffset);
            Assert.Contains("re-reads at most 49 messages", row.Explanation);
        }

        [Fact]
        public void InSync_on_a_sync_rereads_nothing()
        {
            var row = Single(200, Cp("g1", "primary.orders", 0, 200, 196));
            Assert.Equal(OffsetSyncStatus.InSync, row.Status);
            Assert.Equal(0, row.SparseRereadMessages);
            Assert.Equal(0, row.RereadAfterFailoverMessages);
            Assert.Equal(OffsetTranslationOutcome.ExactSync, row.CurrentTranslation!.Outcome);
        }

        [Fact]
        public void Behind_adds_what_the_primary_consumed_since_the_checkpoint()
        {
            var row = Single(210, Cp("g1", "primary.orders", 0, 150, 98));
            Assert.Equal(OffsetSyncStatus.Behind, row.Status);
            Assert.Equal(60, row.CheckpointLagMessages);
            Assert.Equal(49, row.SparseRereadMessages);
            Assert.Equal(109, row.RereadAfterFailoverMessages);
            // What MM2's next checkpoint will say: through 200->196, plus one.
            Assert.Equal(197, row.CurrentTranslation!.DownstreamOffset);
            Assert.Contains("60 messages past the newest checkpoint", row.Explanation);
        }

        [Fact]
        public void NoCheckpoint_when_MM2_has_not_checkpointed_the_partition()
        {
            var row = Single(150, null, drCommitted: 40);
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, row.Status);
            Assert.Null(row.FailoverOffset);
            Assert.Null(row.RereadAfterFailoverMessages);
            Assert.Equal(40, row.DrCommittedOffset);
            Assert.Equal(DrOffsetRangeCheck.NotChecked, row.FailoverOffsetRange);
            Assert.Contains("No checkpoint", row.Explanation);
        }

        [Fact]
        public void NoCheckpoint_explains_an_untranslatable_primary_position()
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd: true);
            store.Apply(new OffsetSync("orders", 0, 500, 480));
            store.MarkReadToEnd();
            var row = Single(150, null, syncs: store);
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, row.Status);
            Assert.Equal(OffsetTranslationOutcome.BeforeOldestSync, row.CurrentTranslation!.Outcome);
            Assert.Contains("older than the oldest retained offset sync", row.Explanation);
        }

        [Fact]
        public void Ahead_when_the_primary_group_was_reset_backwards()
        {
            var row = Single(120, Cp("g1", "primary.orders", 0, 150, 98));
            Assert.Equal(OffsetSyncStatus.Ahead, row.Status);
            Assert.Equal(-30, row.CheckpointLagMessages);
            Assert.Null(row.RereadAfterFailoverMessages);
            Assert.Contains("reset backwards", row.Explanation);
        }

        [Fact]
        public void Ahead_when_the_primary_has_no_offset_behind_a_checkpoint()
        {
            var row = Single(null, Cp("g1", "primary.orders", 0, 150, 98));
            Assert.Equal(OffsetSyncStatus.Ahead, row.Status);
            Assert.Equal("orders", row.SourceTopic);
            Assert.Null(row.PrimaryCommittedOffset);
            Assert.Contains("deleted or its offsets expired", row.Explanation);
        }

        [Fact]
        public void Ahead_when_the_DR_group_is_beyond_what_the_primary_position_can_map_to()
        {
            // Primary at 150 maps at most to 97 + 50 = 147 on DR (from sync 100->97); a DR group at 190 went further.
            var row = Single(150, Cp("g1", "primary.orders", 0, 150, 98), drCommitted: 190);
            Assert.Equal(OffsetSyncStatus.Ahead, row.Status);
            Assert.Contains("beyond 147", row.Explanation);

            Assert.Equal(OffsetSyncStatus.InSync, Single(150, Cp("g1", "primary.orders", 0, 150, 98), drCommitted: 147).Status);
        }

        [Fact]
        public void Failover_offsets_outside_the_DR_partition_are_flagged()
        {
            var below = Single(150, Cp("g1", "primary.orders", 0, 150, 98), bounds: new LogBounds(120, 300));
            Assert.Equal(DrOffsetRangeCheck.BelowLogStart, below.FailoverOffsetRange);
            Assert.Contains("below the DR partition's log start 120", below.Explanation);

            var beyond = Single(150, Cp("g1", "primary.orders", 0, 150, 98), bounds: new LogBounds(0, 50));
            Assert.Equal(DrOffsetRangeCheck.BeyondLogEnd, beyond.FailoverOffsetRange);

            Assert.Equal(DrOffsetRangeCheck.WithinRange, Single(150, Cp("g1", "primary.orders", 0, 150, 98), bounds: new LogBounds(98, 98)).FailoverOffsetRange);
        }

        [Fact]
        public void Without_offset_syncs_the_reread_is_unknown_but_the_status_is_still_computed()
        {
            var input = new OffsetSyncAnalysisInput
            {
                Naming = Naming,
                PrimaryCommitted = new Dictionary<GroupTopicPartition, long> { [new GroupTopicPartition("g1", "orders", 0)] = 160 },
                Checkpoints = new Dictionary<GroupTopicPartition, CheckpointRecord> { [new GroupTopicPartition("g1", "primary.orders", 0)] = Cp("g1", "primary.orders", 0, 150, 98) },
                Now = Now,
            };
            var row = Assert.Single(OffsetSyncAnalysis.Analyze(input));
            Assert.Equal(OffsetSyncStatus.Behind, row.Status);
            Assert.Null(row.SparseRereadMessages);
            Assert.Null(row.RereadAfterFailoverMessages);
            Assert.Null(row.CurrentTranslation);
            Assert.Contains("Offset syncs were not read", row.Explanation);
        }

        [Fact]
        public void Rows_cover_the_selected_groups_and_replicated_topics_in_a_stable_order()
        {
            var input = new OffsetSyncAnalysisInput
            {
                Naming = Naming,
                Groups = new[] { "g1", "g2" },
                ReplicatedTopic = t => t != "excluded",
                PrimaryCommitted = new Dictionary<GroupTopicPartition, long>
                {
                    [new GroupTopicPartition("g2", "orders", 1)] = 5,
                    [new GroupTopicPartition("g1", "orders", 0)] = 150,
                    [new GroupTopicPartition("g1", "excluded", 0)] = 1,
                    [new GroupTopicPartition("g3", "orders", 0)] = 9,
                },
                Checkpoints = new Dictionary<GroupTopicPartition, CheckpointRecord>
                {
                    [new GroupTopicPartition("g1", "primary.orders", 0)] = Cp("g1", "primary.orders", 0, 150, 98),
                    [new GroupTopicPartition("g2", "primary.audit", 0)] = Cp("g2", "primary.audit", 0, 3, 3),
                    [new GroupTopicPartition("g3", "primary.orders", 0)] = Cp("g3", "primary.orders", 0, 9, 9),
                },
                OffsetSyncs = Syncs(),
                Now = Now,
            };

            var rows = OffsetSyncAnalysis.Analyze(input);

            Assert.Equal(new[] { "g1:orders-0:InSync", "g2:audit-0:Ahead", "g2:orders-1:NoCheckpoint" }, rows.Select(r => $"{r.Group}:{r.SourceTopic}-{r.Partition}:{r.Status}"));
        }

        [Fact]
        public void Failback_topics_line_up_with_their_original_names()
        {
            // Flow dr->primary seen from the other side: on the source "primary", topic "dr.orders" came from the target "dr".
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "primary", "dr");
            var input = new OffsetSyncAnalysisInput
            {
                Naming = naming,
                PrimaryCommitted = new Dictionary<GroupTopicPartition, long> { [new GroupTopicPartition("g", "dr.orders", 0)] = 12 },
                Checkpoints = new Dictionary<GroupTopicPartition, CheckpointRecord> { [new GroupTopicPartition("g", "orders", 0)] = Cp("g", "orders", 0, 12, 9) },
                Now = Now,
            };
            var row = Assert.Single(OffsetSyncAnalysis.Analyze(input));
            Assert.Equal("dr.orders", row.SourceTopic);
            Assert.Equal("orders", row.TargetTopic);
            Assert.Equal(OffsetSyncStatus.InSync, row.Status);
        }
    }
}

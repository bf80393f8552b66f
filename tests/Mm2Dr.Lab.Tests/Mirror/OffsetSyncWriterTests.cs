using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Lab.Mirror;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>MM2's offset-sync emission rule (OffsetSyncWriter, MirrorSourceTask.PartitionState), with Kafka's own test cases.</summary>
    public class OffsetSyncWriterTests
    {
        private readonly List<(OffsetSync Sync, Action Done)> _sent = new List<(OffsetSync, Action)>();

        private OffsetSyncWriter Writer(long maxOffsetLag) => new OffsetSyncWriter(maxOffsetLag, (sync, done) => _sent.Add((sync, done)));

        [Fact]
        public void The_first_record_syncs_at_once_and_the_next_within_the_lag_waits_for_a_commit()
        {
            // Kafka's OffsetSyncWriterTest.testMaybeQueueOffsetSyncs (offset.lag.max = 2).
            var writer = Writer(2);
            writer.MaybeQueueOffsetSyncs("topic", 0, 0, 1);
            Assert.Empty(writer.Delayed);
            Assert.Equal(new OffsetSync("topic", 0, 0, 1), Assert.Single(writer.Pending));
            writer.MaybeQueueOffsetSyncs("topic", 0, 1, 2);
            Assert.Equal(new OffsetSync("topic", 0, 1, 2), Assert.Single(writer.Delayed));
        }

        [Fact]
        public void No_more_than_the_outstanding_limit_is_in_flight()
        {
            // Kafka's testFirePendingOffsetSyncs, with MM2's limit of 10 in flight instead of its test's 1.
            var writer = Writer(1);
            for (var i = 0; i < 12; i++)
            {
                // Every record skips one upstream offset: each one must be synced at once.
                writer.MaybeQueueOffsetSyncs("topic-" + i, 0, 0, 100);
            }

            writer.FirePendingOffsetSyncs();
            Assert.Equal(OffsetSyncWriter.MaxOutstandingOffsetSyncs, _sent.Count);
            Assert.Equal(10, writer.Outstanding);
            Assert.Equal(2, writer.Pending.Count);

            _sent[0].Done();
            writer.FirePendingOffsetSyncs();
            Assert.Equal(11, _sent.Count);
            Assert.Equal("topic-10", _sent[10].Sync.Topic);
        }

        [Fact]
        public void A_commit_promotes_the_latest_delayed_sync_per_partition()
        {
            // Kafka's testPromoteDelayedOffsetSyncs (offset.lag.max = 50).
            var writer = Writer(50);
            writer.MaybeQueueOffsetSyncs("topic", 0, 0, 100);
            writer.MaybeQueueOffsetSyncs("topic", 0, 1, 101);
            writer.PromoteDelayedOffsetSyncs();
            Assert.Empty(writer.Delayed);
            Assert.Equal(new OffsetSync("topic", 0, 1, 101), Assert.Single(writer.Pending));
        }

        [Fact]
        public void Syncs_go_out_on_the_first_record_a_stale_translation_a_skipped_upstream_offset_and_a_truncated_target()
        {
            var writer = Writer(10);
            var immediate = new List<long>();
            void Record(long upstream, long downstream)
            {
                writer.MaybeQueueOffsetSyncs("t", 0, upstream, downstream);
                writer.FirePendingOffsetSyncs();
                if (_sent.Count > immediate.Count)
                {
                    immediate.Add(upstream);
                    _sent[_sent.Count - 1].Done();
                }
            }

            for (var o = 0; o < 25; o++)
            {
                Record(o, o);
            }

            // First record, then whenever downstream - (last sync + 1) >= 10: 11, 22.
            Assert.Equal(new long[] { 0, 11, 22 }, immediate);

            Record(30, 25);   // upstream skipped 25..29 (compaction, a transaction marker): sync
            Record(31, 26);   // contiguous: delayed
            Record(32, 3);    // downstream went backwards (the remote topic was recreated): sync
            Assert.Equal(new long[] { 0, 11, 22, 30, 32 }, immediate);
            Assert.Empty(writer.Delayed);
        }
    }
}

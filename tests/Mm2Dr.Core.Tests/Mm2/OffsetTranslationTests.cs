using System.Linq;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>The explanation side of <see cref="OffsetSyncStore.Translate"/>: which sync, which rule, and why not.</summary>
    public class OffsetTranslationTests
    {
        private static OffsetSyncStore StoreWith(params (long Up, long Down)[] syncs)
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd: false);
            foreach (var (up, down) in syncs)
            {
                store.Apply(new OffsetSync("orders", 0, up, down));
            }

            store.MarkReadToEnd();
            return store;
        }

        [Fact]
        public void Past_a_sync_the_plus_one_rule_applies_and_the_reread_is_bounded()
        {
            var t = StoreWith((100, 200)).Translate("orders", 0, 150);
            Assert.Equal(OffsetTranslationOutcome.PastSync, t.Outcome);
            Assert.True(t.IsTranslated);
            Assert.Equal(201, t.DownstreamOffset);
            Assert.Equal(201, t.MirrorMakerResult);
            Assert.Equal(new OffsetSync("orders", 0, 100, 200), t.SyncUsed);
            Assert.Equal(0, t.SyncSlot);
            Assert.Equal(49, t.MaxRereadRecords);
            Assert.Contains("200 + 1 = 201", t.Explanation);
            Assert.Contains("re-reads up to 49 records", t.Explanation);
        }

        [Fact]
        public void On_a_sync_the_translation_is_exact()
        {
            var t = StoreWith((100, 200), (150, 251)).Translate("orders", 0, 150);
            Assert.Equal(OffsetTranslationOutcome.ExactSync, t.Outcome);
            Assert.Equal(251, t.DownstreamOffset);
            Assert.Equal(0, t.MaxRereadRecords);
        }

        [Fact]
        public void An_older_sync_in_the_history_is_used_and_named_by_its_slot()
        {
            // After 150 arrives, slot j (j >= 1) may keep 100 only once 150 <= 100 + 2^j - 2^(j-1), i.e. 2^(j-1) >= 50: j = 7.
            var t = StoreWith((100, 200), (150, 251)).Translate("orders", 0, 120);
            Assert.Equal(OffsetTranslationOutcome.PastSync, t.Outcome);
            Assert.Equal(100, t.SyncUsed!.UpstreamOffset);
            Assert.Equal(7, t.SyncSlot);
            Assert.Equal(201, t.DownstreamOffset);
        }

        [Fact]
        public void Before_the_oldest_sync_there_is_no_translation_and_MM2_would_say_minus_one()
        {
            var t = StoreWith((100, 200)).Translate("orders", 0, 5);
            Assert.Equal(OffsetTranslationOutcome.BeforeOldestSync, t.Outcome);
            Assert.False(t.IsTranslated);
            Assert.Null(t.DownstreamOffset);
            Assert.Equal(-1, t.MirrorMakerResult);
            Assert.Null(t.MaxRereadRecords);
            Assert.Equal(100, t.SyncUsed!.UpstreamOffset);
            Assert.Contains("older than the oldest retained offset sync (100 -> 200)", t.Explanation);
        }

        [Fact]
        public void A_partition_without_syncs_has_no_translation()
        {
            var store = StoreWith((100, 200));
            var t = store.Translate("orders", 1, 150);
            Assert.Equal(OffsetTranslationOutcome.NoSync, t.Outcome);
            Assert.Null(t.MirrorMakerResult);
            Assert.Contains("orders-1", t.Explanation);
            Assert.Empty(store.SlotsFor("orders", 1));
            Assert.Null(store.LatestSyncFor("orders", 1));
        }

        [Fact]
        public void Nothing_is_translated_before_the_initial_read_ends()
        {
            var store = new OffsetSyncStore();
            store.Apply(new OffsetSync("orders", 0, 100, 200));
            var t = store.Translate("orders", 0, 100);
            Assert.Equal(OffsetTranslationOutcome.NotReadToEnd, t.Outcome);
            Assert.False(store.IsReadToEnd);
        }

        [Fact]
        public void Partitions_are_independent_and_listed()
        {
            var store = new OffsetSyncStore();
            store.Apply(new OffsetSync("orders", 0, 10, 10));
            store.Apply(new OffsetSync("orders", 1, 20, 25));
            store.Apply(new OffsetSync("payments", 0, 30, 31));
            store.MarkReadToEnd();
            Assert.Equal(3, store.Partitions.Count);
            Assert.Equal(3, store.SyncsApplied);
            Assert.Equal(26, store.TranslateDownstream("orders", 1, 21));
            Assert.Equal(-1, store.TranslateDownstream("orders", 0, 9));
        }

        [Fact]
        public void The_initial_read_keeps_only_the_last_sync_when_it_must_read_to_end()
        {
            var strict = new OffsetSyncStore(initializationMustReadToEnd: true);
            var sparse = new OffsetSyncStore(initializationMustReadToEnd: false);
            foreach (var store in new[] { strict, sparse })
            {
                for (var offset = 0; offset <= 100; offset += 10)
                {
                    store.Apply(new OffsetSync("orders", 0, offset, offset));
                }

                store.MarkReadToEnd();
            }

            Assert.Single(strict.RetainedSyncsFor("orders", 0));
            Assert.Equal(OffsetTranslationOutcome.BeforeOldestSync, strict.Translate("orders", 0, 55).Outcome);
            Assert.True(sparse.RetainedSyncsFor("orders", 0).Count > 1);
            var t = sparse.Translate("orders", 0, 55);
            Assert.Equal(OffsetTranslationOutcome.PastSync, t.Outcome);
            Assert.InRange(t.SyncUsed!.UpstreamOffset, 0, 50);
            Assert.Equal(t.SyncUsed.DownstreamOffset + 1, t.DownstreamOffset);
        }

        [Fact]
        public void Retained_syncs_are_distinct_newest_first_and_slots_are_64()
        {
            var store = StoreWith((0, 0), (10, 10), (20, 20));
            Assert.Equal(64, store.SlotsFor("orders", 0).Count);
            Assert.Equal(new long[] { 20, 10, 0 }, store.RetainedSyncsFor("orders", 0).Select(s => s.UpstreamOffset));
            Assert.Equal(20, store.LatestSyncFor("orders", 0)!.UpstreamOffset);
        }
    
        [Fact]
        public void The_sync_behind_a_checkpoint_is_the_newest_at_or_below_both_offsets()
        {
            var store = StoreWith((0, 0), (100, 97), (200, 196));
            Assert.Equal(100, store.SyncBehind("orders", 0, 150, 98)!.UpstreamOffset);
            Assert.Equal(0, store.SyncBehind("orders", 0, 150, 50)!.UpstreamOffset);
            Assert.Equal(200, store.SyncBehind("orders", 0, 200, 196)!.UpstreamOffset);
            Assert.Null(store.SyncBehind("orders", 0, -1, 0));
            Assert.Null(store.SyncBehind("orders", 9, 150, 98));
        }

        [Theory]
        [InlineData(150, 147)]   // min(196 from 200->196, 97 + 50 from 100->97)
        [InlineData(250, 246)]   // beyond every sync: 196 + 50
        [InlineData(100, 97)]    // on a sync
        [InlineData(50, 50)]     // min(97, 0 + 50)
        public void The_downstream_upper_bound_uses_the_syncs_on_both_sides(long upstream, long expected)
        {
            Assert.Equal(expected, StoreWith((0, 0), (100, 97), (200, 196)).DownstreamUpperBound("orders", 0, upstream));
        }

        [Fact]
        public void No_downstream_upper_bound_without_syncs()
        {
            Assert.Null(StoreWith().DownstreamUpperBound("orders", 0, 5));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>
    /// Every test of Kafka's OffsetSyncStoreTest (connect/mirror, 3.7–3.9 and trunk), same inputs, same expected values.
    /// Java's start(b) maps to new OffsetSyncStore(b) + syncs read "during start" + MarkReadToEnd();
    /// Optional.empty maps to null; syncFor(tp, i) to SlotsFor(...)[i].
    /// </summary>
    public class OffsetSyncStoreTests
    {
        private const string Topic = "topic1";
        private const int Partition = 2;

        // Like Kafka's FakeOffsetSyncStore.sync: through the wire format, so each sync is a new object.
        private static void Sync(OffsetSyncStore store, long upstream, long downstream)
        {
            var sync = new OffsetSync(Topic, Partition, upstream, downstream);
            store.Apply(OffsetSyncCodec.Decode(OffsetSyncCodec.EncodeKey(sync), OffsetSyncCodec.EncodeValue(sync), new RecordLocation("test.offsets.internal", 0, 3)));
        }

        private static long? Translate(OffsetSyncStore store, long upstream) => store.TranslateDownstream(Topic, Partition, upstream);

        private static OffsetSyncStore Started(bool initializationMustReadToEnd, Action<OffsetSyncStore>? duringStart = null)
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd);
            duringStart?.Invoke(store);
            store.MarkReadToEnd();
            return store;
        }

        [Fact]
        public void testOffsetTranslation()
        {
            var store = Started(true);

            // Emit synced downstream offset without dead-reckoning
            Sync(store, 100, 200);
            Assert.Equal(201, Translate(store, 150));

            // Translate exact offsets
            Sync(store, 150, 251);
            Assert.Equal(251, Translate(store, 150));

            // Use old offset (5) prior to any sync -> can't translate
            Assert.Equal(-1, Translate(store, 5));

            // Downstream offsets reset
            Sync(store, 200, 10);
            Assert.Equal(10, Translate(store, 200));

            // Upstream offsets reset
            Sync(store, 20, 20);
            Assert.Equal(20, Translate(store, 20));
        }

        [Fact]
        public void testNoTranslationIfStoreNotStarted()
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd: true);

            // no offsets exist and store is not started
            Assert.Null(Translate(store, 0));
            Assert.Null(Translate(store, 100));
            Assert.Null(Translate(store, 200));

            // read a sync during startup
            Sync(store, 100, 200);
            Assert.Null(Translate(store, 0));
            Assert.Null(Translate(store, 100));
            Assert.Null(Translate(store, 200));

            // After the store is started all offsets are visible
            store.MarkReadToEnd();
            Assert.Equal(-1, Translate(store, 0));
            Assert.Equal(200, Translate(store, 100));
            Assert.Equal(201, Translate(store, 200));
        }

        [Fact]
        public void testNoTranslationIfNoOffsetSync()
        {
            var store = Started(true);
            Assert.Null(Translate(store, 0));
        }

        [Fact]
        public void testPastOffsetTranslation()
        {
            const int maxOffsetLag = 10;
            var store = Started(true, s =>
            {
                for (var offset = 0; offset <= 1000; offset += maxOffsetLag)
                {
                    Sync(s, offset, offset);
                    AssertSparseSyncInvariant(s);
                }
            });

            // After starting but before seeing new offsets, only the latest startup offset can be translated
            AssertSparseSync(store, 1000, -1);

            for (var offset = 1000 + maxOffsetLag; offset <= 10000; offset += maxOffsetLag)
            {
                Sync(store, offset, offset);
                AssertSparseSyncInvariant(store);
            }

            // After seeing new offsets, we still cannot translate earlier than the latest startup offset
            // Invariant D: the last sync from the initial read-to-end is still stored
            AssertSparseSync(store, 1000, -1);

            // We can translate offsets between the latest startup offset and the latest offset with variable precision
            // Older offsets are less precise and translation ends up farther apart
            AssertSparseSync(store, 4840, 1000);
            AssertSparseSync(store, 6760, 4840);
            AssertSparseSync(store, 8680, 6760);
            AssertSparseSync(store, 9160, 8680);
            AssertSparseSync(store, 9640, 9160);
            AssertSparseSync(store, 9880, 9640);
            AssertSparseSync(store, 9940, 9880);
            AssertSparseSync(store, 9970, 9940);
            AssertSparseSync(store, 9990, 9970);
            AssertSparseSync(store, 10000, 9990);

            // Rewinding upstream offsets should clear all historical syncs
            Sync(store, 1500, 11000);
            AssertSparseSyncInvariant(store);
            Assert.Equal(-1, Translate(store, 1499));
            Assert.Equal(11000, Translate(store, 1500));
            Assert.Equal(11001, Translate(store, 2000));
        }

        // Kafka: "this test has been written knowing the exact offsets syncs stored"
        [Fact]
        public void testPastOffsetTranslationWithoutInitializationReadToEnd()
        {
            const int maxOffsetLag = 10;
            var store = Started(false, s =>
            {
                for (var offset = 0; offset <= 1000; offset += maxOffsetLag)
                {
                    Sync(s, offset, offset);
                    AssertSparseSyncInvariant(s);
                }
            });

            // After starting but before seeing new offsets
            AssertSparseSync(store, 480, 0);
            AssertSparseSync(store, 720, 480);
            AssertSparseSync(store, 1000, 990);

            for (var offset = 1000; offset <= 10000; offset += maxOffsetLag)
            {
                Sync(store, offset, offset);
                AssertSparseSyncInvariant(store);
            }

            // After seeing new offsets, 1000 was kicked out of the store, so
            // offsets before 3840 can only be translated to 1, only previously stored offset is 0
            AssertSparseSync(store, 3840, 0);
            AssertSparseSync(store, 7680, 3840);
            AssertSparseSync(store, 8640, 7680);
            AssertSparseSync(store, 9120, 8640);
            AssertSparseSync(store, 9600, 9120);
            AssertSparseSync(store, 9840, 9600);
            AssertSparseSync(store, 9900, 9840);
            AssertSparseSync(store, 9960, 9900);
            AssertSparseSync(store, 9990, 9960);
            AssertSparseSync(store, 10000, 9990);

            // Rewinding upstream offsets should clear all historical syncs
            Sync(store, 1500, 11000);
            AssertSparseSyncInvariant(store);
            Assert.Equal(-1, Translate(store, 1499));
            Assert.Equal(11000, Translate(store, 1500));
            Assert.Equal(11001, Translate(store, 2000));
        }

        [Fact]
        public void testConsistentlySpacedSyncs()
        {
            // Under normal operation, the incoming syncs will be regularly spaced and the store should keep a set of syncs
            // which provide the best translation accuracy (expires as few syncs as possible)
            const long iterations = 100;
            const long maxStep = long.MaxValue / iterations;
            // Test a variety of steps (corresponding to the offset.lag.max configuration)
            for (long step = 1; step < maxStep; step = (step * 2) + 1)
            {
                for (long firstOffset = 0; firstOffset < 30; firstOffset++)
                {
                    // Each new sync should be added to the cache and expire at most one other sync from the cache
                    AssertSyncSpacingHasBoundedExpirations(firstOffset, Enumerable.Repeat(step, (int)iterations), 1);
                }
            }
        }

        [Fact]
        public void testRandomlySpacedSyncs()
        {
            var random = new JavaRandom(0L); // arbitrary but deterministic seed
            const int iterationBits = 10;
            const long iterations = 1 << iterationBits;
            for (var n = 1; n < 64 - iterationBits; n++)
            {
                // A stream with at most n bits of difference between the largest and smallest steps
                // will expire n + 2 syncs at once in the worst case, because the sync store is laid out exponentially.
                var maximumDifference = 1L << n;
                var maximumExpirations = n + 2;
                AssertSyncSpacingHasBoundedExpirations(0, random.Longs(iterations, 0L, maximumDifference), maximumExpirations);
                // This holds true even if there is a larger minimum step size, such as caused by offsetLagMax
                const long offsetLagMax = 1L << 16;
                AssertSyncSpacingHasBoundedExpirations(0, random.Longs(iterations, offsetLagMax, offsetLagMax + maximumDifference), maximumExpirations);
            }
        }

        [Fact]
        public void testDroppedSyncsSpacing()
        {
            var random = new JavaRandom(0L); // arbitrary but deterministic seed
            const int iterations = 10000;
            const long offsetLagMax = 100;
            // Half of the gaps will be offsetLagMax, and half will be double that, as if one intervening sync was dropped.
            var steps = random.Doubles().Select(d => (d < 0.5 ? 2 : 1) * offsetLagMax).Take(iterations);
            // This will cause up to 2 syncs to be discarded, because a sequence of two adjacent syncs followed by a
            // dropped sync will set up the following situation
            // before [d....d,c,b,a....]
            // after  [e......e,d,a....]
            // and syncs b and c are discarded to make room for e and the demoted sync d.
            AssertSyncSpacingHasBoundedExpirations(0, steps, 2);
        }

        [Fact]
        public void The_Java_random_port_reproduces_known_java_util_Random_values()
        {
            // JDK values: new Random(0).nextLong() == -4962768465676381896; new Random(0).nextDouble() twice == 0.730967787376657, 0.24053641567148587.
            Assert.Equal(-4962768465676381896L, new JavaRandom(0L).NextLong());
            Assert.Equal(new[] { 0.730967787376657, 0.24053641567148587 }, new JavaRandom(0L).Doubles().Take(2).ToArray());
        }

        /// <summary>
        /// Simulate an OffsetSyncStore receiving a sequence of offset syncs as defined by their start offset and gaps.
        /// After processing each simulated sync, assert that the store has not expired more unique syncs than the bound.
        /// </summary>
        private static void AssertSyncSpacingHasBoundedExpirations(long firstOffset, IEnumerable<long> steps, int maximumExpirations)
        {
            var store = Started(true);
            Sync(store, firstOffset, firstOffset);
            var offset = firstOffset;
            var lastCount = 1;
            foreach (var step in steps)
            {
                offset += step;
                Assert.True(offset >= 0, "Test is invalid, offset overflowed");
                Sync(store, offset, offset);
                var slots = store.SlotsFor(Topic, Partition);
                // Invariant A: the latest sync is present
                Assert.Equal(offset, slots[0].UpstreamOffset);
                // Invariant D: the earliest sync is present
                Assert.Equal(firstOffset, slots[63].UpstreamOffset);
                var count = CountDistinctStoredSyncs(slots);
                // We are adding one sync, so if the count didn't change, then exactly one sync expired.
                var expiredSyncs = lastCount - count + 1;
                Assert.True(expiredSyncs <= maximumExpirations,
                    $"Store expired too many syncs: {expiredSyncs} > {maximumExpirations} after receiving offset {offset}");
                lastCount = count;
            }
        }

        private static void AssertSparseSync(OffsetSyncStore store, long syncOffset, long previousOffset)
        {
            Assert.Equal(previousOffset == -1 ? previousOffset : previousOffset + 1, Translate(store, syncOffset - 1));
            Assert.Equal(syncOffset, Translate(store, syncOffset));
            Assert.Equal(syncOffset + 1, Translate(store, syncOffset + 1));
            Assert.Equal(syncOffset + 1, Translate(store, syncOffset + 2));
        }

        private static int CountDistinctStoredSyncs(IReadOnlyList<OffsetSync> slots)
        {
            var count = 1;
            for (var i = 1; i < OffsetSyncStore.SyncsPerPartition; i++)
            {
                if (!ReferenceEquals(slots[i - 1], slots[i]))
                {
                    count++;
                }
            }

            return count;
        }

        private static void AssertSparseSyncInvariant(OffsetSyncStore store)
        {
            var slots = store.SlotsFor(Topic, Partition);
            for (var j = 0; j < OffsetSyncStore.SyncsPerPartition; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    var jUpstream = slots[j].UpstreamOffset;
                    var iUpstream = slots[i].UpstreamOffset;
                    if (jUpstream == iUpstream)
                    {
                        continue;
                    }

                    var exponent = Math.Max(i - 2, 0);
                    var iUpstreamLowerBound = unchecked(jUpstream + (1L << exponent));
                    if (iUpstreamLowerBound < 0)
                    {
                        continue;
                    }

                    Assert.True(iUpstream >= iUpstreamLowerBound,
                        $"Invariant C({i},{j}): Upstream offset {iUpstream} at position {i} should be at least {iUpstreamLowerBound} ({jUpstream} + 2^{exponent})");
                    var iUpstreamUpperBound = unchecked(jUpstream + (1L << j) - (1L << i));
                    if (iUpstreamUpperBound < 0)
                    {
                        continue;
                    }

                    Assert.True(iUpstream <= iUpstreamUpperBound,
                        $"Invariant B({i},{j}): Upstream offset {iUpstream} at position {i} should be no greater than {iUpstreamUpperBound} ({jUpstream} + 2^{j} - 2^{i})");
                }
            }
        }
    }
}

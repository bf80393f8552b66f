using System;
using System.Collections.Generic;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// MM2's in-memory history of offset syncs and its offset translation (org.apache.kafka.connect.mirror.OffsetSyncStore,
    /// KAFKA-14666 and KAFKA-15202, as in Kafka 3.7–3.9), reproduced so that a tool can tell what MM2 can translate and
    /// what a failover will re-read.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The offset-syncs topic is compacted per source partition, so MM2 keeps its own sparse history: per source partition
    /// a fixed array of <see cref="SyncsPerPartition"/> references to syncs, slot 0 the newest, older slots spaced roughly
    /// exponentially further back. Kafka states four invariants for every pair of slots i &lt; j holding different syncs:
    /// A: slot 0 is the latest sync read; B: slot[i].upstream &lt;= slot[j].upstream + 2^j - 2^i (an older slot is not too old);
    /// C: slot[i].upstream &gt;= slot[j].upstream + 2^max(i-2,0) (distinct syncs are spread out); D: slot 63 is the earliest
    /// sync still usable. Checking adjacent slots is enough for them to hold for all pairs, so an update costs one pass.
    /// </para>
    /// <para>
    /// "Different" means different <i>objects</i>: the history repeats the same reference in neighbouring slots, and a
    /// second sync record with equal values is a different sync. This class therefore compares with ReferenceEquals, never
    /// with the record's value equality. Arithmetic wraps like Java's long.
    /// </para>
    /// <para>
    /// Translation: the newest retained sync whose upstream offset is at or below the group's offset; its downstream offset,
    /// plus one unless the group sits exactly on it ("+1" rule: MM2 only knows the consumer is past the synced record).
    /// Not thread-safe: fill it, then query it.
    /// </para>
    /// </remarks>
    public sealed class OffsetSyncStore
    {
        /// <summary>One slot per bit of a 64-bit offset (Kafka's SYNCS_PER_PARTITION = Long.SIZE).</summary>
        public const int SyncsPerPartition = 64;

        private readonly Dictionary<TopicPartition, OffsetSync[]> _syncs = new Dictionary<TopicPartition, OffsetSync[]>();

        // The array as it was before the update in progress. MM2 copies the whole array on each update (for its concurrent
        // readers); we reuse one buffer, but the algorithm needs the pre-update values all the same.
        private readonly OffsetSync[] _beforeUpdate = new OffsetSync[SyncsPerPartition];

        /// <param name="initializationMustReadToEnd">
        /// MM2's start(initializationMustReadToEnd). True (Kafka 3.7.0, or 3.7.1+ when the checkpoints topic could not be
        /// read): during the initial read every sync replaces the whole history, so only the last sync per partition
        /// survives it. False (3.7.1+ when checkpoints were restored): the initial read builds the sparse history.
        /// </param>
        public OffsetSyncStore(bool initializationMustReadToEnd = true)
        {
            InitializationMustReadToEnd = initializationMustReadToEnd;
        }

        public bool InitializationMustReadToEnd { get; }

        /// <summary>Whether <see cref="MarkReadToEnd"/> was called; before that nothing is translated, as in MM2.</summary>
        public bool IsReadToEnd { get; private set; }

        /// <summary>Number of offset syncs applied so far.</summary>
        public long SyncsApplied { get; private set; }

        /// <summary>The source partitions that have at least one sync.</summary>
        public IReadOnlyCollection<TopicPartition> Partitions => _syncs.Keys;

        /// <summary>Records that the initial read of the offset-syncs topic reached its end (the end of MM2's start()).</summary>
        public void MarkReadToEnd() => IsReadToEnd = true;

        /// <summary>Adds one sync read from the offset-syncs topic (MM2's handleRecord).</summary>
        public void Apply(OffsetSync sync)
        {
            if (sync == null)
            {
                throw new ArgumentNullException(nameof(sync));
            }

            SyncsApplied++;
            var key = new TopicPartition(sync.Topic, sync.Partition);
            if (!_syncs.TryGetValue(key, out var slots))
            {
                slots = new OffsetSync[SyncsPerPartition];
                FillWith(slots, sync);
                _syncs.Add(key, slots);
                return;
            }

            Update(slots, sync);
        }

        /// <summary>Translates a source-side offset the way MM2's checkpoint task does, and says why.</summary>
        public OffsetTranslation Translate(string topic, int partition, long upstreamOffset)
        {
            if (topic == null)
            {
                throw new ArgumentNullException(nameof(topic));
            }

            if (!IsReadToEnd)
            {
                return new OffsetTranslation(topic, partition, upstreamOffset, OffsetTranslationOutcome.NotReadToEnd, null, null, null);
            }

            if (!_syncs.TryGetValue(new TopicPartition(topic, partition), out var slots))
            {
                return new OffsetTranslation(topic, partition, upstreamOffset, OffsetTranslationOutcome.NoSync, null, null, null);
            }

            var slot = NewestSlotAtOrBelow(slots, upstreamOffset);
            var sync = slots[slot];
            if (sync.UpstreamOffset > upstreamOffset)
            {
                return new OffsetTranslation(topic, partition, upstreamOffset, OffsetTranslationOutcome.BeforeOldestSync, sync, slot, null);
            }

            if (sync.UpstreamOffset == upstreamOffset)
            {
                return new OffsetTranslation(topic, partition, upstreamOffset, OffsetTranslationOutcome.ExactSync, sync, slot, sync.DownstreamOffset);
            }

            return new OffsetTranslation(topic, partition, upstreamOffset, OffsetTranslationOutcome.PastSync, sync, slot, unchecked(sync.DownstreamOffset + 1));
        }

        /// <summary>MM2's translateDownstream: null = empty (not read to end, no sync), -1 = too old, else the downstream offset.</summary>
        public long? TranslateDownstream(string topic, int partition, long upstreamOffset) => Translate(topic, partition, upstreamOffset).MirrorMakerResult;

        /// <summary>
        /// The 64 history slots of a source partition, newest first, with repeats (MM2's syncFor for each index);
        /// empty when the partition has no sync.
        /// </summary>
        public IReadOnlyList<OffsetSync> SlotsFor(string topic, int partition)
            => _syncs.TryGetValue(new TopicPartition(topic, partition), out var slots) ? (OffsetSync[])slots.Clone() : Array.Empty<OffsetSync>();

        /// <summary>The distinct syncs retained for a source partition, newest first.</summary>
        public IReadOnlyList<OffsetSync> RetainedSyncsFor(string topic, int partition)
        {
            var result = new List<OffsetSync>();
            if (_syncs.TryGetValue(new TopicPartition(topic, partition), out var slots))
            {
                for (var i = 0; i < slots.Length; i++)
                {
                    if (i == 0 || !ReferenceEquals(slots[i], slots[i - 1]))
                    {
                        result.Add(slots[i]);
                    }
                }
            }

            return result;
        }

        /// <summary>The newest sync for a source partition (slot 0), or null.</summary>
        public OffsetSync? LatestSyncFor(string topic, int partition)
            => _syncs.TryGetValue(new TopicPartition(topic, partition), out var slots) ? slots[0] : null;

        /// <summary>
        /// The newest retained sync at or below both <paramref name="upstreamOffset"/> and <paramref name="downstreamOffset"/>:
        /// the sync a translation to <paramref name="downstreamOffset"/> of a group at <paramref name="upstreamOffset"/> was
        /// (or could have been) based on. Null if there is none.
        /// </summary>
        public OffsetSync? SyncBehind(string topic, int partition, long upstreamOffset, long downstreamOffset)
        {
            if (_syncs.TryGetValue(new TopicPartition(topic, partition), out var slots))
            {
                foreach (var sync in slots)
                {
                    if (sync.UpstreamOffset <= upstreamOffset && sync.DownstreamOffset <= downstreamOffset)
                    {
                        return sync;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The highest downstream offset that the upstream position <paramref name="upstreamOffset"/> can correspond to,
        /// given the retained syncs. Each replicated record takes exactly one downstream offset while upstream offsets may
        /// skip, so the position is at most the downstream offset of any sync at or after it, and at most the newest sync
        /// before it plus the upstream distance. Null when the partition has no sync.
        /// </summary>
        public long? DownstreamUpperBound(string topic, int partition, long upstreamOffset)
        {
            if (!_syncs.TryGetValue(new TopicPartition(topic, partition), out var slots))
            {
                return null;
            }

            long? bound = null;
            for (var i = 0; i < slots.Length; i++)
            {
                var sync = slots[i];
                if (i > 0 && ReferenceEquals(sync, slots[i - 1]))
                {
                    continue;
                }

                if (sync.UpstreamOffset >= upstreamOffset)
                {
                    bound = bound.HasValue ? Math.Min(bound.Value, sync.DownstreamOffset) : sync.DownstreamOffset;
                    continue;
                }

                // The newest sync before the position; older ones only give looser bounds.
                var fromBelow = unchecked(sync.DownstreamOffset + (upstreamOffset - sync.UpstreamOffset));
                bound = bound.HasValue ? Math.Min(bound.Value, fromBelow) : fromBelow;
                break;
            }

            return bound;
        }

        private static int NewestSlotAtOrBelow(OffsetSync[] slots, long upstreamOffset)
        {
            // Newest to oldest: over exponentially spaced slots this is effectively a binary search of the topic.
            for (var i = 0; i < SyncsPerPartition; i++)
            {
                if (slots[i].UpstreamOffset <= upstreamOffset)
                {
                    return i;
                }
            }

            return SyncsPerPartition - 1;
        }

        private void Update(OffsetSync[] slots, OffsetSync sync)
        {
            // During an initial read that must reach the end, remember only the last sync: syncs seen before a restart may
            // have been used by an earlier generation, and translating from them could move checkpoints backwards.
            // An upstream rewind (topic recreated, offsets reset) invalidates the whole history.
            var keepOnlyLatest = !IsReadToEnd && InitializationMustReadToEnd;
            if (keepOnlyLatest || sync.UpstreamOffset < slots[0].UpstreamOffset)
            {
                FillWith(slots, sync);
                return;
            }

            Array.Copy(slots, _beforeUpdate, SyncsPerPartition);
            slots[0] = sync;

            // Walk the slots from newest to oldest. Each slot that became too old relative to its newer neighbour
            // (invariant B broken) is refilled with "candidate": the oldest value from the pre-update array that is
            // still recent enough and well separated from both neighbours, or failing that the value just placed in the
            // newer slot. As soon as a slot already satisfies B, all older slots do too, and the walk stops.
            var candidate = sync;
            var nextOld = 0;
            for (var slot = 1; slot < SyncsPerPartition; slot++)
            {
                var newer = slot - 1;
                bool moveOn;
                do
                {
                    var old = _beforeUpdate[nextOld];
                    var recentEnough = InvariantB(slots[newer], old, newer, slot);
                    var apartFromNewer = InvariantC(slots[newer], old, newer);
                    var apartFromOlder = slot + 1 >= SyncsPerPartition || InvariantC(old, slots[slot + 1], slot);
                    var repeatedNext = nextOld + 1 < SyncsPerPartition && ReferenceEquals(old, _beforeUpdate[nextOld + 1]);

                    var usable = recentEnough && apartFromNewer && apartFromOlder;
                    if (usable)
                    {
                        candidate = old;
                    }

                    // A value too close to the newer slot can never fit a later slot either; a repeat adds nothing.
                    moveOn = repeatedNext || !apartFromNewer;
                    if (usable || moveOn)
                    {
                        nextOld++;
                    }
                }
                while (nextOld < slot && moveOn);

                if (InvariantB(slots[newer], slots[slot], newer, slot))
                {
                    break;
                }

                slots[slot] = candidate;
            }
        }

        // Slot i (newer) holds a sync no more than 2^j - 2^i upstream offsets after slot j's (older); wraps like Java.
        private static bool InvariantB(OffsetSync newer, OffsetSync older, int i, int j)
        {
            var bound = unchecked(older.UpstreamOffset + (1L << j) - (1L << i));
            return ReferenceEquals(newer, older) || bound < 0 || newer.UpstreamOffset <= bound;
        }

        // Slot i (newer) holds a sync at least 2^max(i-2,0) upstream offsets after the older slot's; wraps like Java.
        private static bool InvariantC(OffsetSync newer, OffsetSync older, int i)
        {
            var bound = unchecked(older.UpstreamOffset + (1L << Math.Max(i - 2, 0)));
            return ReferenceEquals(newer, older) || (bound >= 0 && newer.UpstreamOffset >= bound);
        }

        private static void FillWith(OffsetSync[] slots, OffsetSync sync)
        {
            // Every slot holding the same sync satisfies B and C trivially.
            for (var i = 0; i < slots.Length; i++)
            {
                slots[i] = sync;
            }
        }
    }
}

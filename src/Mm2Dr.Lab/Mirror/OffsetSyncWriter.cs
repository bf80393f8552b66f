using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// MM2's OffsetSyncWriter (Kafka 3.9; the same logic sat in MirrorSourceTask in 3.7/3.8): decides per replicated
    /// record whether an offset sync goes out now ("pending") or waits for the next commit ("delayed", KAFKA-15906), and
    /// keeps at most <see cref="MaxOutstandingOffsetSyncs"/> in flight. Thread-safe: the data producer's delivery reports
    /// call <see cref="MaybeQueueOffsetSyncs"/>, the task thread calls <see cref="PromoteDelayedOffsetSyncs"/>.
    /// </summary>
    public sealed class OffsetSyncWriter
    {
        /// <summary>MM2's MAX_OUTSTANDING_OFFSET_SYNCS.</summary>
        public const int MaxOutstandingOffsetSyncs = 10;

        private readonly object _gate = new object();
        private readonly long _maxOffsetLag;
        private readonly Action<OffsetSync, Action> _send;
        private readonly Dictionary<TopicPartitionRef, OffsetSyncPartitionState> _states = new Dictionary<TopicPartitionRef, OffsetSyncPartitionState>();

        // Java's LinkedHashMap: insertion order, and replacing a value keeps the key's place.
        private readonly OrderedDictionary _delayed = new OrderedDictionary();
        private readonly OrderedDictionary _pending = new OrderedDictionary();
        private int _outstanding;

        // Read without the lock on every delivery report: most records queue nothing, and taking the lock for each of
        // them made the delivery thread contend with the offset-sync producer's own reports.
        private int _pendingCount;

        /// <param name="maxOffsetLag">offset.lag.max.</param>
        /// <param name="send">Sends one sync to partition 0 of the offset-syncs topic and calls the action once the send is over, failed or not.</param>
        public OffsetSyncWriter(long maxOffsetLag, Action<OffsetSync, Action> send)
        {
            _maxOffsetLag = maxOffsetLag;
            _send = send ?? throw new ArgumentNullException(nameof(send));
        }

        public int Outstanding
        {
            get
            {
                lock (_gate)
                {
                    return _outstanding;
                }
            }
        }

        public IReadOnlyList<OffsetSync> Pending => Values(_pending);

        public IReadOnlyList<OffsetSync> Delayed => Values(_delayed);

        /// <summary>MM2's maybeQueueOffsetSyncs, for a record acknowledged by the target at <paramref name="downstreamOffset"/>.</summary>
        public void MaybeQueueOffsetSyncs(string topic, int partition, long upstreamOffset, long downstreamOffset)
        {
            var key = new TopicPartitionRef(topic, partition);
            var sync = new OffsetSync(topic, partition, upstreamOffset, downstreamOffset);
            lock (_gate)
            {
                if (!_states.TryGetValue(key, out var state))
                {
                    state = new OffsetSyncPartitionState(_maxOffsetLag);
                    _states.Add(key, state);
                }

                if (state.Update(upstreamOffset, downstreamOffset))
                {
                    // Downstream is stale enough: send at once.
                    _delayed.Remove(key);
                    _pending[key] = sync;
                    state.Reset();
                    Volatile.Write(ref _pendingCount, _pending.Count);
                }
                else
                {
                    // Within offset.lag.max: wait for the next commit, so an idle partition's last position is still synced.
                    _delayed[key] = sync;
                }
            }
        }

        /// <summary>At each task commit (offset.flush.interval.ms): the delayed syncs become pending.</summary>
        public void PromoteDelayedOffsetSyncs()
        {
            lock (_gate)
            {
                foreach (DictionaryEntry entry in _delayed)
                {
                    _pending[entry.Key] = entry.Value;
                }

                _delayed.Clear();
                Volatile.Write(ref _pendingCount, _pending.Count);
            }
        }

        /// <summary>Sends pending syncs, oldest first, while fewer than <see cref="MaxOutstandingOffsetSyncs"/> are in flight.</summary>
        public void FirePendingOffsetSyncs()
        {
            if (Volatile.Read(ref _pendingCount) == 0)
            {
                return;
            }

            while (true)
            {
                OffsetSync next;
                lock (_gate)
                {
                    if (_pending.Count == 0 || _outstanding >= MaxOutstandingOffsetSyncs)
                    {
                        return;
                    }

                    next = (OffsetSync)_pending[0]!;
                    _pending.RemoveAt(0);
                    _outstanding++;
                    Volatile.Write(ref _pendingCount, _pending.Count);
                }

                // Outside the lock, as MM2: a send may wait for producer metadata.
                _send(next, Release);
            }
        }

        private void Release()
        {
            lock (_gate)
            {
                _outstanding--;
            }
        }

        private IReadOnlyList<OffsetSync> Values(OrderedDictionary map)
        {
            lock (_gate)
            {
                return map.Values.Cast<OffsetSync>().ToArray();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>Keeps, per (source, target) key, the heartbeat with the greatest emission time among the records fed to it.</summary>
    public sealed class HeartbeatAccumulator
    {
        private readonly string _topic;
        private readonly TolerantRecordDecoder<Heartbeat> _decoder;
        private readonly Dictionary<(string Source, string Target), Entry> _newest = new Dictionary<(string, string), Entry>();

        public HeartbeatAccumulator(string topic, int maxErrorsKept = TolerantRecordDecoder<Heartbeat>.DefaultMaxErrorsKept)
        {
            _topic = topic ?? throw new ArgumentNullException(nameof(topic));
            _decoder = TolerantRecordDecoder.ForHeartbeats(maxErrorsKept);
        }

        public void Add(in RawRecord record)
        {
            if (!_decoder.TryDecode(record, out var heartbeat))
            {
                return;
            }

            var key = (heartbeat.SourceClusterAlias, heartbeat.TargetClusterAlias);
            if (_newest.TryGetValue(key, out var entry))
            {
                entry.Seen++;
                // ">=": on equal emission times the later record wins, as in the compacted topic.
                if (heartbeat.TimestampMs >= entry.Heartbeat.TimestampMs)
                {
                    entry.Set(heartbeat, record);
                }
            }
            else
            {
                entry = new Entry();
                entry.Seen = 1;
                entry.Set(heartbeat, record);
                _newest[key] = entry;
            }
        }

        public void AddRange(IEnumerable<RawRecord> records)
        {
            foreach (var record in records ?? throw new ArgumentNullException(nameof(records)))
            {
                Add(record);
            }
        }

        /// <summary>The result, with ages computed against <paramref name="clock"/>'s now.</summary>
        public HeartbeatSnapshot ToSnapshot(IClock clock, TopicReadSummary? read = null)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            var now = clock.UtcNow;
            var rows = _newest
                .OrderBy(p => p.Key.Source, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Target, StringComparer.Ordinal)
                .Select(p => new HeartbeatStatus(_topic, p.Value.Heartbeat, p.Value.Offset, p.Value.Timestamp, p.Value.TimestampType, p.Value.Seen, now))
                .ToArray();
            return new HeartbeatSnapshot(_topic, rows, _decoder.Report(), read);
        }

        private sealed class Entry
        {
            public Heartbeat Heartbeat = null!;
            public long? Offset;
            public DateTimeOffset? Timestamp;
            public TimestampType TimestampType;
            public long Seen;

            public void Set(Heartbeat heartbeat, in RawRecord record)
            {
                Heartbeat = heartbeat;
                Offset = record.Location.Offset;
                Timestamp = record.Timestamp;
                TimestampType = record.TimestampType;
            }
        }
    }
}

using System;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The newest heartbeat of one emitting herder (source-&gt;target key) found in a heartbeats topic, and what it says about
    /// replication delay.
    /// </summary>
    public sealed class HeartbeatStatus
    {
        public HeartbeatStatus(string topic, Heartbeat newest, long? recordOffset, DateTimeOffset? recordTimestamp, TimestampType recordTimestampType, long heartbeatsSeen, DateTimeOffset now)
        {
            Topic = topic ?? throw new ArgumentNullException(nameof(topic));
            Newest = newest ?? throw new ArgumentNullException(nameof(newest));
            RecordOffset = recordOffset;
            RecordTimestamp = recordTimestamp;
            RecordTimestampType = recordTimestampType;
            HeartbeatsSeen = heartbeatsSeen;
            var emitted = newest.Timestamp;
            ReplicationLatency = emitted.HasValue && recordTimestamp.HasValue ? recordTimestamp.Value - emitted.Value : null;
            Age = emitted.HasValue ? now - emitted.Value : null;
        }

        /// <summary>The topic it was read from: "heartbeats" (written directly) or e.g. "primary.heartbeats" (replicated).</summary>
        public string Topic { get; }

        public string SourceClusterAlias => Newest.SourceClusterAlias;

        public string TargetClusterAlias => Newest.TargetClusterAlias;

        /// <summary>The heartbeat with the greatest emission time for this key.</summary>
        public Heartbeat Newest { get; }

        /// <summary>When MM2 emitted it (the heartbeat's own timestamp field).</summary>
        public DateTimeOffset? HeartbeatTimestamp => Newest.Timestamp;

        public long? RecordOffset { get; }

        /// <summary>The Kafka record's timestamp on the cluster it was read from.</summary>
        public DateTimeOffset? RecordTimestamp { get; }

        /// <summary>CreateTime or LogAppendTime (the topic's message.timestamp.type).</summary>
        public TimestampType RecordTimestampType { get; }

        /// <summary>
        /// Record timestamp minus heartbeat timestamp. A true replication latency only when the topic uses LogAppendTime
        /// (see <see cref="LatencyIsMeasured"/>): with CreateTime, MM2 copies the source record's timestamp into the replica,
        /// so this is about zero whatever the delay, and <see cref="Age"/> is the figure to watch.
        /// </summary>
        public TimeSpan? ReplicationLatency { get; }

        /// <summary>True when <see cref="ReplicationLatency"/> compares the emission time with the broker's append time.</summary>
        public bool LatencyIsMeasured => RecordTimestampType == TimestampType.LogAppendTime && ReplicationLatency.HasValue;

        /// <summary>
        /// Now minus the heartbeat's emission time: for a replicated heartbeats topic, an upper bound of the replication
        /// delay plus the emission interval (emit.heartbeats.interval.seconds, 1 s by default).
        /// </summary>
        public TimeSpan? Age { get; }

        /// <summary>Heartbeat records seen for this key in the read (compaction keeps about one).</summary>
        public long HeartbeatsSeen { get; }

        public override string ToString() => $"{Topic}: {SourceClusterAlias}->{TargetClusterAlias} newest {HeartbeatTimestamp:O}, age {Age}";
    }
}

using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// A decoded record of an MM2 internal topic, with where it was found, as Read-Mm2InternalTopic writes it (Kafka's
    /// CheckpointFormatter, OffsetSyncFormatter and HeartbeatFormatter print the same fields).
    /// </summary>
    public abstract class Mm2InternalRecord
    {
        protected Mm2InternalRecord(string cluster, in RawRecord record)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            InternalTopic = record.Location.Topic ?? string.Empty;
            RecordPartition = record.Location.Partition ?? 0;
            RecordOffset = record.Location.Offset ?? -1;
            Timestamp = record.Timestamp;
        }

        /// <summary>The alias of the cluster the record was read from.</summary>
        public string Cluster { get; }

        public abstract Mm2TopicKind Kind { get; }

        /// <summary>The internal topic, e.g. "primary.checkpoints.internal".</summary>
        public string InternalTopic { get; }

        /// <summary>Always 0 for topics MM2 wrote itself.</summary>
        public int RecordPartition { get; }

        /// <summary>The record's offset in <see cref="InternalTopic"/>.</summary>
        public long RecordOffset { get; }

        /// <summary>The record's timestamp: when MM2 wrote it (checkpoints: when the batch was computed).</summary>
        public DateTimeOffset? Timestamp { get; }
    }
}

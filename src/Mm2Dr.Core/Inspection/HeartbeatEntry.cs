using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>A heartbeat record: which herder (source-&gt;target) emitted it, and when.</summary>
    public sealed class HeartbeatEntry : Mm2InternalRecord
    {
        public HeartbeatEntry(string cluster, in RawRecord record, Heartbeat heartbeat)
            : base(cluster, record)
        {
            Heartbeat = heartbeat;
        }

        public override Mm2TopicKind Kind => Mm2TopicKind.Heartbeats;

        public Heartbeat Heartbeat { get; }

        public string SourceClusterAlias => Heartbeat.SourceClusterAlias;

        public string TargetClusterAlias => Heartbeat.TargetClusterAlias;

        /// <summary>The emission time written by MM2, or null when the value is not a date.</summary>
        public DateTimeOffset? EmittedAt => Heartbeat.Timestamp;

        public long TimestampMs => Heartbeat.TimestampMs;

        public short Version => Heartbeat.Version;

        public override string ToString() => Heartbeat.ToString();
    }
}

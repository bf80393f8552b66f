using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// One partition's replication lag at one moment: the row of Get-ReplicationLag. The lag itself comes from
    /// <see cref="LagFigures.ReplicationLag"/>; the time figures from the newest heartbeat replicated from the primary.
    /// </summary>
    public sealed class ReplicationLagSample
    {
        public ReplicationLagSample(string cluster, string primaryCluster, DateTimeOffset measuredAt, ReplicationLagRow row, HeartbeatStatus? heartbeat)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            PrimaryCluster = primaryCluster ?? throw new ArgumentNullException(nameof(primaryCluster));
            MeasuredAt = measuredAt;
            Row = row ?? throw new ArgumentNullException(nameof(row));
            Heartbeat = heartbeat;
        }

        /// <summary>The DR cluster's alias (where <see cref="DrTopic"/> lives).</summary>
        public string Cluster { get; }

        public string PrimaryCluster { get; }

        /// <summary>When the offsets were read; each -Watch round has its own.</summary>
        public DateTimeOffset MeasuredAt { get; }

        /// <summary>The topic as named on the primary.</summary>
        public string Topic => Row.SourceTopic;

        /// <summary>Its replica on DR, e.g. "primary.orders".</summary>
        public string DrTopic => Row.TargetTopic;

        public int Partition => Row.Partition;

        /// <summary>The primary partition's log end (next offset to be written).</summary>
        public long PrimaryEndOffset => Row.PrimaryPartition.LogEndOffset;

        /// <summary>The DR partition's log end, or null when the DR topic or partition does not exist.</summary>
        public long? DrEndOffset => Row.DrPartition?.LogEndOffset;

        /// <summary>Primary records not yet on DR (an upper bound when the primary partition has offset gaps); null when unknown, see <see cref="Explanation"/>.</summary>
        public long? LagMessages => Row.LagMessages;

        /// <summary>
        /// Now minus the emission time of the newest heartbeat replicated from the primary ("primary.heartbeats" on DR): an
        /// upper bound of the replication delay plus emit.heartbeats.interval.seconds. The same for every partition.
        /// </summary>
        public TimeSpan? HeartbeatAge => Heartbeat?.Age;

        /// <summary>
        /// DR record timestamp minus emission time of that heartbeat: the measured replication latency when the replica
        /// topic uses LogAppendTime (<see cref="LatencyIsMeasured"/>); with CreateTime MM2 copies the timestamp and this says little.
        /// </summary>
        public TimeSpan? HeartbeatLatency => Heartbeat?.ReplicationLatency;

        public bool LatencyIsMeasured => Heartbeat?.LatencyIsMeasured ?? false;

        public string Explanation => Row.Explanation;

        /// <summary>The computation behind the figures: the offset sync used, both partitions' bounds.</summary>
        public ReplicationLagRow Row { get; }

        /// <summary>The heartbeat the time figures come from, or null when none was found.</summary>
        public HeartbeatStatus? Heartbeat { get; }

        public override string ToString() => $"{Topic}-{Partition}: lag {LagMessages?.ToString() ?? "unknown"}";
    }
}

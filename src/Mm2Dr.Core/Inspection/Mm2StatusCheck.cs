using System;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>One finding of Get-Mm2Status: what was checked, on which cluster, about what, the verdict and why.</summary>
    public sealed class Mm2StatusCheck
    {
        public const string ClusterCheck = "Cluster";
        public const string CheckpointsTopicCheck = "CheckpointsTopic";
        public const string OffsetSyncsTopicCheck = "OffsetSyncsTopic";
        public const string HeartbeatsTopicCheck = "HeartbeatsTopic";
        public const string HeartbeatCheck = "Heartbeat";
        public const string ReplicatedHeartbeatCheck = "ReplicatedHeartbeat";
        public const string CheckpointFreshnessCheck = "CheckpointFreshness";
        public const string RemoteTopicCheck = "RemoteTopic";
        public const string CorruptRecordsCheck = "CorruptRecords";
        public const string OverallCheck = "Overall";

        public Mm2StatusCheck(string cluster, string check, string target, CheckStatus status, string detail)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            Check = check ?? throw new ArgumentNullException(nameof(check));
            Target = target ?? throw new ArgumentNullException(nameof(target));
            Status = status;
            Detail = detail ?? throw new ArgumentNullException(nameof(detail));
        }

        /// <summary>The alias of the cluster the finding is about.</summary>
        public string Cluster { get; }

        /// <summary>What kind of check: one of the constants of this class.</summary>
        public string Check { get; }

        /// <summary>The topic, group, heartbeat key or cluster checked.</summary>
        public string Target { get; }

        public CheckStatus Status { get; }

        public string Detail { get; }

        public override string ToString() => $"{Status} {Check} {Target}: {Detail}";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Groups
{
    /// <summary>A described group: state, members, and per-partition committed offsets with lag.</summary>
    public sealed class KafkaConsumerGroupDetail
    {
        public string Cluster { get; set; } = "";

        public string BootstrapServers { get; set; } = "";

        public string Group { get; set; } = "";

        public string State { get; set; } = "Unknown";

        public string? ProtocolType { get; set; }

        public string? PartitionAssignor { get; set; }

        public int? Coordinator { get; set; }

        public IReadOnlyList<KafkaGroupMember> Members { get; set; } = Array.Empty<KafkaGroupMember>();

        public int MemberCount => Members.Count;

        public IReadOnlyList<KafkaGroupPartitionOffset> Offsets { get; set; } = Array.Empty<KafkaGroupPartitionOffset>();

        /// <summary>Sum of the partitions' lag (partitions without a commit count as 0).</summary>
        public long TotalLag => Offsets.Sum(o => o.Lag ?? 0);

        /// <summary>A note when the cluster could not answer everything (e.g. the mock cluster cannot describe groups).</summary>
        public string? Note { get; set; }

        /// <summary>False when Kafka knows nothing of the group: state Dead (or unknown) with no members and no commits.</summary>
        public bool Exists => !((State == "Dead" || State == "Unknown") && Members.Count == 0 && !Offsets.Any(o => o.CommittedOffset.HasValue));

        public bool IsActive => State == "Stable" || State == "PreparingRebalance" || State == "CompletingRebalance" || Members.Count > 0;

        public override string ToString() => Group;
    }
}

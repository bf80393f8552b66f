using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Topics
{
    /// <summary>A topic as Get-KafkaTopic shows it: where it lives, its partitions and their watermarks.</summary>
    public sealed class KafkaTopicInfo
    {
        public string Cluster { get; set; } = "";

        public string BootstrapServers { get; set; } = "";

        public string Name { get; set; } = "";

        public bool IsInternal { get; set; }

        public IReadOnlyList<KafkaPartitionInfo> Partitions { get; set; } = Array.Empty<KafkaPartitionInfo>();

        public int PartitionCount => Partitions.Count;

        public int ReplicationFactor => Partitions.Count == 0 ? 0 : Partitions.Max(p => p.Replicas.Length);

        /// <summary>Messages currently stored (sum of high minus low watermarks).</summary>
        public long Messages => Partitions.Sum(p => p.Messages);

        public long EndOffsetSum => Partitions.Sum(p => Math.Max(0, p.HighWatermark));

        public string? Error { get; set; }

        public override string ToString() => Name;
    }
}

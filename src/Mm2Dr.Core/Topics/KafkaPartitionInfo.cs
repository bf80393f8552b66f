namespace Mm2Dr.Core.Topics
{
    /// <summary>One partition of a topic with its watermarks.</summary>
    public sealed class KafkaPartitionInfo
    {
        public string Cluster { get; set; } = "";

        public string Topic { get; set; } = "";

        public int Partition { get; set; }

        public int Leader { get; set; }

        public int[] Replicas { get; set; } = System.Array.Empty<int>();

        public int[] InSyncReplicas { get; set; } = System.Array.Empty<int>();

        /// <summary>The first offset still stored (log start), or -1 when it could not be read.</summary>
        public long LowWatermark { get; set; } = -1;

        /// <summary>The next offset to be written (log end), or -1 when it could not be read.</summary>
        public long HighWatermark { get; set; } = -1;

        public long Messages => LowWatermark >= 0 && HighWatermark >= LowWatermark ? HighWatermark - LowWatermark : 0;

        /// <summary>A partition-level error from the broker, if any.</summary>
        public string? Error { get; set; }

        public override string ToString() => $"{Topic}[{Partition}] {LowWatermark}..{HighWatermark}";
    }
}

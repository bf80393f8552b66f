namespace Mm2Dr.Core.Groups
{
    /// <summary>One partition of a group: committed offset, log end offset and lag.</summary>
    public sealed class KafkaGroupPartitionOffset
    {
        public string Cluster { get; set; } = "";

        public string Group { get; set; } = "";

        public string Topic { get; set; } = "";

        public int Partition { get; set; }

        /// <summary>The committed offset (next offset to read), or null when the group has never committed here.</summary>
        public long? CommittedOffset { get; set; }

        public long LogStartOffset { get; set; } = -1;

        public long LogEndOffset { get; set; } = -1;

        /// <summary>Messages between the committed offset and the log end; null without a commit.</summary>
        public long? Lag => CommittedOffset is long c && LogEndOffset >= 0 ? System.Math.Max(0, LogEndOffset - c) : (long?)null;

        public string? Metadata { get; set; }

        /// <summary>The member currently assigned this partition, if any.</summary>
        public string? ConsumerId { get; set; }

        public override string ToString() => $"{Topic}[{Partition}] {CommittedOffset?.ToString() ?? "-"}/{LogEndOffset}";
    }
}

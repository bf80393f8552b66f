namespace Mm2Dr.Core.Mm2
{
    /// <summary>How far MM2's replication of one source partition trails the primary, in messages.</summary>
    public sealed class ReplicationLagRow
    {
        public string SourceTopic { get; init; } = string.Empty;

        public string TargetTopic { get; init; } = string.Empty;

        public int Partition { get; init; }

        public LogBounds PrimaryPartition { get; init; }

        /// <summary>The DR partition's bounds, or null when it does not exist (yet).</summary>
        public LogBounds? DrPartition { get; init; }

        /// <summary>The newest offset sync used to map the DR log end back to the primary, or null.</summary>
        public OffsetSync? LatestSync { get; init; }

        /// <summary>The primary offset up to which records are estimated to be on DR (exclusive), or null if unknown.</summary>
        public long? ReplicatedUpToOffset { get; init; }

        /// <summary>
        /// Primary log end minus <see cref="ReplicatedUpToOffset"/>: records not yet on DR. An upper bound: gaps in the
        /// source offsets (compaction, transaction markers) after the latest sync make the true lag smaller. Null if unknown.
        /// </summary>
        public long? LagMessages { get; init; }

        public string Explanation { get; init; } = string.Empty;

        public override string ToString() => $"{SourceTopic}-{Partition}: lag {LagMessages?.ToString() ?? "unknown"}";
    }
}

using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>How far the newest checkpoint of a group partition trails the group's committed offset on the primary.</summary>
    public sealed class CheckpointLagRow
    {
        public string Group { get; init; } = string.Empty;

        public string SourceTopic { get; init; } = string.Empty;

        public string TargetTopic { get; init; } = string.Empty;

        public int Partition { get; init; }

        public long PrimaryCommittedOffset { get; init; }

        /// <summary>The newest checkpoint's upstream offset, or null when the partition has no checkpoint.</summary>
        public long? CheckpointUpstreamOffset { get; init; }

        /// <summary>
        /// Primary committed minus checkpoint upstream: messages the group consumed on the primary since MM2's last
        /// checkpoint (negative when the group was reset backwards). Null without a checkpoint.
        /// </summary>
        public long? LagMessages { get; init; }

        /// <summary>Now minus the checkpoint record's timestamp.</summary>
        public TimeSpan? CheckpointAge { get; init; }

        public override string ToString() => $"{Group}: {SourceTopic}-{Partition}: checkpoint lag {LagMessages?.ToString() ?? "no checkpoint"}";
    }
}

using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>One consumer group partition as seen from both clusters: the row of Get-OffsetSync.</summary>
    public sealed class OffsetSyncRow
    {
        /// <summary>The DR cluster's alias: where the checkpoints live and where a failover commits <see cref="FailoverOffset"/>.</summary>
        public string Cluster { get; init; } = string.Empty;

        /// <summary>The primary cluster's alias, where <see cref="PrimaryCommittedOffset"/> was read.</summary>
        public string PrimaryCluster { get; init; } = string.Empty;

        public string Group { get; init; } = string.Empty;

        /// <summary>The topic on the primary (null when a checkpoint names a topic that maps back to none).</summary>
        public string? SourceTopic { get; init; }

        /// <summary>The topic on DR that checkpoints name, e.g. "primary.orders".</summary>
        public string TargetTopic { get; init; } = string.Empty;

        public int Partition { get; init; }

        /// <summary>The primary group's committed offset, or null if it has none for this partition.</summary>
        public long? PrimaryCommittedOffset { get; init; }

        /// <summary>The newest checkpoint for this group partition, or null.</summary>
        public CheckpointRecord? Checkpoint { get; init; }

        public long? CheckpointUpstreamOffset => Checkpoint?.Checkpoint.UpstreamOffset;

        public long? CheckpointDownstreamOffset => Checkpoint?.Checkpoint.DownstreamOffset;

        /// <summary>Now minus the checkpoint record's timestamp.</summary>
        public TimeSpan? CheckpointAge { get; init; }

        /// <summary>The DR group's committed offset for the DR partition (written by sync.group.offsets or by DR consumers).</summary>
        public long? DrCommittedOffset { get; init; }

        /// <summary>The offset a failover commits on DR: the newest checkpoint's downstream offset (RemoteClusterUtils.translateOffsets).</summary>
        public long? FailoverOffset => Checkpoint?.Checkpoint.DownstreamOffset;

        /// <summary>
        /// The primary's committed offset translated through the offset syncs now: what MM2's next checkpoint would say.
        /// Null without offset syncs or without a primary committed offset.
        /// </summary>
        public OffsetTranslation? CurrentTranslation { get; init; }

        /// <summary>Primary committed offset minus the checkpoint's upstream offset: how stale the checkpoint is, in messages.</summary>
        public long? CheckpointLagMessages => PrimaryCommittedOffset.HasValue && Checkpoint != null ? PrimaryCommittedOffset - Checkpoint.Checkpoint.UpstreamOffset : null;

        /// <summary>
        /// At most this many messages the checkpoint's own translation makes a consumer re-read, because MM2 translates
        /// only to just past the nearest offset sync (exact if the source partition had no offset gaps there). Null when
        /// the sync behind the checkpoint is not among the retained syncs.
        /// </summary>
        public long? SparseRereadMessages { get; init; }

        /// <summary>
        /// At most this many messages a consumer re-reads after failing over now: checkpoint staleness plus sparse
        /// translation. Only for <see cref="OffsetSyncStatus.InSync"/> and <see cref="OffsetSyncStatus.Behind"/>.
        /// </summary>
        public long? RereadAfterFailoverMessages { get; init; }

        public OffsetSyncStatus Status { get; init; }

        /// <summary>Whether <see cref="FailoverOffset"/> lies within the DR partition's bounds.</summary>
        public DrOffsetRangeCheck FailoverOffsetRange { get; init; }

        public LogBounds? DrPartitionBounds { get; init; }

        private string? _explanation;
        private Func<string>? _explain;

        /// <summary>Why the row has its status, and anything suspicious, in sentences (written when first read).</summary>
        public string Explanation
        {
            get => _explanation ??= _explain?.Invoke() ?? string.Empty;
            init => _explanation = value;
        }

        /// <summary>Writes <see cref="Explanation"/> on first use.</summary>
        internal Func<string>? Explain
        {
            init => _explain = value;
        }

        public override string ToString() => $"{Group}: {SourceTopic ?? "?"}-{Partition} -> {TargetTopic}-{Partition}: {Status}";
    }
}

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Where a consumer group's partition stands between the primary and the DR cluster. Evaluated in this order:
    /// <see cref="NoCheckpoint"/>, <see cref="Ahead"/>, then <see cref="InSync"/> or <see cref="Behind"/>.
    /// </summary>
    public enum OffsetSyncStatus
    {
        /// <summary>
        /// The newest checkpoint's upstream offset equals the primary group's committed offset (and the DR committed offset,
        /// if any, is not beyond what that position can map to): a failover now resumes where MM2 last saw the group,
        /// re-reading only what sparse translation costs.
        /// </summary>
        InSync,

        /// <summary>
        /// The primary group has committed beyond the newest checkpoint's upstream offset: the checkpoint is stale (the group
        /// moved since the last emit.checkpoints.interval, or MM2 cannot translate its position yet), and a failover
        /// re-reads the difference as well.
        /// </summary>
        Behind,

        /// <summary>
        /// No checkpoint exists for the partition: a failover has no translated offset and the consumer falls back to
        /// auto.offset.reset (or the DR group's own committed offset).
        /// </summary>
        NoCheckpoint,

        /// <summary>
        /// A checkpoint exists but the primary does not back it: the checkpoint's upstream offset is greater than the
        /// primary group's committed offset (e.g. the group was reset backwards on the primary), or the primary group has
        /// no committed offset for the partition (deleted or expired group; the checkpoint is left over); or the DR group's
        /// committed offset is greater than the highest DR offset the primary's committed offset can correspond to through
        /// the offset syncs (a consumer on DR went further than the primary group). A failover would skip records.
        /// </summary>
        Ahead,
    }
}

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The result of translating one upstream offset through an <see cref="OffsetSyncStore"/>, with the reason: which sync
    /// was used and why, or why there is no translation.
    /// </summary>
    public sealed class OffsetTranslation
    {
        private string? _explanation;

        internal OffsetTranslation(string topic, int partition, long upstreamOffset, OffsetTranslationOutcome outcome, OffsetSync? syncUsed, int? syncSlot, long? downstreamOffset)
        {
            Topic = topic;
            Partition = partition;
            UpstreamOffset = upstreamOffset;
            Outcome = outcome;
            SyncUsed = syncUsed;
            SyncSlot = syncSlot;
            DownstreamOffset = downstreamOffset;
        }

        /// <summary>The source-side topic.</summary>
        public string Topic { get; }

        public int Partition { get; }

        /// <summary>The offset that was translated (a consumer group's committed offset on the source).</summary>
        public long UpstreamOffset { get; }

        public OffsetTranslationOutcome Outcome { get; }

        /// <summary>True for <see cref="OffsetTranslationOutcome.ExactSync"/> and <see cref="OffsetTranslationOutcome.PastSync"/>.</summary>
        public bool IsTranslated => Outcome == OffsetTranslationOutcome.ExactSync || Outcome == OffsetTranslationOutcome.PastSync;

        /// <summary>The sync the answer is based on: the one used, or for <see cref="OffsetTranslationOutcome.BeforeOldestSync"/> the oldest retained one.</summary>
        public OffsetSync? SyncUsed { get; }

        /// <summary>Position of <see cref="SyncUsed"/> in the store's 64-slot history (0 = newest).</summary>
        public int? SyncSlot { get; }

        /// <summary>The offset to commit on the target cluster, when translated.</summary>
        public long? DownstreamOffset { get; }

        /// <summary>
        /// MM2's OffsetSyncStore.translateDownstream result: null for an empty OptionalLong (not read to end, no sync),
        /// -1 for an offset before the oldest retained sync, else the downstream offset.
        /// </summary>
        public long? MirrorMakerResult => Outcome switch
        {
            OffsetTranslationOutcome.NotReadToEnd => null,
            OffsetTranslationOutcome.NoSync => null,
            OffsetTranslationOutcome.BeforeOldestSync => -1,
            _ => DownstreamOffset,
        };

        /// <summary>
        /// Upper bound of the upstream records a consumer re-reads after committing <see cref="DownstreamOffset"/> because
        /// translation is sparse: 0 on an exact sync, else the records strictly between the sync and the upstream offset
        /// (fewer if the source partition had gaps there). Null when not translated.
        /// </summary>
        public long? MaxRereadRecords => Outcome switch
        {
            OffsetTranslationOutcome.ExactSync => 0,
            OffsetTranslationOutcome.PastSync => UpstreamOffset - SyncUsed!.UpstreamOffset - 1,
            _ => null,
        };

        /// <summary>
        /// A sentence for humans. Written when first asked for: translating every partition of thousands of groups must
        /// not build a million sentences nobody reads.
        /// </summary>
        public string Explanation => _explanation ??= Explain();

        private string Explain()
        {
            var sync = SyncUsed;
            return Outcome switch
            {
                OffsetTranslationOutcome.NotReadToEnd => $"The offset-syncs topic has not been read to its end yet; like MM2, nothing is translated before it has ({Topic}-{Partition} at {UpstreamOffset}).",
                OffsetTranslationOutcome.NoSync => $"No offset sync has been read for {Topic}-{Partition}; MM2 emits no checkpoint for this partition.",
                OffsetTranslationOutcome.BeforeOldestSync => $"Upstream offset {UpstreamOffset} of {Topic}-{Partition} is older than the oldest retained offset sync ({sync!.UpstreamOffset} -> {sync.DownstreamOffset}); "
                                                             + "MM2 cannot translate it (translateDownstream returns -1) and emits no checkpoint.",
                OffsetTranslationOutcome.ExactSync => $"Upstream offset {UpstreamOffset} of {Topic}-{Partition} is exactly the offset sync {sync!.UpstreamOffset} -> {sync.DownstreamOffset} (history slot {SyncSlot}); "
                                                      + $"it translates to {sync.DownstreamOffset} with nothing re-read.",
                _ => $"The newest retained offset sync at or below upstream offset {UpstreamOffset} of {Topic}-{Partition} is {sync!.UpstreamOffset} -> {sync.DownstreamOffset} (history slot {SyncSlot}); "
                     + $"MM2 only knows the group is past that record, so it translates to {sync.DownstreamOffset} + 1 = {DownstreamOffset}, "
                     + $"and a consumer re-reads up to {unchecked(UpstreamOffset - sync.UpstreamOffset - 1)} records.",
            };
        }

        public override string ToString() => Explanation;
    }
}

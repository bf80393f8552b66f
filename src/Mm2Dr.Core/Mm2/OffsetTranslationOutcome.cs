namespace Mm2Dr.Core.Mm2
{
    /// <summary>Why <see cref="OffsetSyncStore"/> did or did not translate an upstream offset.</summary>
    public enum OffsetTranslationOutcome
    {
        /// <summary>The upstream offset is exactly a retained sync's upstream offset: the translation is exact.</summary>
        ExactSync,

        /// <summary>
        /// The upstream offset lies past the nearest retained sync: MM2's "+1" rule gives that sync's downstream offset + 1,
        /// so a consumer re-reads the records between the sync and its real position.
        /// </summary>
        PastSync,

        /// <summary>The initial read of the offset-syncs topic has not finished; MM2 translates nothing until it has.</summary>
        NotReadToEnd,

        /// <summary>No offset sync for this source partition: MM2 emits no checkpoint for it.</summary>
        NoSync,

        /// <summary>
        /// The upstream offset is older than the oldest retained sync: MM2's translateDownstream returns -1 and the
        /// checkpoint task drops it (no checkpoint).
        /// </summary>
        BeforeOldestSync,
    }
}

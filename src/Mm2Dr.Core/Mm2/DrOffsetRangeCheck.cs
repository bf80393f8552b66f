namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Whether a translated offset lies within the DR partition's [log start, log end]. MM2 does not check this; stale
    /// checkpoints of old MM2 versions or of recreated topics can point outside it (docs §9.5).
    /// </summary>
    public enum DrOffsetRangeCheck
    {
        /// <summary>No offset to check, or the DR partition's bounds were not given.</summary>
        NotChecked,

        /// <summary>log start &lt;= offset &lt;= log end (log end itself means "at the end": valid).</summary>
        WithinRange,

        /// <summary>Below the log start: those records are gone; the consumer would hit auto.offset.reset.</summary>
        BelowLogStart,

        /// <summary>Beyond the log end: the consumer would hit auto.offset.reset, or skip records once they arrive.</summary>
        BeyondLogEnd,
    }
}

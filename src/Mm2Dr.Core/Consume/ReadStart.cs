namespace Mm2Dr.Core.Consume
{
    /// <summary>Where Read-KafkaTopic starts in each partition.</summary>
    public enum ReadStart
    {
        /// <summary>The group's committed offsets (earliest where it has none); the default with -Group.</summary>
        Committed,

        /// <summary>The first stored message; the default without -Group.</summary>
        Beginning,

        /// <summary>Only messages written after the read starts.</summary>
        End,

        /// <summary>An explicit offset (-Offset), the same in every selected partition.</summary>
        Offset,

        /// <summary>The first message at or after -Timestamp.</summary>
        Timestamp,
    }
}

namespace Mm2Dr.Core.Mm2
{
    /// <summary>How far a read of an MM2 internal topic has got; reported to the caller's progress callback.</summary>
    public readonly struct ReadProgress
    {
        public ReadProgress(string topic, long recordsRead, long nextOffset, long startOffset, long endOffset)
        {
            Topic = topic;
            RecordsRead = recordsRead;
            NextOffset = nextOffset;
            StartOffset = startOffset;
            EndOffset = endOffset;
        }

        public string Topic { get; }

        public long RecordsRead { get; }

        /// <summary>The offset the read will continue from.</summary>
        public long NextOffset { get; }

        public long StartOffset { get; }

        /// <summary>The high watermark captured at the start: the read stops there.</summary>
        public long EndOffset { get; }

        /// <summary>Offsets to cover (an upper bound of the records: compaction leaves gaps).</summary>
        public long TotalRecords => EndOffset - StartOffset;

        /// <summary>Share of the offset range covered, 0 to 1 (1 for an empty topic).</summary>
        public double Fraction => EndOffset <= StartOffset ? 1.0 : System.Math.Min(1.0, (double)(NextOffset - StartOffset) / (EndOffset - StartOffset));

        public override string ToString() => $"{Topic}: {RecordsRead} records read, offset {NextOffset} of {EndOffset}";
    }
}

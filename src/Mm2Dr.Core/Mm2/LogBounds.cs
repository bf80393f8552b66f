using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>A partition's offsets: the first retained (log start, low watermark) and the next to be written (log end, high watermark).</summary>
    public readonly struct LogBounds
    {
        public LogBounds(long logStartOffset, long logEndOffset)
        {
            if (logStartOffset < 0 || logEndOffset < logStartOffset)
            {
                throw new ArgumentOutOfRangeException(nameof(logEndOffset), $"Expected 0 <= log start ({logStartOffset}) <= log end ({logEndOffset}).");
            }

            LogStartOffset = logStartOffset;
            LogEndOffset = logEndOffset;
        }

        public long LogStartOffset { get; }

        public long LogEndOffset { get; }

        public long Records => LogEndOffset - LogStartOffset;

        public override string ToString() => $"[{LogStartOffset}, {LogEndOffset}]";
    }
}

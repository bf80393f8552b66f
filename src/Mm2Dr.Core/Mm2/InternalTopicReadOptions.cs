using System;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>How to read an MM2 internal topic: deadline, progress reporting, error retention, clock.</summary>
    public sealed class InternalTopicReadOptions
    {
        public static InternalTopicReadOptions Default { get; } = new InternalTopicReadOptions();

        /// <summary>
        /// The whole read must finish within this time or fail with <see cref="Mm2ReadTimeoutException"/>.
        /// MirrorClient instead returns whatever it had at its deadline; a silent partial answer is dangerous in a failover.
        /// </summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>Called on the reading thread (the caller's) as the read advances, and once at the end.</summary>
        public Action<ReadProgress>? Progress { get; init; }

        /// <summary>Records between two progress calls.</summary>
        public int ProgressEveryRecords { get; init; } = 10_000;

        /// <summary>How many decoding errors to keep for display (all are counted).</summary>
        public int MaxErrorsKept { get; init; } = TolerantRecordDecoder<Checkpoint>.DefaultMaxErrorsKept;

        /// <summary>The clock for the deadline and the reported elapsed time.</summary>
        public IClock Clock { get; init; } = SystemClock.Instance;

        internal void Validate()
        {
            if (Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The read timeout must be positive.");
            }

            if (ProgressEveryRecords < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ProgressEveryRecords), ProgressEveryRecords, "Report progress at least every record (1) or less often.");
            }

            if (Clock == null)
            {
                throw new ArgumentNullException(nameof(Clock));
            }
        }
    }
}

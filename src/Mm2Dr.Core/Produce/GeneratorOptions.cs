using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Produce
{
    /// <summary>What generator mode produces: how many, how long, how fast, how big.</summary>
    public sealed class GeneratorOptions
    {
        public const int MaxMessageSize = 100 * 1024 * 1024;

        /// <summary>Stop after this many messages (null: no count limit, then <see cref="Duration"/> is required).</summary>
        public long? Count { get; set; }

        public TimeSpan? Duration { get; set; }

        /// <summary>Messages per second; null or 0 means as fast as the cluster takes them.</summary>
        public double? Rate { get; set; }

        /// <summary>Size of each generated value in bytes (ignored when <see cref="ValueFactory"/> is given).</summary>
        public int MessageSize { get; set; } = 100;

        /// <summary>A fixed key for every message, or null.</summary>
        public byte[]? Key { get; set; }

        public IReadOnlyList<KeyValuePair<string, byte[]>>? Headers { get; set; }

        public int? Partition { get; set; }

        /// <summary>Makes the value of message <c>i</c> (0-based); called on the generating thread.</summary>
        public Func<long, byte[]?>? ValueFactory { get; set; }

        /// <summary>How often the progress callback is invoked.</summary>
        public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

        public void Validate()
        {
            if (Count == null && Duration == null)
            {
                throw new ArgumentException("Generator mode needs -Count or -Duration.");
            }

            if (Count is long c && c < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Count), c, $"-Count must be 0 or more, not {c}.");
            }

            if (Duration is TimeSpan d && d <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Duration), d, $"-Duration must be positive, not {d}.");
            }

            if (Rate is double r && (r < 0 || double.IsNaN(r) || double.IsInfinity(r)))
            {
                throw new ArgumentOutOfRangeException(nameof(Rate), r, $"-Rate must be a positive number of messages per second, not {r}.");
            }

            if (MessageSize < 0 || MessageSize > MaxMessageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(MessageSize), MessageSize, $"-MessageSize must be from 0 to {MaxMessageSize} bytes, not {MessageSize}.");
            }
        }
    }
}

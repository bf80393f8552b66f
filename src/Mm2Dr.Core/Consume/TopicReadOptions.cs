using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Consume
{
    /// <summary>What Read-KafkaTopic reads and when it stops.</summary>
    public sealed class TopicReadOptions
    {
        public TopicReadOptions(IReadOnlyList<string> topics)
        {
            if (topics == null || topics.Count == 0)
            {
                throw new ArgumentException("At least one topic is required.", nameof(topics));
            }

            foreach (var t in topics)
            {
                Topics.TopicNames.Validate(t);
            }

            TopicNames = topics;
        }

        public IReadOnlyList<string> TopicNames { get; }

        /// <summary>Only these partitions (of every topic), or all when null.</summary>
        public IReadOnlyList<int>? Partitions { get; set; }

        public ReadStart From { get; set; } = ReadStart.Beginning;

        public long Offset { get; set; }

        public DateTimeOffset Timestamp { get; set; }

        public long? MaxMessages { get; set; }

        /// <summary>Stop after this long without a message. Null: never (only with <see cref="Follow"/>).</summary>
        public TimeSpan? IdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Keep reading past the end captured at the start (until stopped, idle or MaxMessages).</summary>
        public bool Follow { get; set; }

        /// <summary>Join this consumer group and commit what was processed. Null: leave no trace on the cluster.</summary>
        public string? Group { get; set; }

        /// <summary>How long metadata and other setup may take before the read fails.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Commit at least this often while reading with a group.</summary>
        public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

        public ValueFormat Format { get; set; } = ValueFormat.Text;

        public void Validate()
        {
            if (MaxMessages is long m && m < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxMessages), m, $"-MaxMessages must be 0 or more, not {m}.");
            }

            if (IdleTimeout is TimeSpan t && t <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(IdleTimeout), t, $"-Timeout must be positive, not {t}.");
            }

            if (From == ReadStart.Offset && Offset < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Offset), Offset, $"-Offset must be 0 or more, not {Offset}.");
            }

            if (From == ReadStart.Committed && Group == null)
            {
                throw new ArgumentException("-From Committed needs -Group: only a consumer group has committed offsets.");
            }

            if (Partitions != null)
            {
                foreach (var p in Partitions)
                {
                    if (p < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(Partitions), p, $"Partition numbers start at 0; {p} is not valid.");
                    }
                }
            }

            if (RequestTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
            }
        }
    }
}

using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Groups
{
    /// <summary>A validated request to move a group's offsets on some topics (and optionally some partitions).</summary>
    public sealed class OffsetResetRequest
    {
        public OffsetResetRequest(string group, IReadOnlyList<string> topics, OffsetResetMode mode, long value = 0, DateTimeOffset? timestamp = null, IReadOnlyList<int>? partitions = null)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                throw new ArgumentException("A consumer group name is required.", nameof(group));
            }

            if (topics == null || topics.Count == 0)
            {
                throw new ArgumentException($"At least one topic is required to reset group '{group}'. Expected -Topic <name>.", nameof(topics));
            }

            if (mode == OffsetResetMode.ToOffset && value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"-ToOffset must be 0 or more, not {value}.");
            }

            if (mode == OffsetResetMode.ToTimestamp && timestamp == null)
            {
                throw new ArgumentException("-ToTimestamp needs a date and time.", nameof(timestamp));
            }

            if (partitions != null)
            {
                foreach (var p in partitions)
                {
                    if (p < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(partitions), p, $"Partition numbers start at 0; {p} is not valid.");
                    }
                }
            }

            Group = group;
            Topics = topics;
            Mode = mode;
            Value = value;
            Timestamp = timestamp;
            Partitions = partitions;
        }

        public string Group { get; }

        public IReadOnlyList<string> Topics { get; }

        public OffsetResetMode Mode { get; }

        /// <summary>The offset for ToOffset, or the (signed) shift for ShiftBy.</summary>
        public long Value { get; }

        public DateTimeOffset? Timestamp { get; }

        /// <summary>Only these partitions, or all partitions of the topics when null.</summary>
        public IReadOnlyList<int>? Partitions { get; }
    }
}

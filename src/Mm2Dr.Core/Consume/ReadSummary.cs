using System;
using System.Collections.Generic;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Consume
{
    /// <summary>How a read went: counts, why it stopped, what was committed and what was not reached.</summary>
    public sealed class ReadSummary
    {
        public string Cluster { get; set; } = "";

        public IReadOnlyList<string> Topics { get; set; } = Array.Empty<string>();

        public long Records { get; set; }

        public TimeSpan Elapsed { get; set; }

        public ReadStopReason StopReason { get; set; }

        public string? Group { get; set; }

        /// <summary>Offsets committed for the group at the end (next offset to read per partition).</summary>
        public IReadOnlyDictionary<TopicPartitionRef, long> Committed { get; set; } = new Dictionary<TopicPartitionRef, long>();

        /// <summary>Partitions that had not reached their captured end when the read stopped (non-follow reads).</summary>
        public IReadOnlyList<TopicPartitionRef> Unfinished { get; set; } = Array.Empty<TopicPartitionRef>();

        public long NonJsonValues { get; set; }

        public string? CommitError { get; set; }

        public string? LastClientError { get; set; }

        public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Groups
{
    /// <summary>One group whose committed offsets to read: for explicit partitions, or (null) all the group has.</summary>
    public sealed class GroupOffsetsRequest
    {
        public GroupOffsetsRequest(string group, IReadOnlyCollection<TopicPartitionRef>? partitions = null)
        {
            Group = string.IsNullOrEmpty(group) ? throw new ArgumentException("A group id is required.", nameof(group)) : group;
            Partitions = partitions;
        }

        public string Group { get; }

        /// <summary>
        /// The partitions to ask for, or null for all the group has committed. Some brokers (librdkafka's mock) answer
        /// "all" with nothing, so callers that know the partitions should name them.
        /// </summary>
        public IReadOnlyCollection<TopicPartitionRef>? Partitions { get; }

        public override string ToString() => Partitions == null ? $"{Group} (all partitions)" : $"{Group} ({Partitions.Count} partitions)";
    }
}

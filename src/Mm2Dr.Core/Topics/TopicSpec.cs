using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Topics
{
    /// <summary>What New-KafkaTopic asks for; -1 means "the broker's default", as in Kafka's CreateTopics v4.</summary>
    public sealed class TopicSpec
    {
        public TopicSpec(string name, int partitions = -1, short replicationFactor = -1, IDictionary<string, string>? configs = null)
        {
            Name = TopicNames.Validate(name);
            if (partitions == 0 || partitions < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(partitions), partitions, $"Partitions for topic '{name}' must be a positive number (or -1 for the broker default), not {partitions}.");
            }

            if (replicationFactor == 0 || replicationFactor < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(replicationFactor), replicationFactor, $"Replication factor for topic '{name}' must be a positive number (or -1 for the broker default), not {replicationFactor}.");
            }

            Partitions = partitions;
            ReplicationFactor = replicationFactor;
            Configs = configs ?? new Dictionary<string, string>();
        }

        public string Name { get; }

        public int Partitions { get; }

        public short ReplicationFactor { get; }

        public IDictionary<string, string> Configs { get; }
    }
}

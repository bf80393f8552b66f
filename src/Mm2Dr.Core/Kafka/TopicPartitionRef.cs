using System;

namespace Mm2Dr.Core.Kafka
{
    /// <summary>A topic partition on a named cluster; used as the target of errors and in plans.</summary>
    public readonly struct TopicPartitionRef : IEquatable<TopicPartitionRef>, IComparable<TopicPartitionRef>
    {
        public TopicPartitionRef(string topic, int partition)
        {
            Topic = topic ?? throw new ArgumentNullException(nameof(topic));
            Partition = partition;
        }

        public string Topic { get; }

        public int Partition { get; }

        public bool Equals(TopicPartitionRef other) => Partition == other.Partition && string.Equals(Topic, other.Topic, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is TopicPartitionRef other && Equals(other);

        public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Topic ?? string.Empty) * 397) ^ Partition);

        public int CompareTo(TopicPartitionRef other)
        {
            var byTopic = string.CompareOrdinal(Topic, other.Topic);
            return byTopic != 0 ? byTopic : Partition.CompareTo(other.Partition);
        }

        public override string ToString() => $"{Topic}[{Partition}]";
    }
}

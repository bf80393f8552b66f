using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>A consumer group's partition: the compaction key of the checkpoints topic and of committed offsets.</summary>
    public readonly struct GroupTopicPartition : IEquatable<GroupTopicPartition>, IComparable<GroupTopicPartition>
    {
        public GroupTopicPartition(string group, string topic, int partition)
        {
            Group = group ?? throw new ArgumentNullException(nameof(group));
            Topic = topic ?? throw new ArgumentNullException(nameof(topic));
            Partition = partition;
        }

        public string Group { get; }

        public string Topic { get; }

        public int Partition { get; }

        public bool Equals(GroupTopicPartition other)
            => Partition == other.Partition && string.Equals(Topic, other.Topic, StringComparison.Ordinal) && string.Equals(Group, other.Group, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is GroupTopicPartition other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = Group == null ? 0 : StringComparer.Ordinal.GetHashCode(Group);
                hash = (hash * 397) ^ (Topic == null ? 0 : StringComparer.Ordinal.GetHashCode(Topic));
                return (hash * 397) ^ Partition;
            }
        }

        /// <summary>Ordinal by group, then topic, then partition number: stable display order.</summary>
        public int CompareTo(GroupTopicPartition other)
        {
            var c = string.CompareOrdinal(Group, other.Group);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(Topic, other.Topic);
            return c != 0 ? c : Partition.CompareTo(other.Partition);
        }

        public static bool operator ==(GroupTopicPartition left, GroupTopicPartition right) => left.Equals(right);

        public static bool operator !=(GroupTopicPartition left, GroupTopicPartition right) => !left.Equals(right);

        public override string ToString() => $"{Group}: {Topic}-{Partition}";
    }
}

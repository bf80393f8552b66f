using System;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// One entry of MirrorClient.remoteConsumerOffsets: for a group, the offset to commit on the target (DR) cluster for a
    /// partition of the target-side topic, taken from the newest checkpoint, with where it came from.
    /// </summary>
    public sealed class TranslatedOffset
    {
        public TranslatedOffset(CheckpointRecord source)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        public CheckpointRecord Source { get; }

        public string Group => Source.Checkpoint.ConsumerGroupId;

        /// <summary>The target-side topic, e.g. "primary.orders".</summary>
        public string Topic => Source.Checkpoint.Topic;

        public int Partition => Source.Checkpoint.Partition;

        /// <summary>The offset to commit on the target cluster (the checkpoint's downstream offset, a "next offset to read").</summary>
        public long Offset => Source.Checkpoint.DownstreamOffset;

        /// <summary>Commit metadata carried over from the source commit.</summary>
        public string Metadata => Source.Checkpoint.Metadata;

        /// <summary>The group's committed offset on the source cluster when MM2 wrote the checkpoint.</summary>
        public long UpstreamOffset => Source.Checkpoint.UpstreamOffset;

        public DateTimeOffset? CheckpointTimestamp => Source.Timestamp;

        public TopicPartitionOffset ToTopicPartitionOffset() => new TopicPartitionOffset(Topic, Partition, Offset);

        public override string ToString() => $"{Group}: {Topic}-{Partition} -> {Offset}";
    }
}

using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>A checkpoint record: group, DR topic partition, upstream (primary) and downstream (DR) offsets, metadata.</summary>
    public sealed class CheckpointEntry : Mm2InternalRecord
    {
        public CheckpointEntry(string cluster, in RawRecord record, Checkpoint checkpoint)
            : base(cluster, record)
        {
            Checkpoint = checkpoint;
        }

        public override Mm2TopicKind Kind => Mm2TopicKind.Checkpoints;

        public Checkpoint Checkpoint { get; }

        public string Group => Checkpoint.ConsumerGroupId;

        /// <summary>The DR-side topic, e.g. "primary.orders".</summary>
        public string Topic => Checkpoint.Topic;

        public int Partition => Checkpoint.Partition;

        /// <summary>The group's committed offset on the primary when MM2 wrote the checkpoint.</summary>
        public long UpstreamOffset => Checkpoint.UpstreamOffset;

        /// <summary>The offset to commit on DR for that position.</summary>
        public long DownstreamOffset => Checkpoint.DownstreamOffset;

        public string Metadata => Checkpoint.Metadata;

        public short Version => Checkpoint.Version;

        public override string ToString() => Checkpoint.ToString();
    }
}

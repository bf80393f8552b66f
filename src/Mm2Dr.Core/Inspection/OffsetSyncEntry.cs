using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>An offset-sync record: the primary record at UpstreamOffset of Topic-Partition was written at DownstreamOffset on DR.</summary>
    public sealed class OffsetSyncEntry : Mm2InternalRecord
    {
        public OffsetSyncEntry(string cluster, in RawRecord record, OffsetSync sync)
            : base(cluster, record)
        {
            Sync = sync;
        }

        public override Mm2TopicKind Kind => Mm2TopicKind.OffsetSyncs;

        public OffsetSync Sync { get; }

        /// <summary>The primary-side topic, e.g. "orders".</summary>
        public string Topic => Sync.Topic;

        public int Partition => Sync.Partition;

        public long UpstreamOffset => Sync.UpstreamOffset;

        public long DownstreamOffset => Sync.DownstreamOffset;

        public override string ToString() => Sync.ToString();
    }
}

using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// One MM2 offset sync (org.apache.kafka.connect.mirror.OffsetSync): the record at <see cref="UpstreamOffset"/> of the
    /// <b>source-side</b> partition <see cref="Topic"/>-<see cref="Partition"/> was written at <see cref="DownstreamOffset"/>
    /// of the remote partition on the target cluster.
    /// </summary>
    /// <remarks>
    /// A record, so == compares values. <see cref="OffsetSyncStore"/> relies on reference identity, as MM2's does, and
    /// says so explicitly with ReferenceEquals.
    /// </remarks>
    public sealed record OffsetSync(string Topic, int Partition, long UpstreamOffset, long DownstreamOffset)
    {
        public TopicPartition TopicPartition => new TopicPartition(Topic, Partition);

        public override string ToString() => $"OffsetSync({Topic}-{Partition}, upstream {UpstreamOffset} -> downstream {DownstreamOffset})";
    }
}

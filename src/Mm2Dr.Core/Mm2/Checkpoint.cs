using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// One MM2 checkpoint (org.apache.kafka.connect.mirror.Checkpoint): for a consumer group, the committed offset on the
    /// source cluster (<see cref="UpstreamOffset"/>) and the offset to commit on the target cluster
    /// (<see cref="DownstreamOffset"/>) for the partition of the <b>target-side</b> topic <see cref="Topic"/>
    /// (e.g. "primary.orders" under DefaultReplicationPolicy).
    /// </summary>
    public sealed record Checkpoint(string ConsumerGroupId, string Topic, int Partition, long UpstreamOffset, long DownstreamOffset, string Metadata)
    {
        /// <summary>The only version MM2 writes.</summary>
        public const short CurrentVersion = 0;

        /// <summary>
        /// The value header's version. MM2 writes 0 and, since its version check is a Java assert that is off in
        /// production, reads any version with the version-0 layout; we do the same and keep the number so that
        /// readers can report it.
        /// </summary>
        public short Version { get; init; } = CurrentVersion;

        public TopicPartition TopicPartition => new TopicPartition(Topic, Partition);

        public override string ToString()
            => $"Checkpoint(group '{ConsumerGroupId}', {Topic}-{Partition}, upstream {UpstreamOffset} -> downstream {DownstreamOffset})";
    }
}

using Confluent.Kafka;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// One source partition being replicated: where the consumer reads next, and the last upstream offset the target
    /// acknowledged (what the stored position and a rewind after a failed write are based on).
    /// </summary>
    internal sealed class PartitionReplication
    {
        private readonly Offset _startAt;
        private long _lastAcknowledged;

        public PartitionReplication(string topic, int partition, string remoteTopic, Offset startAt, long lastAcknowledged)
        {
            Source = new TopicPartition(topic, partition);
            Remote = new TopicPartition(remoteTopic, partition);
            Next = startAt;
            _startAt = startAt;
            _lastAcknowledged = lastAcknowledged;
        }

        public TopicPartition Source { get; }

        /// <summary>Same partition number on the target: MM2 keeps records in their partition.</summary>
        public TopicPartition Remote { get; }

        /// <summary>The next offset to consume (the consumer's position); only the replicating thread touches it.</summary>
        public Offset Next { get; set; }

        /// <summary>Last upstream offset acknowledged by the target, -1 for none. Written by delivery reports.</summary>
        public long LastAcknowledged
        {
            get
            {
                lock (this)
                {
                    return _lastAcknowledged;
                }
            }
        }

        /// <summary>Delivery reports of one partition arrive in order (idempotent producer); a stale one never moves it back.</summary>
        public void Acknowledged(long upstreamOffset)
        {
            lock (this)
            {
                if (upstreamOffset > _lastAcknowledged)
                {
                    _lastAcknowledged = upstreamOffset;
                }
            }
        }

        /// <summary>Where to start again after a failed write: right after the last record the target has.</summary>
        public void RewindToAcknowledged()
        {
            var acknowledged = LastAcknowledged;
            Next = acknowledged >= 0 ? new Offset(acknowledged + 1) : _startAt;
        }

        public override string ToString() => $"{Source.Topic}-{Source.Partition.Value} -> {Remote.Topic}";
    }
}

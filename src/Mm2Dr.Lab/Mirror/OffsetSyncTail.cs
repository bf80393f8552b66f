using System;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// Follows partition 0 of the offset-syncs topic into MM2's <see cref="OffsetSyncStore"/>, as the checkpoint task's
    /// KafkaBasedLog does. The first complete read to the end marks the store ready: before that MM2 translates nothing.
    /// Read before each checkpoint round, so a round sees every sync written before it.
    /// </summary>
    internal sealed class OffsetSyncTail : IDisposable
    {
        private readonly ClusterConnection _cluster;
        private readonly OffsetSyncStore _store;
        private readonly MirrorActivity _activity;
        private readonly TopicPartition _partition;
        private IConsumer<byte[]?, byte[]?>? _consumer;
        private long _next;

        public OffsetSyncTail(ClusterConnection cluster, string topic, OffsetSyncStore store, MirrorActivity activity)
        {
            _activity = activity;
            _cluster = cluster;
            _store = store;
            _partition = new TopicPartition(topic, 0);
        }

        public long SkippedRecords { get; private set; }

        /// <summary>Reads up to the end offset the topic has now; throws when the cluster does not answer in time.</summary>
        public void CatchUp(TimeSpan timeout, CancellationToken stop)
        {
            if (_consumer == null)
            {
                _consumer = MirrorClients.Consumer(_cluster, _activity.Diagnostics("offset-syncs reader", _cluster), "mm2dr-mirror-offset-syncs-reader", "mm2dr-mirror-offset-syncs-reader", partitionEof: true);
                _consumer.Assign(new TopicPartitionOffset(_partition, Offset.Beginning));
            }

            var end = _consumer.QueryWatermarkOffsets(_partition, timeout).High.Value;
            var deadline = DateTime.UtcNow + timeout;
            while (_next < end)
            {
                stop.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Reading '{_partition.Topic}' on '{_cluster.Alias}' reached offset {_next} of {end} within {timeout.TotalSeconds:0} s.");
                }

                var result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result == null)
                {
                    continue;
                }

                if (result.IsPartitionEOF)
                {
                    _next = Math.Max(_next, result.Offset.Value);
                    continue;
                }

                _next = result.Offset.Value + 1;
                if (result.Message.Key == null || result.Message.Value == null)
                {
                    continue;
                }

                try
                {
                    _store.Apply(OffsetSyncCodec.Decode(result.Message.Key, result.Message.Value));
                }
                catch (Mm2RecordFormatException)
                {
                    SkippedRecords++;
                }
            }

            if (!_store.IsReadToEnd)
            {
                _store.MarkReadToEnd();
            }
        }

        public void Dispose() => _consumer?.Dispose();
    }
}

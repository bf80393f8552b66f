using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// <see cref="IClusterView"/> over a real cluster: one admin client, every call bounded by the request timeout and the
    /// cancellation token, failures named after the cluster and its bootstrap.
    /// </summary>
    public sealed class KafkaClusterView : IClusterView, IDisposable
    {
        /// <summary>OffsetFetch requests in flight at once when reading many groups' offsets.</summary>
        public const int OffsetFetchParallelism = 8;

        private readonly KafkaAdmin _admin;
        private readonly TopicCatalog _topics;
        private readonly ConsumerGroupCatalog _groups;

        public KafkaClusterView(ClusterConnection cluster, ReplicationPolicy policy, TimeSpan requestTimeout, CancellationToken cancellation)
        {
            Connection = cluster ?? throw new ArgumentNullException(nameof(cluster));
            _admin = new KafkaAdmin(cluster, requestTimeout, cancellation);
            _topics = new TopicCatalog(_admin, policy);
            _groups = new ConsumerGroupCatalog(_admin, _topics);
        }

        public ClusterConnection Connection { get; }

        /// <summary>What librdkafka said on its own threads, for verbose output.</summary>
        public KafkaClientDiagnostics Diagnostics => _admin.Diagnostics;

        public IReadOnlyDictionary<string, int> Topics()
        {
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var topic in _admin.GetMetadata().Topics)
            {
                // A topic being created or deleted can appear with an error and no partitions: it is not usable yet.
                if (topic.Partitions.Count > 0 && topic.Error.Code != ErrorCode.UnknownTopicOrPart)
                {
                    result[topic.Topic] = topic.Partitions.Count;
                }
            }

            return result;
        }

        public IReadOnlyList<string> ListGroups() => _groups.ListNames();

        public IReadOnlyDictionary<TopicPartitionRef, LogBounds> Bounds(IReadOnlyCollection<TopicPartitionRef> partitions)
        {
            var result = new Dictionary<TopicPartitionRef, LogBounds>();
            if (partitions.Count == 0)
            {
                return result;
            }

            var tps = partitions.Select(p => new TopicPartition(p.Topic, p.Partition)).ToList();
            var low = _topics.ListOffsets(tps, OffsetSpec.Earliest());
            var high = _topics.ListOffsets(tps, OffsetSpec.Latest());
            foreach (var p in partitions)
            {
                if (low.TryGetValue(p, out var start) && high.TryGetValue(p, out var end) && start >= 0 && end >= start)
                {
                    result[p] = new LogBounds(start, end);
                }
            }

            return result;
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> Committed(IReadOnlyList<GroupOffsetsRequest> requests, Action<int>? progress)
            => _groups.CommittedOffsets(requests, OffsetFetchParallelism, progress);

        public void Dispose() => _admin.Dispose();
    }
}

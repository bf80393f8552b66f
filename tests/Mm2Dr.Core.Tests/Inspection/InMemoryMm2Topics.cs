using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>MM2's internal topics as record lists, decoded by the same accumulators the Kafka readers use.</summary>
    internal sealed class InMemoryMm2Topics : IMm2TopicSource
    {
        private readonly Mm2FlowLayout _layout;
        private readonly IClock _clock;
        private readonly Dictionary<(string Cluster, string Topic), List<RawRecord>> _topics = new Dictionary<(string, string), List<RawRecord>>();
        private readonly Dictionary<string, Exception> _failures = new Dictionary<string, Exception>(StringComparer.Ordinal);

        public InMemoryMm2Topics(Mm2FlowLayout layout, IClock clock)
        {
            _layout = layout;
            _clock = clock;
        }

        public int CheckpointReads { get; private set; }

        public List<string> Reads { get; } = new List<string>();

        /// <summary>Creates the topic (empty) if needed and appends records, each at its own offset.</summary>
        public InMemoryMm2Topics Add(ClusterConnection cluster, string topic, DateTimeOffset? timestamp, params (byte[]? Key, byte[]? Value)[] records)
        {
            if (!_topics.TryGetValue((cluster.Alias, topic), out var list))
            {
                list = new List<RawRecord>();
                _topics[(cluster.Alias, topic)] = list;
            }

            foreach (var (key, value) in records)
            {
                list.Add(new RawRecord(key, value, new RecordLocation(topic, 0, list.Count), timestamp, Confluent.Kafka.TimestampType.CreateTime));
            }

            return this;
        }

        /// <summary>Reading <paramref name="topic"/> throws <paramref name="failure"/>.</summary>
        public void Fail(string topic, Exception failure) => _failures[topic] = failure;

        public CheckpointSnapshot ReadCheckpoints(GroupSelector groups, InternalTopicReadOptions options, CancellationToken cancellationToken)
        {
            CheckpointReads++;
            var accumulator = new CheckpointAccumulator(groups, options.MaxErrorsKept);
            accumulator.AddRange(Records(_layout.Dr, _layout.CheckpointsTopic));
            return accumulator.Complete();
        }

        public OffsetSyncSnapshot ReadOffsetSyncs(InternalTopicReadOptions options, CancellationToken cancellationToken)
            => OffsetSyncReader.FromRecords(Records(_layout.OffsetSyncsCluster, _layout.OffsetSyncsTopic));

        public HeartbeatSnapshot ReadHeartbeats(string topic, InternalTopicReadOptions options, CancellationToken cancellationToken)
            => HeartbeatReader.FromRecords(topic, Records(_layout.Dr, topic), _clock);

        public TopicReadSummary ReadRecords(ClusterConnection cluster, string topic, string missingTopicHint, long? maxRecords, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<RawRecord> onRecord)
        {
            var records = Records(cluster, topic).Take((int)Math.Min(maxRecords ?? int.MaxValue, int.MaxValue)).ToList();
            records.ForEach(onRecord);
            var total = _topics[(cluster.Alias, topic)].Count;
            return new TopicReadSummary(cluster.Alias, topic, 0, 0, total, records.Count, TimeSpan.Zero, reachedEnd: records.Count == total);
        }

        private List<RawRecord> Records(ClusterConnection cluster, string topic)
        {
            Reads.Add(cluster.Alias + "/" + topic);
            if (_failures.TryGetValue(topic, out var failure))
            {
                throw failure;
            }

            if (!_topics.TryGetValue((cluster.Alias, topic), out var list))
            {
                throw new Mm2TopicNotFoundException(cluster.Alias, cluster.BootstrapServers, topic, "(in-memory hint)");
            }

            return list;
        }
    }
}

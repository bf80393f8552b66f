using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>A cluster as plain data, recording what it was asked, with the failure modes the inspections must handle.</summary>
    internal sealed class InMemoryClusterView : IClusterView
    {
        public InMemoryClusterView(string alias, ClusterRole role)
        {
            Connection = new ClusterConnection(alias, alias == "primary" ? "primary-host:9092" : "dr-host:9093", role);
        }

        public ClusterConnection Connection { get; }

        public Dictionary<string, int> TopicPartitions { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public Dictionary<TopicPartitionRef, LogBounds> LogBounds { get; } = new Dictionary<TopicPartitionRef, LogBounds>();

        public Dictionary<string, Dictionary<TopicPartitionRef, long>> Offsets { get; } = new Dictionary<string, Dictionary<TopicPartitionRef, long>>(StringComparer.Ordinal);

        /// <summary>Other groups that exist without offsets (listing only).</summary>
        public List<string> ExtraGroups { get; } = new List<string>();

        /// <summary>False makes ListGroups fail the test, as it would crash librdkafka's mock.</summary>
        public bool CanListGroups { get; set; } = true;

        /// <summary>False answers "all offsets of the group" with nothing, as librdkafka's mock does.</summary>
        public bool AnswersAllOffsets { get; set; } = true;

        public bool Unreachable { get; set; }

        public List<GroupOffsetsRequest> OffsetRequests { get; } = new List<GroupOffsetsRequest>();

        public int GroupListings { get; private set; }

        public InMemoryClusterView Topic(string name, int partitions, params long[] endOffsets)
        {
            TopicPartitions[name] = partitions;
            for (var p = 0; p < partitions; p++)
            {
                LogBounds[new TopicPartitionRef(name, p)] = new LogBounds(0, p < endOffsets.Length ? endOffsets[p] : 0);
            }

            return this;
        }

        public InMemoryClusterView Commit(string group, string topic, int partition, long offset)
        {
            if (!Offsets.TryGetValue(group, out var offsets))
            {
                offsets = new Dictionary<TopicPartitionRef, long>();
                Offsets[group] = offsets;
            }

            offsets[new TopicPartitionRef(topic, partition)] = offset;
            return this;
        }

        public IReadOnlyDictionary<string, int> Topics()
        {
            ThrowIfUnreachable();
            return new Dictionary<string, int>(TopicPartitions, StringComparer.Ordinal);
        }

        public IReadOnlyList<string> ListGroups()
        {
            ThrowIfUnreachable();
            if (!CanListGroups)
            {
                throw new InvalidOperationException($"Cluster '{Connection.Alias}' was asked to list groups although only exact names were given.");
            }

            GroupListings++;
            return Offsets.Keys.Concat(ExtraGroups).OrderBy(g => g, StringComparer.Ordinal).ToArray();
        }

        public IReadOnlyDictionary<TopicPartitionRef, LogBounds> Bounds(IReadOnlyCollection<TopicPartitionRef> partitions)
        {
            ThrowIfUnreachable();
            foreach (var p in partitions)
            {
                if (!TopicPartitions.TryGetValue(p.Topic, out var count) || p.Partition >= count)
                {
                    throw new InvalidOperationException($"Bounds asked for {p}, which does not exist on '{Connection.Alias}'.");
                }
            }

            return partitions.ToDictionary(p => p, p => LogBounds[p]);
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> Committed(IReadOnlyList<GroupOffsetsRequest> requests, Action<int>? progress)
        {
            ThrowIfUnreachable();
            var result = new Dictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>>(StringComparer.Ordinal);
            var answered = 0;
            foreach (var request in requests)
            {
                OffsetRequests.Add(request);
                var offsets = Offsets.TryGetValue(request.Group, out var o) ? o : new Dictionary<TopicPartitionRef, long>();
                IEnumerable<KeyValuePair<TopicPartitionRef, long>> answer = request.Partitions == null
                    ? (AnswersAllOffsets ? offsets : Enumerable.Empty<KeyValuePair<TopicPartitionRef, long>>())
                    : offsets.Where(kv => request.Partitions.Contains(kv.Key));
                var merged = result.TryGetValue(request.Group, out var earlier) ? earlier.ToDictionary(kv => kv.Key, kv => kv.Value) : new Dictionary<TopicPartitionRef, long>();
                foreach (var kv in answer)
                {
                    merged[kv.Key] = kv.Value;
                }

                result[request.Group] = merged;
                progress?.Invoke(++answered);
            }

            return result;
        }

        private void ThrowIfUnreachable()
        {
            if (Unreachable)
            {
                throw new Mm2DrException(ErrorIds.ClusterUnreachable, ErrorKind.ConnectionFailed,
                    $"Reading metadata failed: cannot reach cluster '{Connection.Alias}' ({Connection.BootstrapServers}) within 2 s: Connection refused.", Connection.Alias);
            }
        }
    }
}

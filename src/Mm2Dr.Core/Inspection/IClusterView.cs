using System;
using System.Collections.Generic;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// What the MM2 inspections need to know about one cluster. Kafka-backed in the module (<see cref="KafkaClusterView"/>);
    /// tests give it in memory. Every call may fail with an <see cref="Errors.Mm2DrException"/> naming the cluster.
    /// </summary>
    public interface IClusterView
    {
        /// <summary>Alias and bootstrap, for messages and output.</summary>
        Environment.ClusterConnection Connection { get; }

        /// <summary>Every topic with its partition count, internal ones included. Also proves the cluster answers.</summary>
        IReadOnlyDictionary<string, int> Topics();

        /// <summary>All consumer group ids. Only called to resolve wildcards: some brokers (librdkafka's mock) cannot list.</summary>
        IReadOnlyList<string> ListGroups();

        /// <summary>Log start and end offsets of existing partitions.</summary>
        IReadOnlyDictionary<TopicPartitionRef, LogBounds> Bounds(IReadOnlyCollection<TopicPartitionRef> partitions);

        /// <summary>Committed offsets per group; <paramref name="progress"/> gets the number of requests answered.</summary>
        IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> Committed(IReadOnlyList<GroupOffsetsRequest> requests, Action<int>? progress);
    }
}

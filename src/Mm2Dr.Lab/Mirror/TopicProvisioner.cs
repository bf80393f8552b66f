using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// Creates the topics the mirror writes to, as MM2 does (remote topics with the source's partition count, internal
    /// topics single-partition and compacted), and grows remote topics when their source grows.
    /// </summary>
    internal static class TopicProvisioner
    {
        public static readonly IReadOnlyDictionary<string, string> Compacted = new Dictionary<string, string> { ["cleanup.policy"] = "compact" };

        /// <summary>
        /// Creates the topic unless it exists; true when it was created now. MM2's replication factors default to 2 and 3,
        /// which a one-broker cluster refuses: then the topic is created with the cluster's default and
        /// <paramref name="warn"/> says so (MM2 itself would fail to create it and retry forever).
        /// </summary>
        public static bool Ensure(KafkaAdmin admin, string topic, int partitions, short replicationFactor, IReadOnlyDictionary<string, string>? configs, Action<string> warn)
        {
            try
            {
                Create(admin, topic, partitions, replicationFactor, configs);
                return true;
            }
            catch (CreateTopicsException ex)
            {
                var error = ex.Results.FirstOrDefault(r => r.Topic == topic)?.Error ?? ex.Error;
                if (error.Code == ErrorCode.TopicAlreadyExists)
                {
                    return false;
                }

                if (error.Code != ErrorCode.InvalidReplicationFactor || replicationFactor == -1)
                {
                    throw KafkaErrorTranslator.Translate(admin.Cluster, error, $"Creating topic '{topic}'", topic, admin.Diagnostics, ex);
                }

                warn($"Topic '{topic}' on cluster '{admin.Cluster.Alias}' was created with the cluster's default replication factor: it refused {replicationFactor} ({error.Reason}).");
                return Ensure(admin, topic, partitions, -1, configs, warn);
            }
        }

        /// <summary>Grows a topic to <paramref name="count"/> partitions (MirrorSourceConnector.createNewPartitions).</summary>
        public static void GrowTo(KafkaAdmin admin, string topic, int count)
        {
            var options = new CreatePartitionsOptions { RequestTimeout = admin.Timeout, OperationTimeout = admin.Timeout };
            try
            {
                admin.Call(() => admin.Client.CreatePartitionsAsync(new[] { new PartitionsSpecification { Topic = topic, IncreaseTo = count } }, options), $"Adding partitions to '{topic}'", topic);
            }
            catch (CreatePartitionsException ex)
            {
                var error = ex.Results.FirstOrDefault(r => r.Topic == topic)?.Error ?? ex.Error;
                if (error.Code != ErrorCode.InvalidPartitions)
                {
                    throw KafkaErrorTranslator.Translate(admin.Cluster, error, $"Adding partitions to '{topic}'", topic, admin.Diagnostics, ex);
                }

                // Someone else got there first: the topic already has that many.
            }
        }

        private static void Create(KafkaAdmin admin, string topic, int partitions, short replicationFactor, IReadOnlyDictionary<string, string>? configs)
        {
            var specification = new TopicSpecification
            {
                Name = topic,
                NumPartitions = partitions,
                ReplicationFactor = replicationFactor,
                Configs = configs == null ? null : new Dictionary<string, string>(configs.ToDictionary(kv => kv.Key, kv => kv.Value)),
            };
            var options = new CreateTopicsOptions { RequestTimeout = admin.Timeout, OperationTimeout = admin.Timeout };
            admin.Call(() => admin.Client.CreateTopicsAsync(new[] { specification }, options), $"Creating topic '{topic}'", topic);
        }
    }
}

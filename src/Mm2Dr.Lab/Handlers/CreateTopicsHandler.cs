using System;
using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>CreateTopics v0-4; -1 partitions / replication factor mean the broker defaults (v4+, notes §1.4).</summary>
    internal static class CreateTopicsHandler
    {
        private sealed class TopicRequest
        {
            public string Name = "";
            public int Partitions;
            public short ReplicationFactor;
            public int AssignmentCount;
            public Dictionary<string, string?> Configs = new Dictionary<string, string?>();
        }

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var count = reader.ReadArrayCount(14);
            var requests = new List<TopicRequest>(count);
            for (var i = 0; i < count; i++)
            {
                var request = new TopicRequest
                {
                    Name = reader.ReadString(),
                    Partitions = reader.ReadInt32(),
                    ReplicationFactor = reader.ReadInt16(),
                };
                request.AssignmentCount = reader.ReadArrayCount(8);
                for (var a = 0; a < request.AssignmentCount; a++)
                {
                    reader.ReadInt32();
                    var brokers = reader.ReadArrayCount(4);
                    for (var b = 0; b < brokers; b++)
                    {
                        reader.ReadInt32();
                    }
                }

                var configCount = reader.ReadArrayCount(4);
                for (var c = 0; c < configCount; c++)
                {
                    request.Configs[reader.ReadString()] = reader.ReadNullableString();
                }

                requests.Add(request);
            }

            reader.ReadInt32(); // TimeoutMs
            var validateOnly = version >= 1 && reader.ReadBoolean();

            if (version >= 2)
            {
                writer.WriteInt32(0);
            }

            writer.WriteArrayLength(requests.Count);
            var seen = new HashSet<string>();
            foreach (var request in requests)
            {
                var (error, message) = seen.Add(request.Name)
                    ? Create(context, request, validateOnly)
                    : (ErrorCode.InvalidRequest, "Create topics request from client contains duplicate topic name " + request.Name);
                writer.WriteString(request.Name);
                writer.WriteInt16((short)error);
                if (version >= 1)
                {
                    writer.WriteNullableString(error == ErrorCode.None ? null : message);
                }
            }
        }

        private static (ErrorCode, string?) Create(BrokerContext context, TopicRequest request, bool validateOnly)
        {
            // k39 ZkAdminManager.scala:171 and surrounding checks, in Kafka's order.
            var nameError = TopicNames.Validate(request.Name);
            if (nameError != null)
            {
                return (ErrorCode.InvalidTopicException, nameError);
            }

            if (context.Topics.Find(request.Name) != null)
            {
                return (ErrorCode.TopicAlreadyExists, $"Topic '{request.Name}' already exists.");
            }

            if (request.AssignmentCount > 0)
            {
                // Manual assignments only make sense for a multi-broker cluster; the lab broker takes partition counts.
                return (ErrorCode.InvalidReplicaAssignment, "The lab broker does not accept manual replica assignments.");
            }

            // k39 ZkAdminManager.scala:177-186: -1 ⇒ num.partitions / default.replication.factor.
            var partitions = request.Partitions == -1 ? context.Options.DefaultPartitions : request.Partitions;
            if (partitions <= 0)
            {
                return (ErrorCode.InvalidPartitions, "Number of partitions must be larger than 0.");
            }

            var replicationFactor = request.ReplicationFactor == -1 ? (short)1 : request.ReplicationFactor;
            // server-common AdminUtils.java:124-128: RF must be 1..live brokers.
            if (replicationFactor <= 0)
            {
                return (ErrorCode.InvalidReplicationFactor, "Replication factor must be larger than 0.");
            }

            if (replicationFactor > 1)
            {
                return (ErrorCode.InvalidReplicationFactor, $"Replication factor: {replicationFactor} larger than available brokers: 1.");
            }

            var configs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in request.Configs)
            {
                var problem = TopicConfigCatalog.Validate(pair.Key, pair.Value);
                if (problem != null)
                {
                    // k39 LogConfig.validate ⇒ InvalidConfigurationException ⇒ INVALID_CONFIG.
                    return (ErrorCode.InvalidConfig, problem);
                }

                configs[pair.Key] = pair.Value!;
            }

            if (validateOnly)
            {
                return (ErrorCode.None, null);
            }

            return context.Topics.TryCreate(request.Name, partitions, configs, out _)
                ? (ErrorCode.None, null)
                : (ErrorCode.TopicAlreadyExists, $"Topic '{request.Name}' already exists.");
        }
    }
}

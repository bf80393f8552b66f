using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>
    /// DescribeConfigs v0-1 for topics (every topic config, with the create-time ones marked as dynamic) and for the
    /// broker (the few settings the lab broker has). Resource and source codes: k39 ConfigResource.Type and
    /// DescribeConfigsResponse.ConfigSource.
    /// </summary>
    internal static class DescribeConfigsHandler
    {
        private const sbyte TopicResource = 2;
        private const sbyte BrokerResource = 4;
        private const sbyte DynamicTopicConfig = 1;
        private const sbyte StaticBrokerConfig = 4;
        private const sbyte DefaultConfig = 5;

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var count = reader.ReadArrayCount(7);
            var resources = new List<(sbyte Type, string Name, HashSet<string>? Keys)>(count);
            for (var i = 0; i < count; i++)
            {
                var type = reader.ReadInt8();
                var name = reader.ReadString();
                var keyCount = reader.ReadArrayCount(2);
                HashSet<string>? keys = null;
                if (keyCount >= 0)
                {
                    keys = new HashSet<string>();
                    for (var k = 0; k < keyCount; k++)
                    {
                        keys.Add(reader.ReadString());
                    }
                }

                resources.Add((type, name, keys));
            }

            var includeSynonyms = version >= 1 && reader.ReadBoolean();
            writer.WriteInt32(0);
            writer.WriteArrayLength(resources.Count);
            foreach (var (type, name, keys) in resources)
            {
                var (error, message, configs) = Describe(context, type, name);
                writer.WriteInt16((short)error);
                writer.WriteNullableString(message);
                writer.WriteInt8(type);
                writer.WriteString(name);
                var selected = configs.Where(c => keys == null || keys.Contains(c.Name)).ToList();
                writer.WriteArrayLength(selected.Count);
                foreach (var (configName, value, source) in selected)
                {
                    writer.WriteString(configName);
                    writer.WriteNullableString(value);
                    writer.WriteBoolean(type == BrokerResource); // ReadOnly: the lab broker cannot alter broker configs
                    if (version == 0)
                    {
                        writer.WriteBoolean(source == DefaultConfig); // IsDefault
                    }
                    else
                    {
                        writer.WriteInt8(source);
                    }

                    writer.WriteBoolean(false); // IsSensitive
                    if (version >= 1)
                    {
                        if (includeSynonyms)
                        {
                            writer.WriteArrayLength(1);
                            writer.WriteString(configName);
                            writer.WriteNullableString(value);
                            writer.WriteInt8(source);
                        }
                        else
                        {
                            writer.WriteArrayLength(0);
                        }
                    }
                }
            }
        }

        private static (ErrorCode, string?, List<(string Name, string? Value, sbyte Source)>) Describe(BrokerContext context, sbyte type, string name)
        {
            var configs = new List<(string, string?, sbyte)>();
            if (type == TopicResource)
            {
                var topic = context.Topics.Find(name);
                if (topic == null)
                {
                    // k39 ZkAdminManager.scala:449 (describeConfigs): UNKNOWN_TOPIC_OR_PARTITION.
                    return (ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.", configs);
                }

                foreach (var pair in TopicConfigCatalog.Defaults)
                {
                    var isSet = topic.Configs.TryGetValue(pair.Key, out var value);
                    configs.Add((pair.Key, isSet ? value : pair.Value, isSet ? DynamicTopicConfig : DefaultConfig));
                }

                return (ErrorCode.None, null, configs);
            }

            if (type == BrokerResource)
            {
                if (name != context.NodeId.ToString() && name.Length > 0)
                {
                    return (ErrorCode.InvalidRequest, $"Unexpected broker id, expected {context.NodeId} but received {name}", configs);
                }

                configs.Add(("auto.create.topics.enable", context.Options.AutoCreateTopics ? "true" : "false", StaticBrokerConfig));
                configs.Add(("broker.id", context.NodeId.ToString(), StaticBrokerConfig));
                configs.Add(("default.replication.factor", "1", DefaultConfig));
                configs.Add(("group.initial.rebalance.delay.ms", ((long)context.Options.InitialRebalanceDelay.TotalMilliseconds).ToString(), StaticBrokerConfig));
                configs.Add(("num.partitions", context.Options.DefaultPartitions.ToString(), StaticBrokerConfig));
                configs.Add(("socket.request.max.bytes", context.Options.MaxRequestBytes.ToString(), StaticBrokerConfig));
                return (ErrorCode.None, null, configs);
            }

            return (ErrorCode.InvalidRequest, $"Unsupported resource type {type}.", configs);
        }
    }
}

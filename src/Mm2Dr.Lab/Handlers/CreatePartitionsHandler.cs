using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>CreatePartitions v0-1 (k39 ZkAdminManager.scala:330-339 for the errors and their messages).</summary>
    internal static class CreatePartitionsHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var count = reader.ReadArrayCount(10);
            var requests = new List<(string Name, int Count, bool HasAssignments)>(count);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var newCount = reader.ReadInt32();
                var assignments = reader.ReadArrayCount(4);
                for (var a = 0; a < assignments; a++)
                {
                    var brokers = reader.ReadArrayCount(4);
                    for (var b = 0; b < brokers; b++)
                    {
                        reader.ReadInt32();
                    }
                }

                requests.Add((name, newCount, assignments > 0));
            }

            reader.ReadInt32(); // TimeoutMs
            var validateOnly = reader.ReadBoolean();
            writer.WriteInt32(0);
            writer.WriteArrayLength(requests.Count);
            foreach (var (name, newCount, hasAssignments) in requests)
            {
                var (error, message) = Apply(context, name, newCount, hasAssignments, validateOnly);
                writer.WriteString(name);
                writer.WriteInt16((short)error);
                writer.WriteNullableString(message);
            }
        }

        private static (ErrorCode, string?) Apply(BrokerContext context, string name, int newCount, bool hasAssignments, bool validateOnly)
        {
            var topic = context.Topics.Find(name);
            if (topic == null)
            {
                return (ErrorCode.UnknownTopicOrPartition, $"The topic '{name}' does not exist.");
            }

            var current = topic.Partitions.Count;
            if (newCount < current)
            {
                return (ErrorCode.InvalidPartitions, $"Topic currently has {current} partitions, which is higher than the requested {newCount}.");
            }

            if (newCount == current)
            {
                return (ErrorCode.InvalidPartitions, $"Topic already has {current} partitions.");
            }

            if (hasAssignments)
            {
                return (ErrorCode.InvalidReplicaAssignment, "The lab broker does not accept manual replica assignments.");
            }

            if (!validateOnly)
            {
                context.Topics.AddPartitions(topic, newCount);
            }

            return (ErrorCode.None, null);
        }
    }
}

using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>DeleteTopics v0-3. Frees the partition memory and files, and drops the topic's committed offsets.</summary>
    internal static class DeleteTopicsHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var count = reader.ReadArrayCount(2);
            var names = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                names.Add(reader.ReadString());
            }

            reader.ReadInt32(); // TimeoutMs
            if (header.ApiVersion >= 1)
            {
                writer.WriteInt32(0);
            }

            writer.WriteArrayLength(names.Count);
            foreach (var name in names)
            {
                writer.WriteString(name);
                // k39 ZkAdminManager.scala:449: a missing topic ⇒ UNKNOWN_TOPIC_OR_PARTITION.
                if (context.Topics.Delete(name))
                {
                    context.Groups.OnTopicDeleted(name);
                    writer.WriteInt16((short)ErrorCode.None);
                }
                else
                {
                    writer.WriteInt16((short)ErrorCode.UnknownTopicOrPartition);
                }
            }
        }
    }
}

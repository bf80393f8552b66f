using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>OffsetDelete v0 (rules: notes §5 (d)). Unknown partitions are refused first (k39 KafkaApis.handleDeleteOffsets).</summary>
    internal static class OffsetDeleteHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var groupId = reader.ReadString();
            var topicCount = reader.ReadArrayCount(6);
            var requested = new List<(string Topic, int Partition)>();
            for (var t = 0; t < topicCount; t++)
            {
                var name = reader.ReadString();
                var count = reader.ReadArrayCount(4);
                for (var p = 0; p < count; p++)
                {
                    requested.Add((name, reader.ReadInt32()));
                }
            }

            var unknown = requested.Where(r => context.Topics.Find(r.Topic)?.Partition(r.Partition) == null).ToList();
            var known = requested.Except(unknown).ToList();
            var (groupError, results) = context.Groups.DeleteOffsets(groupId, known);
            writer.WriteInt16((short)groupError);
            writer.WriteInt32(0); // ThrottleTimeMs
            if (groupError != ErrorCode.None)
            {
                writer.WriteArrayLength(0);
                return;
            }

            var errors = results.ToDictionary(r => (r.Topic, r.Partition), r => r.Error);
            foreach (var u in unknown)
            {
                errors[u] = ErrorCode.UnknownTopicOrPartition;
            }

            var byTopic = requested.GroupBy(r => r.Topic).ToList();
            writer.WriteArrayLength(byTopic.Count);
            foreach (var topic in byTopic)
            {
                writer.WriteString(topic.Key);
                var partitions = topic.Distinct().ToList();
                writer.WriteArrayLength(partitions.Count);
                foreach (var p in partitions)
                {
                    writer.WriteInt32(p.Partition);
                    writer.WriteInt16((short)errors[p]);
                }
            }
        }
    }
}

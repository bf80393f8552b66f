using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>OffsetFetch v1-5; null topics (v2+) = every committed partition of the group (notes §5.1 (c)).</summary>
    internal static class OffsetFetchHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var groupId = reader.ReadString();
            var topicCount = reader.ReadArrayCount(6);
            List<(string, int)>? requested = null;
            if (topicCount >= 0)
            {
                requested = new List<(string, int)>();
                for (var t = 0; t < topicCount; t++)
                {
                    var name = reader.ReadString();
                    var count = reader.ReadArrayCount(4);
                    for (var p = 0; p < count; p++)
                    {
                        requested.Add((name, reader.ReadInt32()));
                    }
                }
            }
            else if (version < 2)
            {
                throw new MalformedRequestException("OffsetFetch topics may be null only from v2.");
            }

            var offsets = context.Groups.FetchOffsets(groupId, requested);
            if (version >= 3)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            var byTopic = offsets.GroupBy(o => o.Topic).ToList();
            writer.WriteArrayLength(byTopic.Count);
            foreach (var topic in byTopic)
            {
                writer.WriteString(topic.Key);
                var partitions = topic.ToList();
                writer.WriteArrayLength(partitions.Count);
                foreach (var (_, partition, committed) in partitions)
                {
                    writer.WriteInt32(partition);
                    // Unknown group or no commit ⇒ offset -1, metadata "", NONE (notes §5.1 (c)).
                    writer.WriteInt64(committed?.Offset ?? -1);
                    if (version >= 5)
                    {
                        writer.WriteInt32(committed?.LeaderEpoch ?? -1);
                    }

                    writer.WriteNullableString(committed == null ? "" : committed.Metadata);
                    writer.WriteInt16((short)ErrorCode.None);
                }
            }

            if (version >= 2)
            {
                writer.WriteInt16((short)ErrorCode.None);
            }
        }
    }
}

using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>ListGroups v0-2 (k39 ListGroupsRequest/Response.json). Mandatory: without it librdkafka 2.16 can crash (notes §8.5).</summary>
    internal static class ListGroupsHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var groups = context.Groups.ListGroups();
            if (header.ApiVersion >= 1)
            {
                writer.WriteInt32(0);
            }

            writer.WriteInt16((short)ErrorCode.None);
            writer.WriteArrayLength(groups.Count);
            foreach (var (groupId, protocolType, _) in groups)
            {
                writer.WriteString(groupId);
                writer.WriteString(protocolType);
            }
        }
    }
}

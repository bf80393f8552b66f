using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>Heartbeat v0-3 (k39 HeartbeatRequest/Response.json).</summary>
    internal static class HeartbeatHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var groupId = reader.ReadString();
            var generationId = reader.ReadInt32();
            var memberId = reader.ReadString();
            if (header.ApiVersion >= 3)
            {
                reader.ReadNullableString(); // GroupInstanceId
            }

            var error = context.Groups.Heartbeat(groupId, generationId, memberId);
            if (header.ApiVersion >= 1)
            {
                writer.WriteInt32(0);
            }

            writer.WriteInt16((short)error);
        }
    }
}

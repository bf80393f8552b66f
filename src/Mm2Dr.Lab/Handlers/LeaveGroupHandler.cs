using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>LeaveGroup v0-1: one member; the member error is the top-level error (k39 LeaveGroupResponse.java:76-91).</summary>
    internal static class LeaveGroupHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var groupId = reader.ReadString();
            var memberId = reader.ReadString();
            var error = context.Groups.LeaveGroup(groupId, memberId);
            if (header.ApiVersion >= 1)
            {
                writer.WriteInt32(0);
            }

            writer.WriteInt16((short)error);
        }
    }
}

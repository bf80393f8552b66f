using System.Collections.Generic;
using System.Threading.Tasks;
using Mm2Dr.Lab.Groups;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>JoinGroup v0-5 (k39 JoinGroupRequest/Response.json). The answer may wait for the whole join phase.</summary>
    internal static class JoinGroupHandler
    {
        public static async Task Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer, string clientHost)
        {
            var version = header.ApiVersion;
            var groupId = reader.ReadString();
            var sessionTimeoutMs = reader.ReadInt32();
            // v0 has no rebalance timeout; Kafka uses the session timeout (k39 JoinGroupRequest.java:179-185).
            var rebalanceTimeoutMs = version >= 1 ? reader.ReadInt32() : sessionTimeoutMs;
            var memberId = reader.ReadString();
            var groupInstanceId = version >= 5 ? reader.ReadNullableString() : null;
            var protocolType = reader.ReadString();
            var count = reader.ReadArrayCount(6);
            var protocols = new List<MemberProtocol>(count);
            for (var i = 0; i < count; i++)
            {
                protocols.Add(new MemberProtocol(reader.ReadString(), reader.ReadBytesCopy()));
            }

            // k39 GroupCoordinatorAdapter.scala:110: requireKnownMemberId = version >= 4 && no instance id.
            var requireKnownMemberId = version >= 4 && groupInstanceId == null;
            var result = await context.Groups.JoinGroup(groupId, memberId, groupInstanceId, header.ClientId ?? "", clientHost,
                sessionTimeoutMs, rebalanceTimeoutMs, protocolType, protocols, requireKnownMemberId).ConfigureAwait(false);

            if (version >= 2)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            writer.WriteInt16((short)result.Error);
            writer.WriteInt32(result.GenerationId);
            writer.WriteString(result.ProtocolName);
            writer.WriteString(result.LeaderId);
            writer.WriteString(result.MemberId);
            writer.WriteArrayLength(result.Members.Count);
            foreach (var (id, instanceId, metadata) in result.Members)
            {
                writer.WriteString(id);
                if (version >= 5)
                {
                    writer.WriteNullableString(instanceId);
                }

                writer.WriteBytes(metadata);
            }
        }
    }
}

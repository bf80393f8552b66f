using System.Collections.Generic;
using System.Threading.Tasks;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>SyncGroup v0-3 (k39 SyncGroupRequest/Response.json). Followers wait for the leader's assignment.</summary>
    internal static class SyncGroupHandler
    {
        public static async Task Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var groupId = reader.ReadString();
            var generationId = reader.ReadInt32();
            var memberId = reader.ReadString();
            if (version >= 3)
            {
                reader.ReadNullableString(); // GroupInstanceId
            }

            var count = reader.ReadArrayCount(6);
            var assignments = new Dictionary<string, byte[]>(count);
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                assignments[id] = reader.ReadBytesCopy();
            }

            var result = await context.Groups.SyncGroup(groupId, generationId, memberId, assignments).ConfigureAwait(false);
            if (version >= 1)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            writer.WriteInt16((short)result.Error);
            writer.WriteBytes(result.Assignment);
        }
    }
}

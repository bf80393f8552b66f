using System.Collections.Generic;
using Mm2Dr.Lab.Groups;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>DescribeGroups v0-4. An unknown group is reported as Dead with no error (k39 GroupCoordinator.scala:1139-1151).</summary>
    internal static class DescribeGroupsHandler
    {
        private const int AuthorizedOperationsOmitted = int.MinValue;

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var count = reader.ReadArrayCount(2);
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(reader.ReadString());
            }

            if (version >= 3)
            {
                reader.ReadBoolean(); // IncludeAuthorizedOperations
            }

            if (version >= 1)
            {
                writer.WriteInt32(0);
            }

            writer.WriteArrayLength(ids.Count);
            foreach (var id in ids)
            {
                var group = context.Groups.Describe(id);
                // k39 validateGroupStatus allows an empty id for DescribeGroups; it is simply unknown.
                writer.WriteInt16((short)ErrorCode.None);
                writer.WriteString(id);
                writer.WriteString((group?.State ?? GroupState.Dead).ToString());
                writer.WriteString(group?.ProtocolType ?? "");
                writer.WriteString(group?.ProtocolName ?? "");
                var members = group?.Members ?? new List<GroupDescription.Member>();
                writer.WriteArrayLength(members.Count);
                foreach (var member in members)
                {
                    writer.WriteString(member.MemberId);
                    if (version >= 4)
                    {
                        writer.WriteNullableString(member.GroupInstanceId);
                    }

                    writer.WriteString(member.ClientId);
                    writer.WriteString(member.ClientHost);
                    writer.WriteBytes(member.Metadata);
                    writer.WriteBytes(member.Assignment);
                }

                if (version >= 3)
                {
                    writer.WriteInt32(AuthorizedOperationsOmitted);
                }
            }
        }
    }
}

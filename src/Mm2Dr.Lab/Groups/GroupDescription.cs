using System.Collections.Generic;

namespace Mm2Dr.Lab.Groups
{
    internal sealed class GroupDescription
    {
        public GroupDescription(string groupId, GroupState state, string protocolType, string protocolName, IReadOnlyList<Member> members)
        {
            GroupId = groupId;
            State = state;
            ProtocolType = protocolType;
            ProtocolName = protocolName;
            Members = members;
        }

        public string GroupId { get; }

        public GroupState State { get; }

        public string ProtocolType { get; }

        public string ProtocolName { get; }

        public IReadOnlyList<Member> Members { get; }

        internal sealed class Member
        {
            public Member(string memberId, string? groupInstanceId, string clientId, string clientHost, byte[] metadata, byte[] assignment)
            {
                MemberId = memberId;
                GroupInstanceId = groupInstanceId;
                ClientId = clientId;
                ClientHost = clientHost;
                Metadata = metadata;
                Assignment = assignment;
            }

            public string MemberId { get; }

            public string? GroupInstanceId { get; }

            public string ClientId { get; }

            public string ClientHost { get; }

            public byte[] Metadata { get; }

            public byte[] Assignment { get; }
        }
    }
}

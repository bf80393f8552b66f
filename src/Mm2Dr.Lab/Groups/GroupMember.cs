using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Mm2Dr.Lab.Groups
{
    internal sealed class GroupMember
    {
        public GroupMember(string memberId, string? groupInstanceId, string clientId, string clientHost)
        {
            MemberId = memberId;
            GroupInstanceId = groupInstanceId;
            ClientId = clientId;
            ClientHost = clientHost;
        }

        public string MemberId { get; }

        public string? GroupInstanceId { get; }

        public string ClientId { get; }

        public string ClientHost { get; }

        public int SessionTimeoutMs { get; set; }

        public int RebalanceTimeoutMs { get; set; }

        public string ProtocolType { get; set; } = "";

        public IReadOnlyList<MemberProtocol> Protocols { get; set; } = new List<MemberProtocol>();

        public byte[] Assignment { get; set; } = new byte[0];

        /// <summary>A JoinGroup parked until the join phase completes.</summary>
        public TaskCompletionSource<JoinGroupResult>? AwaitingJoin { get; set; }

        /// <summary>A SyncGroup parked until the leader sends the assignment.</summary>
        public TaskCompletionSource<SyncGroupResult>? AwaitingSync { get; set; }

        /// <summary>True until the member's first join completes; such members get the 5-minute new-member join timeout.</summary>
        public bool IsNew { get; set; }

        public long JoinedAtMs { get; set; }

        public long LastHeartbeatMs { get; set; }

        public byte[]? MetadataFor(string protocol) => Protocols.FirstOrDefault(p => p.Name == protocol)?.Metadata;

        /// <summary>Same assignors with the same metadata, in the same order (k39 MemberMetadata.matches).</summary>
        public bool Matches(IReadOnlyList<MemberProtocol> protocols)
        {
            if (protocols.Count != Protocols.Count)
            {
                return false;
            }

            for (var i = 0; i < protocols.Count; i++)
            {
                if (protocols[i].Name != Protocols[i].Name || !protocols[i].Metadata.SequenceEqual(Protocols[i].Metadata))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

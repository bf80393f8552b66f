using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Groups
{
    internal sealed class JoinGroupResult
    {
        public ErrorCode Error { get; set; }

        public int GenerationId { get; set; } = -1;

        public string ProtocolName { get; set; } = "";

        public string LeaderId { get; set; } = "";

        public string MemberId { get; set; } = "";

        /// <summary>Filled for the leader only (k39 GroupCoordinator.scala:1577-1595).</summary>
        public List<(string MemberId, string? GroupInstanceId, byte[] Metadata)> Members { get; } = new List<(string, string?, byte[])>();

        public static JoinGroupResult Failed(ErrorCode error, string memberId = "") => new JoinGroupResult { Error = error, MemberId = memberId };
    }
}

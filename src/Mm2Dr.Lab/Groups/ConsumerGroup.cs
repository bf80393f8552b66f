using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Lab.Groups
{
    /// <summary>
    /// The state of one classic group: members in join order (the first becomes leader), pending member ids handed
    /// out with MEMBER_ID_REQUIRED, the generation, the chosen protocol, deadlines of the running rebalance and the
    /// committed offsets. All access goes through <see cref="GroupCoordinator"/>'s lock.
    /// </summary>
    internal sealed class ConsumerGroup
    {
        private readonly List<GroupMember> _members = new List<GroupMember>();

        public ConsumerGroup(string groupId)
        {
            GroupId = groupId;
        }

        public string GroupId { get; }

        public GroupState State { get; set; } = GroupState.Empty;

        public int GenerationId { get; set; }

        public string? ProtocolType { get; set; }

        public string? ProtocolName { get; set; }

        public string? LeaderId { get; set; }

        public IReadOnlyList<GroupMember> Members => _members;

        /// <summary>Member ids returned with MEMBER_ID_REQUIRED, with the time they expire unless used.</summary>
        public Dictionary<string, long> PendingMembers { get; } = new Dictionary<string, long>();

        /// <summary>Members that got a JoinGroup answer but have not sent SyncGroup yet.</summary>
        public HashSet<string> PendingSync { get; } = new HashSet<string>();

        public long? JoinDeadlineMs { get; set; }

        public long? InitialDelayDeadlineMs { get; set; }

        public long InitialDelayRemainingMs { get; set; }

        public bool NewMemberJoinedDuringDelay { get; set; }

        public long? SyncDeadlineMs { get; set; }

        public Dictionary<(string Topic, int Partition), CommittedOffset> Offsets { get; } = new Dictionary<(string, int), CommittedOffset>();

        public GroupMember? Member(string memberId) => _members.FirstOrDefault(m => m.MemberId == memberId);

        public void Add(GroupMember member)
        {
            if (_members.Count == 0)
            {
                ProtocolType = member.ProtocolType;
            }

            _members.Add(member);
            LeaderId ??= member.MemberId;
        }

        public void Remove(GroupMember member)
        {
            _members.Remove(member);
            PendingSync.Remove(member.MemberId);
            if (LeaderId == member.MemberId)
            {
                // k39 GroupMetadata.scala:279-280: the next member becomes leader.
                LeaderId = _members.Count > 0 ? _members[0].MemberId : null;
            }
        }

        /// <summary>Rebalance timeout = the largest any member asked for (k39 GroupMetadata.scala:412-414).</summary>
        public int RebalanceTimeoutMs => _members.Count == 0 ? 0 : _members.Max(m => m.RebalanceTimeoutMs);

        public bool AllMembersJoined => PendingMembers.Count == 0 && _members.All(m => m.AwaitingJoin != null);

        /// <summary>
        /// An Empty group takes any non-empty protocol type with at least one protocol; otherwise the type must match
        /// and one protocol must be shared by everybody (k39 GroupMetadata.scala:464-469).
        /// </summary>
        public bool SupportsProtocols(string protocolType, IReadOnlyList<MemberProtocol> protocols, string? exceptMemberId)
        {
            if (protocols.Count == 0 || string.IsNullOrEmpty(protocolType))
            {
                return false;
            }

            var others = _members.Where(m => m.MemberId != exceptMemberId).ToList();
            if (State == GroupState.Empty || others.Count == 0)
            {
                return true;
            }

            return protocolType == ProtocolType && CandidateProtocols(others).Overlaps(protocols.Select(p => p.Name));
        }

        private static HashSet<string> CandidateProtocols(IReadOnlyList<GroupMember> members)
        {
            var candidates = new HashSet<string>(members[0].Protocols.Select(p => p.Name));
            foreach (var member in members.Skip(1))
            {
                candidates.IntersectWith(member.Protocols.Select(p => p.Name));
            }

            return candidates;
        }

        /// <summary>Each member votes for its first protocol that everybody supports; most votes wins (k39 GroupMetadata.scala:434-462).</summary>
        public string SelectProtocol()
        {
            var candidates = CandidateProtocols(_members);
            var votes = new Dictionary<string, int>();
            var order = new List<string>();
            foreach (var member in _members)
            {
                var vote = member.Protocols.Select(p => p.Name).First(candidates.Contains);
                if (!votes.ContainsKey(vote))
                {
                    votes[vote] = 0;
                    order.Add(vote);
                }

                votes[vote]++;
            }

            return order.OrderByDescending(name => votes[name]).First();
        }

        /// <summary>Topics the current generation subscribed to, or null when some subscription is unreadable (⇒ everything).</summary>
        public HashSet<string>? SubscribedTopics()
        {
            if (ProtocolType != "consumer" || ProtocolName == null)
            {
                return null;
            }

            var topics = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in _members)
            {
                var metadata = member.MetadataFor(ProtocolName);
                var memberTopics = metadata == null ? null : ConsumerProtocolSubscription.TryReadTopics(metadata);
                if (memberTopics == null)
                {
                    return null;
                }

                topics.UnionWith(memberTopics);
            }

            return topics;
        }
    }
}

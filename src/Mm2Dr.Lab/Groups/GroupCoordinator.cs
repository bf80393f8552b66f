using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Groups
{
    /// <summary>
    /// Kafka's classic group coordinator for a single broker, following k39 core/.../coordinator/group/GroupCoordinator.scala
    /// rule by rule (cited per rule). One lock guards every group; parked JoinGroup/SyncGroup requests are completed
    /// from inside it with continuations that run elsewhere. A 100 ms timer drives session, join and sync deadlines.
    /// </summary>
    internal sealed class GroupCoordinator : IDisposable
    {
        // k39 GroupCoordinatorConfig.java:55-59: group.min/max.session.timeout.ms.
        private const int MinSessionTimeoutMs = 6000;
        private const int MaxSessionTimeoutMs = 1800000;

        // k39 GroupCoordinator.scala:1758 NewMemberJoinTimeoutMs.
        private const int NewMemberJoinTimeoutMs = 5 * 60 * 1000;

        // k39 GroupMetadataManager.scala:437 offset.metadata.max.bytes.
        private const int MaxOffsetMetadataBytes = 4096;

        private readonly object _gate = new object();
        private readonly Dictionary<string, ConsumerGroup> _groups = new Dictionary<string, ConsumerGroup>(StringComparer.Ordinal);
        private readonly CoordinatorJournal? _journal;
        private readonly long _initialRebalanceDelayMs;
        private readonly Timer _timer;

        public GroupCoordinator(string? dataDirectory, TimeSpan initialRebalanceDelay, Action<string>? log)
        {
            _initialRebalanceDelayMs = (long)initialRebalanceDelay.TotalMilliseconds;
            if (dataDirectory != null)
            {
                _journal = CoordinatorJournal.Open(dataDirectory, _groups, MonotonicClock.NowMs, log);
            }

            _timer = new Timer(_ => Tick(), null, 100, 100);
        }

        // ---------------------------------------------------------------- JoinGroup

        public Task<JoinGroupResult> JoinGroup(string groupId, string memberId, string? groupInstanceId, string clientId, string clientHost,
            int sessionTimeoutMs, int rebalanceTimeoutMs, string protocolType, IReadOnlyList<MemberProtocol> protocols, bool requireKnownMemberId)
        {
            lock (_gate)
            {
                var now = MonotonicClock.NowMs;
                // k39 GroupCoordinator.scala:1174-1185 validateGroupStatus: empty id is invalid for JoinGroup.
                if (string.IsNullOrEmpty(groupId))
                {
                    return Done(JoinGroupResult.Failed(ErrorCode.InvalidGroupId, memberId));
                }

                // k39 GroupCoordinator.scala:180-182.
                if (sessionTimeoutMs < MinSessionTimeoutMs || sessionTimeoutMs > MaxSessionTimeoutMs)
                {
                    return Done(JoinGroupResult.Failed(ErrorCode.InvalidSessionTimeout, memberId));
                }

                if (!_groups.TryGetValue(groupId, out var group))
                {
                    // k39 GroupCoordinator.scala:184-189: an unknown group only accepts a member without id.
                    if (memberId.Length > 0)
                    {
                        return Done(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, memberId));
                    }

                    group = new ConsumerGroup(groupId);
                    _groups[groupId] = group;
                }

                if (group.State == GroupState.Dead)
                {
                    return Done(JoinGroupResult.Failed(ErrorCode.CoordinatorNotAvailable, memberId));
                }

                // k39 GroupCoordinator.scala:258-260, 421-423 via GroupMetadata.supportsProtocols.
                if (!group.SupportsProtocols(protocolType, protocols, memberId.Length > 0 ? memberId : null))
                {
                    return Done(JoinGroupResult.Failed(ErrorCode.InconsistentGroupProtocol, memberId));
                }

                if (memberId.Length == 0)
                {
                    var newId = (clientId.Length > 0 ? clientId : "member") + "-" + Guid.NewGuid().ToString("D");
                    if (requireKnownMemberId)
                    {
                        // k39 GroupCoordinator.scala:342-371: JoinGroup v4+ without instance id gets MEMBER_ID_REQUIRED
                        // and its new id is parked as pending until it rejoins (or its session timeout passes).
                        group.PendingMembers[newId] = now + sessionTimeoutMs;
                        return Done(JoinGroupResult.Failed(ErrorCode.MemberIdRequired, newId));
                    }

                    return AddMemberAndRebalance(group, newId, groupInstanceId, clientId, clientHost, sessionTimeoutMs, rebalanceTimeoutMs, protocolType, protocols, now);
                }

                if (group.PendingMembers.Remove(memberId))
                {
                    return AddMemberAndRebalance(group, memberId, groupInstanceId, clientId, clientHost, sessionTimeoutMs, rebalanceTimeoutMs, protocolType, protocols, now);
                }

                var member = group.Member(memberId);
                if (member == null)
                {
                    return Done(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, memberId));
                }

                // k39 GroupCoordinator.scala:402-506, by state.
                switch (group.State)
                {
                    case GroupState.PreparingRebalance:
                        return UpdateMemberAndRebalance(group, member, sessionTimeoutMs, rebalanceTimeoutMs, protocols, now);
                    case GroupState.CompletingRebalance:
                        return member.Matches(protocols)
                            ? Done(CurrentGenerationAnswer(group, member))
                            : UpdateMemberAndRebalance(group, member, sessionTimeoutMs, rebalanceTimeoutMs, protocols, now);
                    case GroupState.Stable:
                        return member.MemberId == group.LeaderId || !member.Matches(protocols)
                            ? UpdateMemberAndRebalance(group, member, sessionTimeoutMs, rebalanceTimeoutMs, protocols, now)
                            : Done(CurrentGenerationAnswer(group, member));
                    default:
                        return Done(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, memberId));
                }
            }
        }

        private static Task<T> Done<T>(T result) => Task.FromResult(result);

        private Task<JoinGroupResult> AddMemberAndRebalance(ConsumerGroup group, string memberId, string? groupInstanceId, string clientId, string clientHost,
            int sessionTimeoutMs, int rebalanceTimeoutMs, string protocolType, IReadOnlyList<MemberProtocol> protocols, long now)
        {
            var member = new GroupMember(memberId, groupInstanceId, clientId, clientHost)
            {
                SessionTimeoutMs = sessionTimeoutMs,
                RebalanceTimeoutMs = rebalanceTimeoutMs,
                ProtocolType = protocolType,
                Protocols = protocols,
                IsNew = true,
                JoinedAtMs = now,
                LastHeartbeatMs = now,
                AwaitingJoin = NewCompletion<JoinGroupResult>(),
            };
            // Taken before the join can complete below, which clears AwaitingJoin.
            var task = member.AwaitingJoin.Task;
            group.Add(member);
            if (group.State == GroupState.PreparingRebalance && group.InitialDelayDeadlineMs != null)
            {
                group.NewMemberJoinedDuringDelay = true;
            }

            MaybePrepareRebalance(group, now);
            TryCompleteJoin(group, now);
            return task;
        }

        private Task<JoinGroupResult> UpdateMemberAndRebalance(ConsumerGroup group, GroupMember member, int sessionTimeoutMs, int rebalanceTimeoutMs,
            IReadOnlyList<MemberProtocol> protocols, long now)
        {
            member.SessionTimeoutMs = sessionTimeoutMs;
            member.RebalanceTimeoutMs = rebalanceTimeoutMs;
            member.Protocols = protocols;
            member.LastHeartbeatMs = now;
            // A second JoinGroup from the same member replaces the first; the old one will never be answered by Kafka
            // either, so release it rather than leak it.
            member.AwaitingJoin?.TrySetResult(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, member.MemberId));
            member.AwaitingJoin = NewCompletion<JoinGroupResult>();
            var task = member.AwaitingJoin.Task;
            MaybePrepareRebalance(group, now);
            TryCompleteJoin(group, now);
            return task;
        }

        private static TaskCompletionSource<T> NewCompletion<T>() => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static JoinGroupResult CurrentGenerationAnswer(ConsumerGroup group, GroupMember member)
        {
            var result = new JoinGroupResult
            {
                Error = ErrorCode.None,
                GenerationId = group.GenerationId,
                ProtocolName = group.ProtocolName ?? "",
                LeaderId = group.LeaderId ?? "",
                MemberId = member.MemberId,
            };
            if (member.MemberId == group.LeaderId)
            {
                foreach (var m in group.Members)
                {
                    result.Members.Add((m.MemberId, m.GroupInstanceId, m.MetadataFor(group.ProtocolName ?? "") ?? new byte[0]));
                }
            }

            return result;
        }

        private void MaybePrepareRebalance(ConsumerGroup group, long now)
        {
            // k39 GroupMetadata.scala: PreparingRebalance may follow Stable, CompletingRebalance or Empty.
            if (group.State == GroupState.Stable || group.State == GroupState.CompletingRebalance || group.State == GroupState.Empty)
            {
                PrepareRebalance(group, now);
            }
        }

        private void PrepareRebalance(ConsumerGroup group, long now)
        {
            if (group.State == GroupState.CompletingRebalance)
            {
                // k39 GroupCoordinator.prepareRebalance: members waiting in SyncGroup get REBALANCE_IN_PROGRESS.
                foreach (var member in group.Members)
                {
                    member.Assignment = new byte[0];
                    member.AwaitingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
                    member.AwaitingSync = null;
                }
            }

            var wasEmpty = group.State == GroupState.Empty;
            group.State = GroupState.PreparingRebalance;
            group.SyncDeadlineMs = null;
            group.PendingSync.Clear();
            var rebalanceTimeout = group.RebalanceTimeoutMs;
            if (wasEmpty && _initialRebalanceDelayMs > 0)
            {
                // k39 GroupCoordinator.scala:1478-1503 and DelayedJoin.scala:62-93 (InitialDelayedJoin): wait the initial
                // delay, extended by the same delay while new members keep arriving, within the rebalance timeout.
                var delay = Math.Min(_initialRebalanceDelayMs, rebalanceTimeout);
                group.InitialDelayDeadlineMs = now + delay;
                group.InitialDelayRemainingMs = Math.Max(rebalanceTimeout - _initialRebalanceDelayMs, 0);
                group.NewMemberJoinedDuringDelay = false;
                group.JoinDeadlineMs = null;
            }
            else
            {
                group.InitialDelayDeadlineMs = null;
                group.JoinDeadlineMs = now + rebalanceTimeout;
            }
        }

        private void TryCompleteJoin(ConsumerGroup group, long now)
        {
            // k39 DelayedJoin.scala:34-50: the join phase ends as soon as every known member has rejoined and no
            // pending member is left (not during the initial delay, which only ends on its timer).
            if (group.State == GroupState.PreparingRebalance && group.InitialDelayDeadlineMs == null && group.AllMembersJoined)
            {
                CompleteJoin(group, now);
            }
        }

        private void CompleteJoin(ConsumerGroup group, long now)
        {
            // k39 GroupCoordinator.scala:1527-1548 onCompleteJoin: dynamic members that did not rejoin are removed.
            foreach (var member in group.Members.Where(m => m.AwaitingJoin == null).ToList())
            {
                group.Remove(member);
            }

            if (group.LeaderId != null && group.Member(group.LeaderId) == null)
            {
                group.LeaderId = group.Members.FirstOrDefault()?.MemberId;
            }

            group.JoinDeadlineMs = null;
            group.InitialDelayDeadlineMs = null;
            group.GenerationId++;
            if (group.Members.Count == 0)
            {
                // k39 GroupMetadata.scala:574-589 initNextGeneration: nobody left ⇒ Empty with a new generation.
                group.State = GroupState.Empty;
                group.ProtocolName = null;
                group.LeaderId = null;
                _journal?.SaveGroup(group);
                return;
            }

            group.ProtocolName = group.SelectProtocol();
            group.State = GroupState.CompletingRebalance;
            group.SyncDeadlineMs = now + group.RebalanceTimeoutMs;
            foreach (var member in group.Members)
            {
                group.PendingSync.Add(member.MemberId);
                var answer = CurrentGenerationAnswer(group, member);
                var waiting = member.AwaitingJoin;
                member.AwaitingJoin = null;
                member.IsNew = false;
                member.LastHeartbeatMs = now;
                waiting?.TrySetResult(answer);
            }
        }

        // ---------------------------------------------------------------- SyncGroup

        public Task<SyncGroupResult> SyncGroup(string groupId, int generationId, string memberId, IReadOnlyDictionary<string, byte[]> assignments)
        {
            lock (_gate)
            {
                var now = MonotonicClock.NowMs;
                if (string.IsNullOrEmpty(groupId))
                {
                    return Done(SyncGroupResult.Failed(ErrorCode.InvalidGroupId));
                }

                // k39 GroupCoordinator.scala:509-648 handleSyncGroup / doSyncGroup, checks in this order.
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    return Done(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
                }

                if (group.State == GroupState.Dead)
                {
                    return Done(SyncGroupResult.Failed(ErrorCode.CoordinatorNotAvailable));
                }

                var member = group.Member(memberId);
                if (member == null)
                {
                    return Done(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
                }

                if (generationId != group.GenerationId)
                {
                    return Done(SyncGroupResult.Failed(ErrorCode.IllegalGeneration));
                }

                switch (group.State)
                {
                    case GroupState.Empty:
                        return Done(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
                    case GroupState.PreparingRebalance:
                        return Done(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
                    case GroupState.CompletingRebalance:
                        member.LastHeartbeatMs = now;
                        group.PendingSync.Remove(memberId);
                        member.AwaitingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
                        member.AwaitingSync = NewCompletion<SyncGroupResult>();
                        var task = member.AwaitingSync.Task;
                        if (memberId == group.LeaderId)
                        {
                            // The leader's assignment is stored for everybody; members it left out get empty bytes.
                            foreach (var m in group.Members)
                            {
                                m.Assignment = assignments.TryGetValue(m.MemberId, out var bytes) ? bytes : new byte[0];
                            }

                            group.State = GroupState.Stable;
                            _journal?.SaveGroup(group);
                            foreach (var m in group.Members)
                            {
                                var waiting = m.AwaitingSync;
                                m.AwaitingSync = null;
                                waiting?.TrySetResult(new SyncGroupResult(ErrorCode.None, m.Assignment));
                            }
                        }

                        return task;
                    case GroupState.Stable:
                        member.LastHeartbeatMs = now;
                        group.PendingSync.Remove(memberId);
                        return Done(new SyncGroupResult(ErrorCode.None, member.Assignment));
                    default:
                        return Done(SyncGroupResult.Failed(ErrorCode.CoordinatorNotAvailable));
                }
            }
        }

        // ---------------------------------------------------------------- Heartbeat / LeaveGroup

        public ErrorCode Heartbeat(string groupId, int generationId, string memberId)
        {
            lock (_gate)
            {
                if (string.IsNullOrEmpty(groupId))
                {
                    return ErrorCode.InvalidGroupId;
                }

                // k39 GroupCoordinator.scala:817-898 handleHeartbeat.
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    return ErrorCode.UnknownMemberId;
                }

                if (group.State == GroupState.Dead)
                {
                    return ErrorCode.CoordinatorNotAvailable;
                }

                var member = group.Member(memberId);
                if (member == null)
                {
                    return ErrorCode.UnknownMemberId;
                }

                if (generationId != group.GenerationId)
                {
                    return ErrorCode.IllegalGeneration;
                }

                switch (group.State)
                {
                    case GroupState.Empty:
                        return ErrorCode.UnknownMemberId;
                    case GroupState.PreparingRebalance:
                        member.LastHeartbeatMs = MonotonicClock.NowMs;
                        return ErrorCode.RebalanceInProgress;
                    default:
                        member.LastHeartbeatMs = MonotonicClock.NowMs;
                        return ErrorCode.None;
                }
            }
        }

        public ErrorCode LeaveGroup(string groupId, string memberId)
        {
            lock (_gate)
            {
                var now = MonotonicClock.NowMs;
                if (string.IsNullOrEmpty(groupId))
                {
                    return ErrorCode.InvalidGroupId;
                }

                // k39 GroupCoordinator.scala:651-716 handleLeaveGroup.
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    return ErrorCode.UnknownMemberId;
                }

                if (group.State == GroupState.Dead)
                {
                    return ErrorCode.CoordinatorNotAvailable;
                }

                if (group.PendingMembers.Remove(memberId))
                {
                    TryCompleteJoin(group, now);
                    return ErrorCode.None;
                }

                var member = group.Member(memberId);
                if (member == null)
                {
                    return ErrorCode.UnknownMemberId;
                }

                RemoveMemberAndUpdateGroup(group, member, now);
                return ErrorCode.None;
            }
        }

        private void RemoveMemberAndUpdateGroup(ConsumerGroup group, GroupMember member, long now)
        {
            // k39 GroupCoordinator.scala:1505-1517 removeMemberAndUpdateGroup.
            member.AwaitingJoin?.TrySetResult(JoinGroupResult.Failed(ErrorCode.UnknownMemberId, member.MemberId));
            member.AwaitingJoin = null;
            member.AwaitingSync?.TrySetResult(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
            member.AwaitingSync = null;
            group.Remove(member);
            switch (group.State)
            {
                case GroupState.Stable:
                case GroupState.CompletingRebalance:
                    // k39 GroupCoordinator.prepareRebalance ends in joinPurgatory.tryCompleteElseWatch: when the last
                    // member left, the join completes at once and the group is Empty (offsets can be reset).
                    PrepareRebalance(group, now);
                    TryCompleteJoin(group, now);
                    break;
                case GroupState.PreparingRebalance:
                    TryCompleteJoin(group, now);
                    break;
            }
        }

        // ---------------------------------------------------------------- Offsets

        /// <summary>
        /// Validates an OffsetCommit for the whole group. Returns NONE when the offsets were stored.
        /// Topic/partition existence and metadata size are checked per partition by the caller first.
        /// </summary>
        public ErrorCode CommitOffsets(string groupId, int generationId, string memberId, string? groupInstanceId,
            IReadOnlyList<(string Topic, int Partition, long Offset, int LeaderEpoch, string? Metadata)> offsets)
        {
            lock (_gate)
            {
                var now = MonotonicClock.NowMs;
                // k39 GroupCoordinator.scala:952-979 handleCommitOffsets and 1018-1054 validateOffsetCommit.
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    if (generationId >= 0)
                    {
                        // Rule 2: a member commit to a group that does not exist.
                        return ErrorCode.IllegalGeneration;
                    }

                    // Rule 2: an admin / manual-assignment commit creates the group as Empty.
                    group = new ConsumerGroup(groupId);
                    _groups[groupId] = group;
                }

                if (group.State == GroupState.Dead)
                {
                    return ErrorCode.CoordinatorNotAvailable;
                }

                GroupMember? member = null;
                if (generationId < 0 && group.State == GroupState.Empty)
                {
                    // Rule 4: generation -1 on an Empty group is accepted (AlterConsumerGroupOffsets, manual assignment).
                }
                else if (generationId >= 0 || memberId.Length > 0 || groupInstanceId != null)
                {
                    // Rule 5: a member commit needs a current member of the current generation.
                    member = group.Member(memberId);
                    if (member == null)
                    {
                        return ErrorCode.UnknownMemberId;
                    }

                    if (generationId != group.GenerationId)
                    {
                        return ErrorCode.IllegalGeneration;
                    }

                    // Rule 7: no commits while the leader's assignment is awaited.
                    if (group.State == GroupState.CompletingRebalance)
                    {
                        return ErrorCode.RebalanceInProgress;
                    }
                }
                else
                {
                    // Rule 6: generation -1 and no member id on a group with members: UNKNOWN_MEMBER_ID for every
                    // partition (this is what AlterConsumerGroupOffsets gets on an active group).
                    return ErrorCode.UnknownMemberId;
                }

                if (member != null)
                {
                    member.LastHeartbeatMs = now;
                }

                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var o in offsets)
                {
                    var committed = new CommittedOffset(o.Offset, o.LeaderEpoch, o.Metadata, timestamp);
                    group.Offsets[(o.Topic, o.Partition)] = committed;
                    _journal?.SaveOffset(groupId, o.Topic, o.Partition, committed);
                }

                return ErrorCode.None;
            }
        }

        public static bool MetadataTooLarge(string? metadata) =>
            metadata != null && System.Text.Encoding.UTF8.GetByteCount(metadata) > MaxOffsetMetadataBytes;

        /// <summary>
        /// Committed offsets, read "blindly" whatever the group state (k39 GroupCoordinator.scala:1102-1115).
        /// <paramref name="partitions"/> null means every partition with a commit (k39 GroupMetadataManager.scala:507-546).
        /// </summary>
        public List<(string Topic, int Partition, CommittedOffset? Offset)> FetchOffsets(string groupId, IReadOnlyList<(string Topic, int Partition)>? partitions)
        {
            lock (_gate)
            {
                _groups.TryGetValue(groupId, out var group);
                var result = new List<(string, int, CommittedOffset?)>();
                if (partitions == null)
                {
                    if (group != null)
                    {
                        foreach (var pair in group.Offsets.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition))
                        {
                            result.Add((pair.Key.Topic, pair.Key.Partition, pair.Value));
                        }
                    }

                    return result;
                }

                foreach (var (topic, partition) in partitions)
                {
                    CommittedOffset? committed = null;
                    group?.Offsets.TryGetValue((topic, partition), out committed);
                    result.Add((topic, partition, committed));
                }

                return result;
            }
        }

        /// <summary>OffsetDelete (k39 GroupCoordinator.scala:761-815 handleDeleteOffsets).</summary>
        public (ErrorCode GroupError, List<(string Topic, int Partition, ErrorCode Error)> Partitions) DeleteOffsets(
            string groupId, IReadOnlyList<(string Topic, int Partition)> partitions)
        {
            lock (_gate)
            {
                var results = new List<(string, int, ErrorCode)>();
                if (string.IsNullOrEmpty(groupId))
                {
                    return (ErrorCode.InvalidGroupId, results);
                }

                if (!_groups.TryGetValue(groupId, out var group) || group.State == GroupState.Dead)
                {
                    return (ErrorCode.GroupIdNotFound, results);
                }

                HashSet<string>? subscribed = null;
                var everythingSubscribed = false;
                if (group.State != GroupState.Empty)
                {
                    if (group.ProtocolType != "consumer")
                    {
                        return (ErrorCode.NonEmptyGroup, results);
                    }

                    subscribed = group.SubscribedTopics();
                    everythingSubscribed = subscribed == null;
                }

                foreach (var (topic, partition) in partitions)
                {
                    if (everythingSubscribed || (subscribed != null && subscribed.Contains(topic)))
                    {
                        results.Add((topic, partition, ErrorCode.GroupSubscribedToTopic));
                        continue;
                    }

                    if (group.Offsets.Remove((topic, partition)))
                    {
                        _journal?.DeleteOffset(groupId, topic, partition);
                    }

                    results.Add((topic, partition, ErrorCode.None));
                }

                return (ErrorCode.None, results);
            }
        }

        // ---------------------------------------------------------------- Group admin

        public List<(string GroupId, string ProtocolType, GroupState State)> ListGroups()
        {
            lock (_gate)
            {
                return _groups.Values.Where(g => g.State != GroupState.Dead)
                    .OrderBy(g => g.GroupId, StringComparer.Ordinal)
                    .Select(g => (g.GroupId, g.ProtocolType ?? "", g.State))
                    .ToList();
            }
        }

        /// <summary>A consistent copy of a group for DescribeGroups; null for an unknown group (reported as Dead).</summary>
        public GroupDescription? Describe(string groupId)
        {
            lock (_gate)
            {
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    return null;
                }

                // k39 GroupMetadata.scala:601-613 summary: protocol, member metadata and assignment only when Stable.
                var stable = group.State == GroupState.Stable;
                var members = group.Members.Select(m => new GroupDescription.Member(
                    m.MemberId, m.GroupInstanceId, m.ClientId, m.ClientHost,
                    stable ? m.MetadataFor(group.ProtocolName ?? "") ?? new byte[0] : new byte[0],
                    stable ? m.Assignment : new byte[0])).ToList();
                return new GroupDescription(group.GroupId, group.State, group.ProtocolType ?? "", stable ? group.ProtocolName ?? "" : "", members);
            }
        }

        /// <summary>DeleteGroups (k39 GroupCoordinator.scala:718-759 handleDeleteGroups).</summary>
        public ErrorCode DeleteGroup(string groupId)
        {
            lock (_gate)
            {
                if (!_groups.TryGetValue(groupId, out var group) || group.State == GroupState.Dead)
                {
                    return ErrorCode.GroupIdNotFound;
                }

                if (group.State != GroupState.Empty)
                {
                    return ErrorCode.NonEmptyGroup;
                }

                group.State = GroupState.Dead;
                _groups.Remove(groupId);
                _journal?.DeleteGroup(groupId);
                return ErrorCode.None;
            }
        }

        /// <summary>Offsets of deleted topics go away with them (k39 GroupCoordinator.handleDeletedPartitions).</summary>
        public void OnTopicDeleted(string topic)
        {
            lock (_gate)
            {
                foreach (var group in _groups.Values)
                {
                    foreach (var key in group.Offsets.Keys.Where(k => k.Topic == topic).ToList())
                    {
                        group.Offsets.Remove(key);
                        _journal?.DeleteOffset(group.GroupId, key.Topic, key.Partition);
                    }
                }
            }
        }

        // ---------------------------------------------------------------- Deadlines

        internal void Tick()
        {
            lock (_gate)
            {
                var now = MonotonicClock.NowMs;
                foreach (var group in _groups.Values.ToList())
                {
                    ExpirePendingMembers(group, now);
                    ExpireSessions(group, now);
                    ExpireJoinPhase(group, now);
                    ExpireSyncPhase(group, now);
                }
            }
        }

        private void ExpirePendingMembers(ConsumerGroup group, long now)
        {
            var expired = group.PendingMembers.Where(p => p.Value <= now).Select(p => p.Key).ToList();
            foreach (var id in expired)
            {
                group.PendingMembers.Remove(id);
            }

            if (expired.Count > 0)
            {
                TryCompleteJoin(group, now);
            }
        }

        private void ExpireSessions(ConsumerGroup group, long now)
        {
            foreach (var member in group.Members.ToList())
            {
                // k39 GroupCoordinator.scala:1718-1735: members parked in JoinGroup or SyncGroup are kept alive, except
                // a new member whose first join has waited longer than NewMemberJoinTimeoutMs.
                bool expired;
                if (member.AwaitingJoin != null)
                {
                    expired = member.IsNew && now - member.JoinedAtMs >= NewMemberJoinTimeoutMs;
                }
                else
                {
                    expired = member.AwaitingSync == null && now - member.LastHeartbeatMs >= member.SessionTimeoutMs;
                }

                if (expired)
                {
                    RemoveMemberAndUpdateGroup(group, member, now);
                }
            }
        }

        private void ExpireJoinPhase(ConsumerGroup group, long now)
        {
            if (group.State != GroupState.PreparingRebalance)
            {
                return;
            }

            if (group.InitialDelayDeadlineMs is long initialDeadline)
            {
                if (initialDeadline > now)
                {
                    return;
                }

                if (group.NewMemberJoinedDuringDelay && group.InitialDelayRemainingMs > 0)
                {
                    var delay = Math.Min(_initialRebalanceDelayMs, group.InitialDelayRemainingMs);
                    group.InitialDelayRemainingMs = Math.Max(group.InitialDelayRemainingMs - _initialRebalanceDelayMs, 0);
                    group.InitialDelayDeadlineMs = now + delay;
                    group.NewMemberJoinedDuringDelay = false;
                    return;
                }

                CompleteJoin(group, now);
                return;
            }

            if (group.JoinDeadlineMs is long deadline && deadline <= now)
            {
                CompleteJoin(group, now);
            }
        }

        private void ExpireSyncPhase(ConsumerGroup group, long now)
        {
            // k39 GroupCoordinator.scala:1627-1687: members that never sent SyncGroup within the rebalance timeout
            // are removed, which starts a new rebalance.
            if (group.SyncDeadlineMs is long deadline && deadline <= now)
            {
                group.SyncDeadlineMs = null;
                if (group.State == GroupState.CompletingRebalance || group.State == GroupState.Stable)
                {
                    foreach (var id in group.PendingSync.ToList())
                    {
                        var member = group.Member(id);
                        if (member != null)
                        {
                            RemoveMemberAndUpdateGroup(group, member, now);
                        }
                    }
                }

                group.PendingSync.Clear();
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_gate)
            {
                _journal?.Dispose();
            }
        }
    }
}

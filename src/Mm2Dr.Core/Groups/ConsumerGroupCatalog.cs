using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Core.Groups
{
    /// <summary>Consumer group listing, description (offsets and lag) and deletion on one cluster.</summary>
    public sealed class ConsumerGroupCatalog
    {
        private readonly KafkaAdmin _admin;
        private readonly TopicCatalog _topics;

        public ConsumerGroupCatalog(KafkaAdmin admin, TopicCatalog topics)
        {
            _admin = admin ?? throw new ArgumentNullException(nameof(admin));
            _topics = topics ?? throw new ArgumentNullException(nameof(topics));
        }

        /// <summary>All consumer groups with their state and member count.</summary>
        /// <remarks>
        /// This uses librdkafka's classic group listing (ListGroups + DescribeGroups per broker), not
        /// ListConsumerGroupsAsync: in Confluent.Kafka 2.16 a failed ListConsumerGroupsAsync (a timeout, a broker
        /// down) corrupts native memory and a later admin call kills the process. Checked here: four failing calls
        /// against a closed port crash with SIGSEGV on the second; the classic listing fails cleanly every time.
        /// </remarks>
        public IReadOnlyList<KafkaConsumerGroupInfo> List()
        {
            var task = Task.Run(() => _admin.Client.ListGroups(_admin.Timeout));
            var listed = _admin.Await(task, "Listing consumer groups", _admin.Cluster.Alias);
            return listed
                .Where(g => g.Error.Code == ErrorCode.NoError && (g.ProtocolType == "consumer" || string.IsNullOrEmpty(g.ProtocolType)))
                .Select(g => new KafkaConsumerGroupInfo
                {
                    Cluster = _admin.Cluster.Alias,
                    BootstrapServers = _admin.Cluster.BootstrapServers,
                    Group = g.Group,
                    State = string.IsNullOrEmpty(g.State) ? "Unknown" : g.State,
                    Members = g.Members?.Count ?? 0,
                    IsSimpleConsumerGroup = string.IsNullOrEmpty(g.ProtocolType),
                })
                .GroupBy(g => g.Group, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(g => g.Group, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Group ids only (the classic listing already carries everything; no describe is needed).</summary>
        public IReadOnlyList<string> ListNames() => List().Select(g => g.Group).ToArray();

        /// <summary>
        /// Describes groups with their committed offsets, log end offsets and lag. With <paramref name="topics"/>,
        /// offsets are asked for those topics' partitions explicitly (needed where a broker cannot list "all").
        /// </summary>
        public IReadOnlyList<KafkaConsumerGroupDetail> Describe(IReadOnlyList<string> groupIds, IReadOnlyList<string>? topics = null)
        {
            var result = new List<KafkaConsumerGroupDetail>();
            string? note = null;
            IReadOnlyList<ConsumerGroupDescription> descriptions;
            try
            {
                descriptions = DescribeRaw(groupIds);
            }
            catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.FeatureNotSupported)
            {
                note = $"Cluster '{_admin.Cluster.Alias}' cannot describe groups (DescribeGroups unsupported); state and members are unknown.";
                descriptions = Array.Empty<ConsumerGroupDescription>();
            }

            foreach (var groupId in groupIds)
            {
                var description = descriptions.FirstOrDefault(d => d.GroupId == groupId);
                var detail = new KafkaConsumerGroupDetail
                {
                    Cluster = _admin.Cluster.Alias,
                    BootstrapServers = _admin.Cluster.BootstrapServers,
                    Group = groupId,
                    State = description?.State.ToString() ?? "Unknown",
                    PartitionAssignor = string.IsNullOrEmpty(description?.PartitionAssignor) ? null : description!.PartitionAssignor,
                    Coordinator = description?.Coordinator?.Id,
                    Note = note,
                    Members = (description?.Members ?? new List<MemberDescription>())
                        .Select(m => new KafkaGroupMember
                        {
                            MemberId = m.ConsumerId,
                            GroupInstanceId = m.GroupInstanceId,
                            ClientId = m.ClientId,
                            Host = m.Host,
                            Assignment = (m.Assignment?.TopicPartitions ?? new List<TopicPartition>())
                                .Select(tp => new TopicPartitionRef(tp.Topic, tp.Partition.Value))
                                .OrderBy(tp => tp)
                                .ToArray(),
                        })
                        .ToArray(),
                };

                detail.Offsets = Offsets(detail, topics);
                result.Add(detail);
            }

            return result;
        }

        /// <summary>Committed offsets of a group for explicit partitions (null = all the group has).</summary>
        public IReadOnlyDictionary<TopicPartitionRef, long> CommittedOffsets(string groupId, IEnumerable<TopicPartition>? partitions)
            => Collect(groupId, StartCommittedOffsets(groupId, partitions));

        /// <summary>
        /// Committed offsets of many groups, keeping at most <paramref name="parallelism"/> requests in flight: Kafka answers
        /// one group per OffsetFetch request, so thousands of groups one after the other would take minutes. Everything is
        /// awaited on the calling thread; <paramref name="progress"/> gets the number of requests answered so far.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> CommittedOffsets(IReadOnlyList<GroupOffsetsRequest> requests, int parallelism = 32, Action<int>? progress = null)
        {
            if (requests == null)
            {
                throw new ArgumentNullException(nameof(requests));
            }

            if (parallelism < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "At least one request must be in flight.");
            }

            var result = new Dictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>>(StringComparer.Ordinal);
            var inFlight = new Queue<(string Group, Task<List<ListConsumerGroupOffsetsResult>> Task)>();
            var next = 0;
            var answered = 0;
            try
            {
                while (next < requests.Count || inFlight.Count > 0)
                {
                    while (next < requests.Count && inFlight.Count < parallelism)
                    {
                        var request = requests[next++];
                        var partitions = request.Partitions?.Select(p => new TopicPartition(p.Topic, p.Partition));
                        inFlight.Enqueue((request.Group, StartCommittedOffsets(request.Group, partitions)));
                    }

                    var (group, task) = inFlight.Peek();
                    var offsets = Collect(group, task);
                    inFlight.Dequeue();
                    result[group] = result.TryGetValue(group, out var earlier) ? Merge(earlier, offsets) : offsets;
                    progress?.Invoke(++answered);
                }
            }
            finally
            {
                // On an error or Ctrl+C the rest are still running inside librdkafka: the client must outlive them.
                foreach (var pending in inFlight)
                {
                    _admin.Abandon(pending.Task);
                }
            }

            return result;
        }

        private Task<List<ListConsumerGroupOffsetsResult>> StartCommittedOffsets(string groupId, IEnumerable<TopicPartition>? partitions)
        {
            var request = new ConsumerGroupTopicPartitions(groupId, partitions?.ToList());
            var options = new ListConsumerGroupOffsetsOptions { RequestTimeout = _admin.Timeout, RequireStableOffsets = false };
            try
            {
                return _admin.Client.ListConsumerGroupOffsetsAsync(new[] { request }, options);
            }
            catch (KafkaException ex) when (ex.GetType() == typeof(KafkaException))
            {
                throw _admin.TranslateKafka(ex, $"Reading committed offsets of group '{groupId}'", groupId);
            }
        }

        private static IReadOnlyDictionary<TopicPartitionRef, long> Merge(IReadOnlyDictionary<TopicPartitionRef, long> a, IReadOnlyDictionary<TopicPartitionRef, long> b)
        {
            var merged = new Dictionary<TopicPartitionRef, long>();
            foreach (var kv in a.Concat(b))
            {
                merged[kv.Key] = kv.Value;
            }

            return merged;
        }

        private IReadOnlyDictionary<TopicPartitionRef, long> Collect(string groupId, Task<List<ListConsumerGroupOffsetsResult>> pending)
        {
            List<ListConsumerGroupOffsetsResult> listed;
            try
            {
                listed = _admin.Await(pending, $"Reading committed offsets of group '{groupId}'", groupId);
            }
            catch (ListConsumerGroupOffsetsException ex)
            {
                var failure = ex.Results.SelectMany(r => r.Partitions).FirstOrDefault(p => p.Error.Code != ErrorCode.NoError);
                var error = failure?.Error ?? ex.Error;
                throw KafkaErrorTranslator.Translate(_admin.Cluster, error, $"Reading committed offsets of group '{groupId}'", groupId, _admin.Diagnostics, ex);
            }

            var offsets = new Dictionary<TopicPartitionRef, long>();
            foreach (var p in listed.SelectMany(r => r.Partitions))
            {
                if (p.Error.Code == ErrorCode.NoError && p.Offset.Value >= 0)
                {
                    offsets[new TopicPartitionRef(p.Topic, p.Partition.Value)] = p.Offset.Value;
                }
            }

            return offsets;
        }

        public void Delete(string groupId)
        {
            var options = new DeleteGroupsOptions { RequestTimeout = _admin.Timeout };
            try
            {
                _admin.Call(() => _admin.Client.DeleteGroupsAsync(new[] { groupId }, options), $"Deleting group '{groupId}'", groupId);
            }
            catch (DeleteGroupsException ex)
            {
                var report = ex.Results.FirstOrDefault(r => r.Group == groupId) ?? ex.Results.First();
                switch (report.Error.Code)
                {
                    case ErrorCode.GroupIdNotFound:
                        throw new Mm2DrException(ErrorIds.GroupNotFound, ErrorKind.NotFound, $"Consumer group '{groupId}' does not exist on cluster '{_admin.Cluster.Alias}' ({_admin.Cluster.BootstrapServers}).", groupId, ex);
                    case ErrorCode.NonEmptyGroup:
                        throw new Mm2DrException(ErrorIds.GroupHasActiveMembers, ErrorKind.ResourceBusy, $"Consumer group '{groupId}' on cluster '{_admin.Cluster.Alias}' has active members; Kafka refuses to delete it until they stop.", groupId, ex);
                    default:
                        throw KafkaErrorTranslator.Translate(_admin.Cluster, report.Error, $"Deleting group '{groupId}'", groupId, _admin.Diagnostics, ex);
                }
            }
        }

        private IReadOnlyList<KafkaGroupPartitionOffset> Offsets(KafkaConsumerGroupDetail detail, IReadOnlyList<string>? topics)
        {
            IEnumerable<TopicPartition>? explicitPartitions = null;
            if (topics != null && topics.Count > 0)
            {
                var infos = topics.Select(t => _topics.Get(t, withWatermarks: false)).ToList();
                explicitPartitions = infos.SelectMany(i => i.Partitions.Select(p => new TopicPartition(i.Name, p.Partition))).ToList();
            }

            var committed = CommittedOffsets(detail.Group, explicitPartitions);
            var assigned = detail.Members.SelectMany(m => m.Assignment.Select(a => (a, m.MemberId))).ToDictionary(x => x.a, x => x.MemberId);
            var keys = new SortedSet<TopicPartitionRef>(committed.Keys);
            if (explicitPartitions != null)
            {
                // Named topics show every partition, committed or not, as kafka-consumer-groups --describe does.
                foreach (var tp in explicitPartitions)
                {
                    keys.Add(new TopicPartitionRef(tp.Topic, tp.Partition.Value));
                }
            }

            foreach (var a in assigned.Keys)
            {
                if (topics == null || topics.Count == 0 || topics.Contains(a.Topic))
                {
                    keys.Add(a);
                }
            }

            var rows = keys.Select(k => new KafkaPartitionInfo { Cluster = detail.Cluster, Topic = k.Topic, Partition = k.Partition }).ToList();
            _topics.FillWatermarks(rows);
            return rows.Select(r =>
            {
                var key = new TopicPartitionRef(r.Topic, r.Partition);
                return new KafkaGroupPartitionOffset
                {
                    Cluster = detail.Cluster,
                    Group = detail.Group,
                    Topic = r.Topic,
                    Partition = r.Partition,
                    CommittedOffset = committed.TryGetValue(key, out var c) ? c : (long?)null,
                    LogStartOffset = r.LowWatermark,
                    LogEndOffset = r.HighWatermark,
                    ConsumerId = assigned.TryGetValue(key, out var member) ? member : null,
                };
            }).ToArray();
        }

        private IReadOnlyList<ConsumerGroupDescription> DescribeRaw(IReadOnlyList<string> groupIds)
        {
            var options = new DescribeConsumerGroupsOptions { RequestTimeout = _admin.Timeout };
            try
            {
                var described = _admin.Call(() => _admin.Client.DescribeConsumerGroupsAsync(groupIds, options), "Describing consumer groups", groupIds.Count == 1 ? groupIds[0] : null);
                return described.ConsumerGroupDescriptions;
            }
            catch (DescribeConsumerGroupsException ex)
            {
                var failed = ex.Results.ConsumerGroupDescriptions.FirstOrDefault(d => d.Error.Code != ErrorCode.NoError);
                if (failed == null)
                {
                    return ex.Results.ConsumerGroupDescriptions;
                }

                throw KafkaErrorTranslator.Translate(_admin.Cluster, failed.Error, $"Describing consumer group '{failed.GroupId}'", failed.GroupId, _admin.Diagnostics, ex);
            }
        }
    }
}

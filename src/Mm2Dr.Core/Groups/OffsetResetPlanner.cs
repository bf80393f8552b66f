using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Core.Groups
{
    /// <summary>
    /// Plans an offset reset from the cluster's current state, then applies it only to a group with no active
    /// members (Kafka itself refuses otherwise, with UNKNOWN_MEMBER_ID). Targets outside the log are clamped into
    /// [log start, log end] and say so, as kafka-consumer-groups does.
    /// </summary>
    public sealed class OffsetResetPlanner
    {
        private readonly KafkaAdmin _admin;
        private readonly TopicCatalog _topics;
        private readonly ConsumerGroupCatalog _groups;

        public OffsetResetPlanner(KafkaAdmin admin, TopicCatalog topics, ConsumerGroupCatalog groups)
        {
            _admin = admin;
            _topics = topics;
            _groups = groups;
        }

        public OffsetResetPlan Plan(OffsetResetRequest request)
        {
            var partitions = new List<KafkaPartitionInfo>();
            foreach (var topic in request.Topics.Distinct(StringComparer.Ordinal))
            {
                var info = _topics.Get(topic, withWatermarks: false);
                var selected = request.Partitions == null
                    ? info.Partitions
                    : request.Partitions.Select(p => info.Partitions.FirstOrDefault(x => x.Partition == p)
                        ?? throw new Mm2DrException(ErrorIds.PartitionNotFound, ErrorKind.NotFound,
                            $"Topic '{topic}' on cluster '{_admin.Cluster.Alias}' has partitions 0..{info.PartitionCount - 1}; partition {p} does not exist.",
                            new TopicPartitionRef(topic, p))).ToList();
                partitions.AddRange(selected);
            }

            _topics.FillWatermarks(partitions);
            var tps = partitions.Select(p => new TopicPartition(p.Topic, p.Partition)).ToList();
            var detail = _groups.Describe(new[] { request.Group }, request.Topics).First();
            var committed = _groups.CommittedOffsets(request.Group, tps);

            IReadOnlyDictionary<TopicPartitionRef, long>? byTime = null;
            if (request.Mode == OffsetResetMode.ToTimestamp)
            {
                byTime = _topics.ListOffsets(tps, OffsetSpec.ForTimestamp(request.Timestamp!.Value.ToUnixTimeMilliseconds()));
            }

            var missing = new List<TopicPartitionRef>();
            var entries = new List<OffsetResetEntry>();
            foreach (var p in partitions)
            {
                var key = new TopicPartitionRef(p.Topic, p.Partition);
                long? current = committed.TryGetValue(key, out var c) ? c : (long?)null;
                string? note = null;
                long wanted;
                switch (request.Mode)
                {
                    case OffsetResetMode.ToEarliest:
                        wanted = p.LowWatermark;
                        break;
                    case OffsetResetMode.ToLatest:
                        wanted = p.HighWatermark;
                        break;
                    case OffsetResetMode.ToOffset:
                        wanted = request.Value;
                        break;
                    case OffsetResetMode.ToTimestamp:
                        var found = byTime!.TryGetValue(key, out var t) ? t : -1;
                        // Kafka answers -1 when no record is that new; kafka-consumer-groups then uses the log end.
                        wanted = found >= 0 ? found : p.HighWatermark;
                        if (found < 0)
                        {
                            note = "no message at or after the timestamp; using the log end";
                        }

                        break;
                    case OffsetResetMode.ShiftBy:
                        if (current == null)
                        {
                            missing.Add(key);
                            continue;
                        }

                        wanted = current.Value + request.Value;
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(request), request.Mode, "Unknown reset mode.");
                }

                var target = wanted;
                if (target < p.LowWatermark)
                {
                    target = p.LowWatermark;
                    note = $"{wanted} is before the log start {p.LowWatermark}; clamped";
                }
                else if (target > p.HighWatermark)
                {
                    target = p.HighWatermark;
                    note = $"{wanted} is after the log end {p.HighWatermark}; clamped";
                }

                entries.Add(new OffsetResetEntry
                {
                    Cluster = _admin.Cluster.Alias,
                    Group = request.Group,
                    Topic = p.Topic,
                    Partition = p.Partition,
                    CurrentOffset = current,
                    TargetOffset = target,
                    LogStartOffset = p.LowWatermark,
                    LogEndOffset = p.HighWatermark,
                    Note = note,
                });
            }

            if (missing.Count > 0)
            {
                throw new Mm2DrException(ErrorIds.InvalidArgument, ErrorKind.InvalidArgument,
                    $"Group '{request.Group}' has no committed offset on {string.Join(", ", missing)}, so -ShiftBy has nothing to shift from. Use -ToEarliest, -ToLatest or -ToOffset for those partitions.",
                    missing[0]);
            }

            return new OffsetResetPlan
            {
                Cluster = _admin.Cluster.Alias,
                BootstrapServers = _admin.Cluster.BootstrapServers,
                Group = request.Group,
                Mode = request.Mode,
                GroupState = detail.State,
                ActiveMembers = detail.Members,
                Entries = entries,
            };
        }

        /// <summary>Commits the plan's offsets. Refuses a group with active members before touching anything.</summary>
        public IReadOnlyList<OffsetResetEntry> Apply(OffsetResetPlan plan)
        {
            if (!plan.CanApply)
            {
                throw ActiveMembers(plan.Group, plan.GroupState, plan.ActiveMembers);
            }

            var offsets = plan.Entries.Select(e => new TopicPartitionOffset(e.Topic, e.Partition, e.TargetOffset)).ToList();
            var options = new AlterConsumerGroupOffsetsOptions { RequestTimeout = _admin.Timeout };
            try
            {
                _admin.Call(() => _admin.Client.AlterConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitionOffsets(plan.Group, offsets) }, options), $"Resetting offsets of group '{plan.Group}'", plan.Group);
            }
            catch (AlterConsumerGroupOffsetsException ex)
            {
                var failed = ex.Results.SelectMany(r => r.Partitions).FirstOrDefault(p => p.Error.Code != ErrorCode.NoError);
                var error = failed?.Error ?? ex.Error;
                if (error.Code == ErrorCode.UnknownMemberId || error.Code == ErrorCode.RebalanceInProgress)
                {
                    // Members joined between the plan and the commit; Kafka rejected every partition.
                    throw ActiveMembers(plan.Group, "active", Array.Empty<KafkaGroupMember>(), ex);
                }

                throw KafkaErrorTranslator.Translate(_admin.Cluster, error, $"Resetting offsets of group '{plan.Group}'",
                    failed != null ? new TopicPartitionRef(failed.Topic, failed.Partition.Value) : (object)plan.Group, _admin.Diagnostics, ex);
            }

            foreach (var e in plan.Entries)
            {
                e.Applied = true;
            }

            return plan.Entries;
        }

        private Mm2DrException ActiveMembers(string group, string state, IReadOnlyList<KafkaGroupMember> members, Exception? inner = null)
        {
            var who = members.Count == 0 ? "" : $" ({members.Count} member(s): {string.Join(", ", members.Select(m => m.ClientId + "@" + m.Host))})";
            return new Mm2DrException(ErrorIds.GroupHasActiveMembers, ErrorKind.ResourceBusy,
                $"Consumer group '{group}' on cluster '{_admin.Cluster.Alias}' is {state}{who}. Kafka refuses offset changes while a group has members: stop its consumers, then run this again.",
                group, inner);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Get-OffsetSync: per group partition, the primary's committed offset, the newest checkpoint, the DR group's committed
    /// offset, the offset a failover would commit, the re-read it costs, and a status. The checkpoints topic is read once
    /// for all groups; committed offsets are fetched per group, several at a time.
    /// </summary>
    public static class OffsetSyncInspector
    {
        public static OffsetSyncReport Inspect(InspectionContext context, OffsetSyncQuery query, Action<InspectionProgress>? progress = null)
        {
            if (context == null || query == null)
            {
                throw new ArgumentNullException(context == null ? nameof(context) : nameof(query));
            }

            var layout = context.Layout;
            var naming = layout.Naming;
            var groupPatterns = NamePatterns.Parse(query.Groups);
            var warnings = new List<string>();
            var errors = new List<Mm2DrException>();

            // DR first: without the checkpoints there is nothing to compare. Asking for its topics fails within the request
            // timeout when DR does not answer, and tells a missing checkpoints topic before any other work.
            var drTopics = context.Dr.Topics();
            if (!drTopics.ContainsKey(layout.CheckpointsTopic))
            {
                throw Mm2ReadErrors.Translate(new Mm2TopicNotFoundException(layout.Dr.Alias, layout.Dr.BootstrapServers, layout.CheckpointsTopic, layout.MissingTopicHint(Mm2TopicKind.Checkpoints)), Mm2TopicKind.Checkpoints, layout.Dr);
            }

            var checkpoints = Mm2TopicReads.Checkpoints(context, groupPatterns.ToGroupSelector(), progress);
            if (checkpoints.Decode.RecordsSeen == 0)
            {
                warnings.Add($"No checkpoints exist yet in '{layout.CheckpointsTopic}' on cluster '{layout.Dr.Alias}': MM2 writes them every {Durations.Format(layout.CheckpointInterval)} "
                             + "for groups that have committed offsets on replicated topics, once it has offset syncs for them. A failover now has no translated offsets.");
            }

            AddIfAny(warnings, DecodeWarnings.Describe(layout.CheckpointsTopic, layout.Dr.Alias, checkpoints.Decode));

            var primaryTopics = context.Primary.Topics();
            var topics = TopicSelection.Resolve(NamePatterns.Parse(query.Topics), primaryTopics, layout);
            errors.AddRange(topics.Errors);
            warnings.AddRange(topics.Warnings);

            var groups = SelectGroups(context, groupPatterns, checkpoints);
            if (groups.Count == 0)
            {
                warnings.Add(groupPatterns.IsAll
                    ? $"No consumer group has checkpoints in '{layout.CheckpointsTopic}' or committed offsets on cluster '{layout.Primary.Alias}'."
                    : $"No consumer group matches {groupPatterns} on cluster '{layout.Primary.Alias}' or in '{layout.CheckpointsTopic}'.");
                return new OffsetSyncReport(Array.Empty<OffsetSyncRow>(), warnings, errors, Array.Empty<string>(), Array.Empty<string>());
            }

            var syncs = ReadOffsetSyncs(context, warnings, progress);

            // Checkpoints name DR topics; map them back, and keep only the topics asked for.
            var checkpointed = new Dictionary<GroupTopicPartition, CheckpointRecord>();
            var checkpointPartitions = new Dictionary<string, HashSet<TopicPartitionRef>>(StringComparer.Ordinal);
            foreach (var pair in checkpoints.Latest)
            {
                var source = naming.SourceTopicFor(pair.Key.Topic);
                if (!topics.IsAll && (source == null || !topics.Contains(source)))
                {
                    continue;
                }

                checkpointed[pair.Key] = pair.Value;
                if (source != null)
                {
                    Set(checkpointPartitions, pair.Key.Group).Add(new TopicPartitionRef(source, pair.Key.Partition));
                }
            }

            var primaryCommitted = PrimaryCommitted(context, groups, topics, primaryTopics, checkpointPartitions, progress);
            var (drCommitted, drBounds) = DrSide(context, groups, primaryCommitted, checkpointed, drTopics, progress);

            progress?.Invoke(new InspectionProgress("Comparing offsets", $"{primaryCommitted.Count + checkpointed.Count:N0} committed offsets and checkpoints", null));
            var rows = OffsetSyncAnalysis.Analyze(new OffsetSyncAnalysisInput
            {
                Naming = naming,
                Groups = groups,
                PrimaryCommitted = primaryCommitted,
                Checkpoints = checkpointed,
                DrCommitted = drCommitted,
                OffsetSyncs = syncs,
                DrPartitions = drBounds,
                ReplicatedTopic = topics.Contains,
                Now = context.Clock.UtcNow,
            });

            var withRows = new HashSet<string>(rows.Select(r => r.Group), StringComparer.Ordinal);
            foreach (var group in groupPatterns.ExactNames.Where(g => !withRows.Contains(g)).OrderBy(g => g, StringComparer.Ordinal))
            {
                var scope = topics.IsAll ? "replicated topics" : "the topics asked for";
                errors.Add(new Mm2DrException(ErrorIds.GroupNotFound, ErrorKind.NotFound,
                    $"Consumer group '{group}' has, for {scope}, neither committed offsets on cluster '{layout.Primary.Alias}' ({layout.Primary.BootstrapServers}) nor checkpoints in '{layout.CheckpointsTopic}' on cluster '{layout.Dr.Alias}'.", group));
            }

            var rowTopics = rows.Select(r => r.SourceTopic).Where(t => t != null).Select(t => t!).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            return new OffsetSyncReport(rows, warnings, errors, groups, rowTopics);
        }

        /// <summary>
        /// Every group with checkpoints that the patterns select, plus exact names, plus (only when a pattern has wildcards,
        /// or there is none) the primary's listed groups: without -Group, those MM2's groups filter lets it checkpoint.
        /// </summary>
        private static IReadOnlyList<string> SelectGroups(InspectionContext context, NamePatterns patterns, CheckpointSnapshot checkpoints)
        {
            var groups = new SortedSet<string>(checkpoints.GroupIds, StringComparer.Ordinal);
            groups.UnionWith(patterns.ExactNames);
            if (patterns.NeedsListing)
            {
                foreach (var group in context.Primary.ListGroups())
                {
                    if (patterns.IsAll ? context.Layout.ChecksGroup(group) : patterns.Matches(group))
                    {
                        groups.Add(group);
                    }
                }
            }

            return groups.ToArray();
        }

        // The offset syncs only refine the answer (re-read counts, what MM2 could translate now): without them, say so and go on.
        private static OffsetSyncStore? ReadOffsetSyncs(InspectionContext context, List<string> warnings, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            try
            {
                var snapshot = Mm2TopicReads.OffsetSyncs(context, progress);
                AddIfAny(warnings, DecodeWarnings.Describe(layout.OffsetSyncsTopic, layout.OffsetSyncsCluster.Alias, snapshot.Decode));
                return snapshot.Store;
            }
            catch (Mm2DrException e) when (e.Kind != ErrorKind.ConnectionFailed)
            {
                warnings.Add($"Offset syncs could not be read, so the re-read counts caused by sparse translation are unknown: {e.Message}");
                return null;
            }
        }

        /// <summary>
        /// The primary's committed offsets, keyed with source topic names. With -Topic, for those topics' partitions. Without,
        /// everything each group has; then, for checkpointed partitions that answer lacked, those partitions by name (a
        /// broker that cannot answer "all" — librdkafka's mock — or a group whose offsets are gone).
        /// </summary>
        private static Dictionary<GroupTopicPartition, long> PrimaryCommitted(InspectionContext context, IReadOnlyList<string> groups, TopicSelection topics, IReadOnlyDictionary<string, int> primaryTopics,
            Dictionary<string, HashSet<TopicPartitionRef>> checkpointPartitions, Action<InspectionProgress>? progress)
        {
            IReadOnlyCollection<TopicPartitionRef>? named = topics.IsAll
                ? null
                : topics.Existing.SelectMany(t => Enumerable.Range(0, primaryTopics[t]).Select(p => new TopicPartitionRef(t, p))).ToArray();
            var requests = groups.Select(g => new GroupOffsetsRequest(g, named)).ToList();
            var committed = context.Primary.CommittedWithProgress(requests, progress);
            var answers = new List<IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>>> { committed };
            if (topics.IsAll)
            {
                var retry = new List<GroupOffsetsRequest>();
                foreach (var group in groups)
                {
                    if (checkpointPartitions.TryGetValue(group, out var wanted))
                    {
                        var missing = wanted.Where(p => committed.OffsetOf(group, p) == null).OrderBy(p => p).ToArray();
                        if (missing.Length > 0)
                        {
                            retry.Add(new GroupOffsetsRequest(group, missing));
                        }
                    }
                }

                answers.Add(context.Primary.CommittedWithProgress(retry, progress));
            }

            var result = new Dictionary<GroupTopicPartition, long>();
            foreach (var answer in answers)
            {
                foreach (var group in answer)
                {
                    foreach (var offset in group.Value)
                    {
                        if (topics.Contains(offset.Key.Topic))
                        {
                            result[new GroupTopicPartition(group.Key, offset.Key.Topic, offset.Key.Partition)] = offset.Value;
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>The DR groups' committed offsets and the DR partitions' bounds, for every DR partition a row will have.</summary>
        private static (Dictionary<GroupTopicPartition, long> Committed, Dictionary<TopicPartition, LogBounds> Bounds) DrSide(InspectionContext context, IReadOnlyList<string> groups,
            Dictionary<GroupTopicPartition, long> primaryCommitted, Dictionary<GroupTopicPartition, CheckpointRecord> checkpointed, IReadOnlyDictionary<string, int> drTopics, Action<InspectionProgress>? progress)
        {
            var naming = context.Layout.Naming;
            var perGroup = new Dictionary<string, HashSet<TopicPartitionRef>>(StringComparer.Ordinal);
            var keys = primaryCommitted.Keys.Select(k => new GroupTopicPartition(k.Group, naming.TargetTopicFor(k.Topic), k.Partition)).Concat(checkpointed.Keys);
            foreach (var key in keys)
            {
                // Asking for partitions that do not exist fails the whole request on some brokers.
                if (drTopics.TryGetValue(key.Topic, out var count) && key.Partition < count)
                {
                    Set(perGroup, key.Group).Add(new TopicPartitionRef(key.Topic, key.Partition));
                }
            }

            var requests = groups.Where(perGroup.ContainsKey).Select(g => new GroupOffsetsRequest(g, perGroup[g].OrderBy(p => p).ToArray())).ToList();
            var committed = context.Dr.CommittedWithProgress(requests, progress);
            var result = new Dictionary<GroupTopicPartition, long>();
            foreach (var group in committed)
            {
                foreach (var offset in group.Value)
                {
                    result[new GroupTopicPartition(group.Key, offset.Key.Topic, offset.Key.Partition)] = offset.Value;
                }
            }

            var partitions = perGroup.Values.SelectMany(p => p).Distinct().ToArray();
            progress?.Invoke(new InspectionProgress($"Reading log offsets on '{context.Layout.Dr.Alias}'", $"{partitions.Length:N0} partitions", null));
            var bounds = context.Dr.Bounds(partitions).ToDictionary(kv => new TopicPartition(kv.Key.Topic, kv.Key.Partition), kv => kv.Value);
            return (result, bounds);
        }

        private static HashSet<TopicPartitionRef> Set(Dictionary<string, HashSet<TopicPartitionRef>> map, string group)
        {
            if (!map.TryGetValue(group, out var set))
            {
                set = new HashSet<TopicPartitionRef>();
                map[group] = set;
            }

            return set;
        }

        private static void AddIfAny(List<string> list, string? item)
        {
            if (item != null)
            {
                list.Add(item);
            }
        }
    }
}

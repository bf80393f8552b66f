using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Get-Mm2Status: a health check of the primary-&gt;DR flow that reports, instead of throwing, whatever it finds: both
    /// clusters answer; MM2's internal topics exist where MM2 puts them; heartbeats are fresh; every group's newest
    /// checkpoint is fresh unless the group has not moved since; every replicated topic exists on DR with the primary's
    /// partition count. Healthy findings are summed up in one line, problems get a line each, so it fits on a screen.
    /// </summary>
    public static class Mm2StatusInspector
    {
        public static Mm2StatusReport Check(InspectionContext context, Mm2StatusOptions? options = null, Action<InspectionProgress>? progress = null)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            options ??= new Mm2StatusOptions();
            var layout = context.Layout;
            var checks = new List<Mm2StatusCheck>();

            var primaryTopics = Reach(context.Primary, checks, progress);
            var drTopics = Reach(context.Dr, checks, progress);

            if (drTopics != null)
            {
                TopicExists(checks, Mm2StatusCheck.CheckpointsTopicCheck, layout.Dr, drTopics, layout.CheckpointsTopic, layout.EmitsCheckpoints, "emit.checkpoints.enabled",
                    $"MM2 creates it when the checkpoint connector of flow {layout.FlowName} starts; without it a failover has no translated offsets.");
            }

            var syncsTopics = layout.OffsetSyncsLocation == OffsetSyncsTopicLocation.Source ? primaryTopics : drTopics;
            if (syncsTopics != null)
            {
                TopicExists(checks, Mm2StatusCheck.OffsetSyncsTopicCheck, layout.OffsetSyncsCluster, syncsTopics, layout.OffsetSyncsTopic, layout.EmitsOffsetSyncs, "emit.offset-syncs.enabled",
                    $"MM2's source connector of flow {layout.FlowName} creates it (offset-syncs.topic.location={layout.OffsetSyncsLocation.ToString().ToLowerInvariant()}); without it MM2 cannot translate offsets.");
            }

            if (drTopics != null)
            {
                TopicExists(checks, Mm2StatusCheck.HeartbeatsTopicCheck, layout.Dr, drTopics, layout.HeartbeatsTopic, layout.EmitsHeartbeats, "emit.heartbeats.enabled",
                    $"MM2's {layout.FlowName} herder creates it and writes a heartbeat every {Durations.Format(layout.HeartbeatInterval)}; without it nothing shows MM2 is running.");

                var heartbeatMaxAge = options.HeartbeatMaxAge ?? layout.HeartbeatMaxAge;
                if (layout.EmitsHeartbeats && drTopics.ContainsKey(layout.HeartbeatsTopic))
                {
                    Guard(checks, Mm2StatusCheck.HeartbeatCheck, layout.Dr.Alias, layout.FlowName, () => HeartbeatFreshness(context, heartbeatMaxAge, checks, progress));
                }

                if (drTopics.ContainsKey(layout.ReplicatedHeartbeatsTopic))
                {
                    Guard(checks, Mm2StatusCheck.ReplicatedHeartbeatCheck, layout.Dr.Alias, layout.ReplicatedHeartbeatsTopic, () => ReplicatedHeartbeatFreshness(context, heartbeatMaxAge, checks, progress));
                }

                if (drTopics.ContainsKey(layout.CheckpointsTopic))
                {
                    var checkpointMaxAge = options.CheckpointMaxAge ?? layout.CheckpointMaxAge;
                    Guard(checks, Mm2StatusCheck.CheckpointFreshnessCheck, layout.Dr.Alias, layout.CheckpointsTopic,
                        () => CheckpointFreshness(context, NamePatterns.Parse(options.Groups), checkpointMaxAge, primaryTopics != null, checks, progress));
                }
            }

            if (primaryTopics != null && drTopics != null)
            {
                RemoteTopics(layout, primaryTopics, drTopics, checks);
            }

            return new Mm2StatusReport(checks, Overall(layout, checks));
        }

        private static IReadOnlyDictionary<string, int>? Reach(IClusterView view, List<Mm2StatusCheck> checks, Action<InspectionProgress>? progress)
        {
            var cluster = view.Connection;
            progress?.Invoke(new InspectionProgress("Checking MM2", $"asking '{cluster.Alias}' for its topics", null));
            try
            {
                var topics = view.Topics();
                checks.Add(new Mm2StatusCheck(cluster.Alias, Mm2StatusCheck.ClusterCheck, cluster.Alias, CheckStatus.Ok, $"Answers at {cluster.BootstrapServers} ({topics.Count} topics)."));
                return topics;
            }
            catch (Mm2DrException e)
            {
                checks.Add(new Mm2StatusCheck(cluster.Alias, Mm2StatusCheck.ClusterCheck, cluster.Alias, CheckStatus.Failed, e.Message + " Checks that need this cluster were skipped."));
                return null;
            }
        }

        private static void TopicExists(List<Mm2StatusCheck> checks, string check, Environment.ClusterConnection cluster, IReadOnlyDictionary<string, int> topics, string topic, bool enabled, string setting, string hint)
        {
            var exists = topics.TryGetValue(topic, out var partitions);
            var (status, detail) = (exists, enabled) switch
            {
                (true, true) when partitions == 1 => (CheckStatus.Ok, "Exists (1 partition)."),
                (true, true) => (CheckStatus.Warning, $"Exists with {partitions} partitions; MM2 writes and reads only partition 0."),
                (true, false) => (CheckStatus.Warning, $"Exists, but {setting}=false in mm2.properties: MM2 no longer updates it."),
                (false, false) => (CheckStatus.Warning, $"Does not exist: {setting}=false in mm2.properties."),
                _ => (CheckStatus.Failed, $"Does not exist on cluster '{cluster.Alias}' ({cluster.BootstrapServers}). {hint}"),
            };
            checks.Add(new Mm2StatusCheck(cluster.Alias, check, topic, status, detail));
        }

        private static void HeartbeatFreshness(InspectionContext context, TimeSpan maxAge, List<Mm2StatusCheck> checks, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            var snapshot = Mm2TopicReads.Heartbeats(context, layout.HeartbeatsTopic, progress);
            Corrupt(checks, layout.Dr.Alias, layout.HeartbeatsTopic, snapshot.Decode);
            var mine = snapshot.Heartbeats.FirstOrDefault(h => h.SourceClusterAlias == layout.Primary.Alias && h.TargetClusterAlias == layout.Dr.Alias);
            if (mine == null)
            {
                var found = snapshot.Heartbeats.Count == 0
                    ? "it holds no heartbeat yet"
                    : "it holds heartbeats of " + string.Join(", ", snapshot.Heartbeats.Select(h => h.SourceClusterAlias + "->" + h.TargetClusterAlias)) + " only; check the cluster aliases against mm2.properties";
                checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.HeartbeatCheck, layout.FlowName, CheckStatus.Failed,
                    $"No heartbeat of {layout.FlowName} in '{layout.HeartbeatsTopic}': {found}. MM2 is not running for this flow."));
                return;
            }

            var stale = IsStale(mine, maxAge, out var detail);
            checks.Add(stale == true
                ? new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.HeartbeatCheck, layout.FlowName, CheckStatus.Failed, detail + $" MM2's {layout.FlowName} herder has stopped or cannot write to '{layout.Dr.Alias}'.")
                : new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.HeartbeatCheck, layout.FlowName, stale == false ? CheckStatus.Ok : CheckStatus.Warning, detail));
        }

        private static void ReplicatedHeartbeatFreshness(InspectionContext context, TimeSpan maxAge, List<Mm2StatusCheck> checks, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            var topic = layout.ReplicatedHeartbeatsTopic;
            var snapshot = Mm2TopicReads.Heartbeats(context, topic, progress);
            Corrupt(checks, layout.Dr.Alias, topic, snapshot.Decode);
            var newest = LagFigures.ReplicationLatency(snapshot);
            if (newest == null)
            {
                checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.ReplicatedHeartbeatCheck, topic, CheckStatus.Warning, "Holds no heartbeat yet, so replication delay cannot be told from it."));
                return;
            }

            // A stale replica means either replication from the primary stalled or nothing writes heartbeats on the primary
            // any more (the reverse herder); the direct heartbeat check above tells the two apart.
            var stale = IsStale(newest, maxAge, out var detail);
            checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.ReplicatedHeartbeatCheck, topic, stale == false ? CheckStatus.Ok : CheckStatus.Warning,
                stale == true ? detail + $" Replication from '{layout.Primary.Alias}' lags or has stalled, or MM2's {layout.Dr.Alias}->{layout.Primary.Alias} herder no longer writes heartbeats on '{layout.Primary.Alias}'." : detail));
        }

        /// <summary>True when older than <paramref name="maxAge"/>, null when the heartbeat's timestamp is not a date.</summary>
        private static bool? IsStale(HeartbeatStatus heartbeat, TimeSpan maxAge, out string detail)
        {
            if (!heartbeat.Age.HasValue)
            {
                detail = $"The newest heartbeat's timestamp ({heartbeat.Newest.TimestampMs}) is not a date.";
                return null;
            }

            var age = heartbeat.Age.Value;
            detail = $"Newest heartbeat ({heartbeat.SourceClusterAlias}->{heartbeat.TargetClusterAlias}) emitted {Durations.Format(age)} ago at {heartbeat.HeartbeatTimestamp:u}; threshold {Durations.Format(maxAge)}.";
            return age > maxAge;
        }

        /// <summary>
        /// MM2 emits a checkpoint only when a group's translated offset moves, so an old checkpoint is stale only if the
        /// group has committed elsewhere on the primary since; an idle group's, or a deleted group's, is just old.
        /// </summary>
        private static void CheckpointFreshness(InspectionContext context, NamePatterns groups, TimeSpan maxAge, bool primaryReachable, List<Mm2StatusCheck> checks, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            var snapshot = Mm2TopicReads.Checkpoints(context, groups.ToGroupSelector(), progress);
            Corrupt(checks, layout.Dr.Alias, layout.CheckpointsTopic, snapshot.Decode);
            if (snapshot.Decode.RecordsSeen == 0)
            {
                checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.CheckpointFreshnessCheck, layout.CheckpointsTopic, CheckStatus.Warning,
                    $"No checkpoints yet: MM2 writes them every {Durations.Format(layout.CheckpointInterval)} for groups with committed offsets on replicated topics. A failover now has no translated offsets."));
                return;
            }

            if (snapshot.GroupIds.Count == 0)
            {
                checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.CheckpointFreshnessCheck, layout.CheckpointsTopic, CheckStatus.Warning,
                    groups.IsAll ? "Holds no decodable checkpoint." : $"No checkpoints for {groups}."));
                return;
            }

            var now = context.Clock.UtcNow;
            var stale = new List<(string Group, TimeSpan Age, IReadOnlyList<CheckpointRecord> Checkpoints)>();
            var fresh = 0;
            foreach (var group in snapshot.GroupIds)
            {
                var latest = snapshot.CheckpointsFor(group);
                var newest = latest.Where(c => c.Timestamp.HasValue).Select(c => c.Timestamp!.Value).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
                var age = newest == DateTimeOffset.MinValue ? TimeSpan.MaxValue : now - newest;
                if (age <= maxAge)
                {
                    fresh++;
                }
                else
                {
                    stale.Add((group, age, latest));
                }
            }

            var naming = layout.Naming;
            IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>>? primary = null;
            if (stale.Count > 0 && primaryReachable)
            {
                var requests = stale.Select(s => new GroupOffsetsRequest(s.Group, s.Checkpoints
                    .Select(c => (Source: naming.SourceTopicFor(c.Checkpoint.Topic), c.Checkpoint.Partition))
                    .Where(x => x.Source != null)
                    .Select(x => new TopicPartitionRef(x.Source!, x.Partition))
                    .ToArray())).ToList();
                primary = context.Primary.CommittedWithProgress(requests, progress);
            }

            var idle = 0;
            var leftOver = 0;
            foreach (var (group, age, latest) in stale)
            {
                var ageText = age == TimeSpan.MaxValue ? "of unknown age" : Durations.Format(age) + " old";
                if (primary == null)
                {
                    checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.CheckpointFreshnessCheck, group, CheckStatus.Warning,
                        $"Newest checkpoint {ageText} (threshold {Durations.Format(maxAge)}); cluster '{layout.Primary.Alias}' did not answer, so whether the group is just idle is unknown."));
                    continue;
                }

                long moved = 0;
                var movedPartitions = 0;
                var withOffsets = 0;
                foreach (var c in latest)
                {
                    var source = naming.SourceTopicFor(c.Checkpoint.Topic);
                    var committed = source == null ? null : primary.OffsetOf(group, new TopicPartitionRef(source, c.Checkpoint.Partition));
                    if (!committed.HasValue)
                    {
                        continue;
                    }

                    withOffsets++;
                    if (committed.Value != c.Checkpoint.UpstreamOffset)
                    {
                        movedPartitions++;
                        moved += Math.Abs(committed.Value - c.Checkpoint.UpstreamOffset);
                    }
                }

                if (withOffsets == 0)
                {
                    leftOver++;
                }
                else if (movedPartitions == 0)
                {
                    idle++;
                }
                else
                {
                    checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.CheckpointFreshnessCheck, group, CheckStatus.Warning,
                        $"Newest checkpoint {ageText} (threshold {Durations.Format(maxAge)}), yet the group has moved {moved} offsets on {movedPartitions} partition(s) on '{layout.Primary.Alias}' since: "
                        + "MM2 is not checkpointing it (checkpoint connector stopped, group filtered or not yet discovered, or no offset syncs for its position). A failover now re-reads at least that much."));
                }
            }

            var ok = fresh + idle + leftOver;
            if (ok > 0)
            {
                var parts = new List<string> { $"{fresh} with a checkpoint within {Durations.Format(maxAge)}" };
                if (idle > 0)
                {
                    parts.Add($"{idle} idle since their last checkpoint");
                }

                if (leftOver > 0)
                {
                    parts.Add($"{leftOver} without offsets on '{layout.Primary.Alias}' (deleted or expired; MM2 never removes checkpoints)");
                }

                checks.Add(new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.CheckpointFreshnessCheck, $"{ok} group(s)", CheckStatus.Ok, string.Join(", ", parts) + "."));
            }
        }

        private static void RemoteTopics(Mm2FlowLayout layout, IReadOnlyDictionary<string, int> primaryTopics, IReadOnlyDictionary<string, int> drTopics, List<Mm2StatusCheck> checks)
        {
            var replicated = primaryTopics.Keys.Where(layout.Replicates).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            var dr = layout.Dr.Alias;
            if (replicated.Length == 0)
            {
                checks.Add(new Mm2StatusCheck(dr, Mm2StatusCheck.RemoteTopicCheck, layout.FlowName, CheckStatus.Warning,
                    layout.Settings == null
                        ? $"Cluster '{layout.Primary.Alias}' has no topic to replicate (no mm2.properties was read: every non-internal topic counts)."
                        : $"The topic filter of {layout.FlowName} in mm2.properties ({layout.Settings.TopicFilter}) selects no topic on '{layout.Primary.Alias}'."));
                return;
            }

            var matching = 0;
            foreach (var topic in replicated)
            {
                var remote = layout.RemoteTopicFor(topic);
                var partitions = primaryTopics[topic];
                if (!drTopics.TryGetValue(remote, out var drPartitions))
                {
                    checks.Add(new Mm2StatusCheck(dr, Mm2StatusCheck.RemoteTopicCheck, remote, CheckStatus.Failed,
                        $"Missing on '{dr}': '{topic}' ({partitions} partitions) on '{layout.Primary.Alias}' is not replicated. MM2 creates remote topics when it discovers them (refresh.topics.interval.seconds)."));
                }
                else if (drPartitions < partitions)
                {
                    checks.Add(new Mm2StatusCheck(dr, Mm2StatusCheck.RemoteTopicCheck, remote, CheckStatus.Failed,
                        $"Has {drPartitions} partitions where '{topic}' on '{layout.Primary.Alias}' has {partitions}: records of partitions {drPartitions}..{partitions - 1} are not on '{dr}' (MM2 adds partitions on its next topic refresh)."));
                }
                else if (drPartitions > partitions)
                {
                    checks.Add(new Mm2StatusCheck(dr, Mm2StatusCheck.RemoteTopicCheck, remote, CheckStatus.Warning,
                        $"Has {drPartitions} partitions where '{topic}' on '{layout.Primary.Alias}' has {partitions}: the topic was recreated smaller, or the DR topic was changed by hand."));
                }
                else
                {
                    matching++;
                }
            }

            if (matching > 0)
            {
                checks.Add(new Mm2StatusCheck(dr, Mm2StatusCheck.RemoteTopicCheck, $"{matching} topic(s)", CheckStatus.Ok,
                    $"{matching} of {replicated.Length} replicated topic(s) exist on '{dr}' with the primary's partition count."));
            }
        }

        private static void Corrupt(List<Mm2StatusCheck> checks, string cluster, string topic, DecodeReport report)
        {
            var warning = DecodeWarnings.Describe(topic, cluster, report);
            if (warning != null)
            {
                checks.Add(new Mm2StatusCheck(cluster, Mm2StatusCheck.CorruptRecordsCheck, topic, CheckStatus.Warning, warning));
            }
        }

        // A check that cannot be made (the read failed or ran out of time) is a failed check, not the end of the report.
        private static void Guard(List<Mm2StatusCheck> checks, string check, string cluster, string target, Action run)
        {
            try
            {
                run();
            }
            catch (Mm2DrException e)
            {
                checks.Add(new Mm2StatusCheck(cluster, check, target, CheckStatus.Failed, "Could not be checked: " + e.Message));
            }
        }

        private static Mm2StatusCheck Overall(Mm2FlowLayout layout, IReadOnlyList<Mm2StatusCheck> checks)
        {
            var status = checks.Count == 0 ? CheckStatus.Failed : checks.Max(c => c.Status);
            var failed = checks.Count(c => c.Status == CheckStatus.Failed);
            var warnings = checks.Count(c => c.Status == CheckStatus.Warning);
            var detail = status switch
            {
                CheckStatus.Ok => $"Healthy: all {checks.Count} checks passed.",
                CheckStatus.Warning => $"Working, with {warnings} warning(s) among {checks.Count} checks.",
                _ => $"Broken: {failed} of {checks.Count} checks failed" + (warnings > 0 ? $", {warnings} warning(s)." : "."),
            };
            return new Mm2StatusCheck(layout.Dr.Alias, Mm2StatusCheck.OverallCheck, layout.FlowName, status, detail);
        }
    }
}

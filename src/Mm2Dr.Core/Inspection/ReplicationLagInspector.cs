using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Get-ReplicationLag: per replicated primary partition, both log ends and the records not yet on DR (the DR log end
    /// mapped back through the newest offset sync), with the replication delay told by the replicated heartbeats.
    /// </summary>
    public static class ReplicationLagInspector
    {
        public static ReplicationLagReport Measure(InspectionContext context, IReadOnlyList<string>? topicNames, Action<InspectionProgress>? progress = null)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var layout = context.Layout;
            var warnings = new List<string>();
            var errors = new List<Mm2DrException>();

            var primaryTopics = context.Primary.Topics();
            var drTopics = context.Dr.Topics();
            var topics = TopicSelection.Resolve(NamePatterns.Parse(topicNames), primaryTopics, layout);
            errors.AddRange(topics.Errors);
            warnings.AddRange(topics.Warnings);
            if (topics.IsAll && topics.Existing.Count == 0)
            {
                warnings.Add($"Flow {layout.FlowName} replicates none of the topics on cluster '{layout.Primary.Alias}'.");
            }

            progress?.Invoke(new InspectionProgress("Reading log offsets", $"{topics.Existing.Count} topics on '{layout.Primary.Alias}' and '{layout.Dr.Alias}'", null));
            var primaryPartitions = topics.Existing.SelectMany(t => Enumerable.Range(0, primaryTopics[t]).Select(p => new TopicPartitionRef(t, p))).ToArray();
            var drPartitions = topics.Existing
                .Select(t => layout.RemoteTopicFor(t))
                .Where(drTopics.ContainsKey)
                .SelectMany(t => Enumerable.Range(0, drTopics[t]).Select(p => new TopicPartitionRef(t, p)))
                .ToArray();
            var primaryBounds = Keyed(context.Primary.Bounds(primaryPartitions));
            var drBounds = Keyed(context.Dr.Bounds(drPartitions));

            var syncs = OffsetSyncs(context, warnings, progress);
            var heartbeat = ReplicatedHeartbeat(context, drTopics, warnings, progress);
            var now = context.Clock.UtcNow;
            var rows = LagFigures.ReplicationLag(primaryBounds, drBounds, syncs, layout.Naming);
            var samples = rows.Select(r => new ReplicationLagSample(layout.Dr.Alias, layout.Primary.Alias, now, r, heartbeat)).ToArray();
            return new ReplicationLagReport(samples, warnings, errors, topics.Existing);
        }

        private static Dictionary<TopicPartition, LogBounds> Keyed(IReadOnlyDictionary<TopicPartitionRef, LogBounds> bounds)
            => bounds.ToDictionary(kv => new TopicPartition(kv.Key.Topic, kv.Key.Partition), kv => kv.Value);

        // Without offset syncs DR offsets cannot be mapped to primary offsets: the rows say "unknown" (or all outstanding
        // for an empty DR partition) rather than guess from the raw difference of the log ends.
        private static OffsetSyncStore OffsetSyncs(InspectionContext context, List<string> warnings, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            try
            {
                var snapshot = Mm2TopicReads.OffsetSyncs(context, progress);
                var corrupt = DecodeWarnings.Describe(layout.OffsetSyncsTopic, layout.OffsetSyncsCluster.Alias, snapshot.Decode);
                if (corrupt != null)
                {
                    warnings.Add(corrupt);
                }

                return snapshot.Store;
            }
            catch (Mm2DrException e) when (e.Kind == ErrorKind.NotFound)
            {
                // A missing topic is a finding (MM2 never ran, or offset syncs are disabled); a read that failed or ran out of
                // time is an error, because every lag figure depends on it.
                warnings.Add($"Offset syncs could not be read, so the lag of partitions already replicated to is unknown: {e.Message}");
                var empty = new OffsetSyncStore(initializationMustReadToEnd: false);
                empty.MarkReadToEnd();
                return empty;
            }
        }

        private static HeartbeatStatus? ReplicatedHeartbeat(InspectionContext context, IReadOnlyDictionary<string, int> drTopics, List<string> warnings, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            var topic = layout.ReplicatedHeartbeatsTopic;
            if (!drTopics.ContainsKey(topic))
            {
                warnings.Add($"'{topic}' does not exist on cluster '{layout.Dr.Alias}', so the replication delay in time is unknown. It appears once '{layout.Primary.Alias}' has a "
                             + $"'{layout.HeartbeatsTopic}' topic (MM2's {layout.Dr.Alias}->{layout.Primary.Alias} herder writes it, emit.heartbeats.enabled) and the flow has replicated it.");
                return null;
            }

            try
            {
                var snapshot = Mm2TopicReads.Heartbeats(context, topic, progress);
                var corrupt = DecodeWarnings.Describe(topic, layout.Dr.Alias, snapshot.Decode);
                if (corrupt != null)
                {
                    warnings.Add(corrupt);
                }

                var newest = LagFigures.ReplicationLatency(snapshot);
                if (newest == null)
                {
                    warnings.Add($"'{topic}' on cluster '{layout.Dr.Alias}' holds no heartbeat yet, so the replication delay in time is unknown.");
                }

                return newest;
            }
            catch (Mm2DrException e) when (e.Kind != ErrorKind.ConnectionFailed)
            {
                warnings.Add($"Heartbeats could not be read, so the replication delay in time is unknown: {e.Message}");
                return null;
            }
        }
    }
}

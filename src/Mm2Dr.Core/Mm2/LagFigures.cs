using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The three lag figures of an MM2 flow, computed from plain inputs: replication lag per partition (messages not yet on
    /// DR), checkpoint lag per group partition (messages consumed on the primary since the newest checkpoint), and
    /// replication latency in time from the replicated heartbeats.
    /// </summary>
    public static class LagFigures
    {
        /// <summary>
        /// Replication lag per source partition: the DR log end is mapped back to a primary offset through the newest offset
        /// sync (each DR record after the sync is one primary record after it), and compared with the primary log end.
        /// </summary>
        /// <param name="primaryPartitions">Primary partitions to report, with their bounds, keyed by source topic.</param>
        /// <param name="drPartitions">DR partitions' bounds, keyed by target topic.</param>
        public static IReadOnlyList<ReplicationLagRow> ReplicationLag(IReadOnlyDictionary<TopicPartition, LogBounds> primaryPartitions, IReadOnlyDictionary<TopicPartition, LogBounds> drPartitions, OffsetSyncStore offsetSyncs, CheckpointTopicNaming naming)
        {
            if (primaryPartitions == null || drPartitions == null || offsetSyncs == null || naming == null)
            {
                throw new ArgumentNullException(primaryPartitions == null ? nameof(primaryPartitions) : drPartitions == null ? nameof(drPartitions) : offsetSyncs == null ? nameof(offsetSyncs) : nameof(naming));
            }

            var rows = new List<ReplicationLagRow>();
            foreach (var pair in primaryPartitions.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition.Value))
            {
                var sourceTopic = pair.Key.Topic;
                var partition = pair.Key.Partition.Value;
                var primary = pair.Value;
                var targetTopic = naming.Policy.FormatRemoteTopic(naming.SourceClusterAlias, sourceTopic);
                LogBounds? dr = drPartitions.TryGetValue(new TopicPartition(targetTopic, partition), out var d) ? d : null;
                var sync = offsetSyncs.LatestSyncFor(sourceTopic, partition);
                rows.Add(OneReplicationLag(sourceTopic, targetTopic, partition, primary, dr, sync));
            }

            return rows;
        }

        private static ReplicationLagRow OneReplicationLag(string sourceTopic, string targetTopic, int partition, LogBounds primary, LogBounds? dr, OffsetSync? sync)
        {
            long? replicatedUpTo = null;
            string explanation;
            if (!dr.HasValue)
            {
                explanation = $"{targetTopic}-{partition} does not exist on DR: MM2 has not created the remote topic (not replicated, or not yet).";
            }
            else if (sync == null)
            {
                if (dr.Value.LogEndOffset == 0)
                {
                    replicatedUpTo = primary.LogStartOffset;
                    explanation = "Nothing has been replicated yet (no offset sync, empty DR partition): every retained primary record is outstanding.";
                }
                else
                {
                    explanation = "No offset sync for this partition, so DR offsets cannot be mapped to primary offsets (offset syncs disabled, not yet written, or the syncs topic was not read).";
                }
            }
            else if (dr.Value.LogEndOffset <= sync.DownstreamOffset)
            {
                explanation = $"The DR log end {dr.Value.LogEndOffset} is at or below the newest sync's DR offset {sync.DownstreamOffset}: the DR topic was truncated or recreated, so the mapping does not hold.";
            }
            else
            {
                replicatedUpTo = sync.UpstreamOffset + (dr.Value.LogEndOffset - sync.DownstreamOffset);
                explanation = $"The newest sync maps primary {sync.UpstreamOffset} to DR {sync.DownstreamOffset}; the {dr.Value.LogEndOffset - sync.DownstreamOffset} DR records from there "
                              + $"cover primary offsets up to at least {replicatedUpTo}.";
            }

            long? lag = replicatedUpTo.HasValue ? Math.Max(0, primary.LogEndOffset - replicatedUpTo.Value) : null;
            return new ReplicationLagRow
            {
                SourceTopic = sourceTopic,
                TargetTopic = targetTopic,
                Partition = partition,
                PrimaryPartition = primary,
                DrPartition = dr,
                LatestSync = sync,
                ReplicatedUpToOffset = replicatedUpTo,
                LagMessages = lag,
                Explanation = explanation,
            };
        }

        /// <summary>Checkpoint lag per group partition that has a committed offset on the primary.</summary>
        /// <param name="primaryCommitted">Primary committed offsets, keyed with source topic names.</param>
        /// <param name="checkpoints">Newest checkpoints, keyed with target topic names (e.g. <see cref="CheckpointSnapshot.Latest"/>).</param>
        public static IReadOnlyList<CheckpointLagRow> CheckpointLag(IReadOnlyDictionary<GroupTopicPartition, long> primaryCommitted, IReadOnlyDictionary<GroupTopicPartition, CheckpointRecord> checkpoints, CheckpointTopicNaming naming, DateTimeOffset now)
        {
            if (primaryCommitted == null || checkpoints == null || naming == null)
            {
                throw new ArgumentNullException(primaryCommitted == null ? nameof(primaryCommitted) : checkpoints == null ? nameof(checkpoints) : nameof(naming));
            }

            var rows = new List<CheckpointLagRow>(primaryCommitted.Count);
            foreach (var pair in primaryCommitted.OrderBy(p => p.Key))
            {
                var key = pair.Key;
                var targetTopic = naming.TargetTopicFor(key.Topic);
                checkpoints.TryGetValue(new GroupTopicPartition(key.Group, targetTopic, key.Partition), out var checkpoint);
                rows.Add(new CheckpointLagRow
                {
                    Group = key.Group,
                    SourceTopic = key.Topic,
                    TargetTopic = targetTopic,
                    Partition = key.Partition,
                    PrimaryCommittedOffset = pair.Value,
                    CheckpointUpstreamOffset = checkpoint?.Checkpoint.UpstreamOffset,
                    LagMessages = checkpoint == null ? null : pair.Value - checkpoint.Checkpoint.UpstreamOffset,
                    CheckpointAge = checkpoint?.Timestamp.HasValue == true ? now - checkpoint.Timestamp!.Value : null,
                });
            }

            return rows;
        }

        /// <summary>
        /// Replication latency of flow source-&gt;target from the target's replica of the source's heartbeats
        /// (e.g. "primary.heartbeats" on DR): the newest replicated heartbeat. Its <see cref="HeartbeatStatus.Age"/> bounds
        /// the delay (plus the emission interval); its <see cref="HeartbeatStatus.ReplicationLatency"/> is a measurement
        /// when the topic uses LogAppendTime. Null if the snapshot holds no heartbeat.
        /// </summary>
        public static HeartbeatStatus? ReplicationLatency(HeartbeatSnapshot replicatedHeartbeats)
        {
            if (replicatedHeartbeats == null)
            {
                throw new ArgumentNullException(nameof(replicatedHeartbeats));
            }

            return replicatedHeartbeats.Heartbeats
                .Where(h => h.HeartbeatTimestamp.HasValue)
                .OrderByDescending(h => h.Newest.TimestampMs)
                .FirstOrDefault();
        }
    }
}

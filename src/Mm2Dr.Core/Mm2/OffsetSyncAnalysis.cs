using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Lines up, per consumer group partition, the primary's committed offset, the newest checkpoint, the DR group's
    /// committed offset, and the offset syncs, and says what a failover would do: which offset it would commit on DR,
    /// how many messages would be re-read, and whether anything looks wrong. Pure computation over plain inputs.
    /// </summary>
    public static class OffsetSyncAnalysis
    {
        public static IReadOnlyList<OffsetSyncRow> Analyze(OffsetSyncAnalysisInput input)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            if (input.Naming == null)
            {
                throw new ArgumentException("The flow naming (policy and aliases) is required.", nameof(input));
            }

            var naming = input.Naming;
            var wanted = input.Groups == null ? null : new HashSet<string>(input.Groups, StringComparer.Ordinal);
            var replicated = input.ReplicatedTopic ?? (_ => true);

            // Key every row by the target-side partition, the one checkpoints and DR offsets use.
            var primaryByTarget = new Dictionary<GroupTopicPartition, (string SourceTopic, long Offset)>();
            foreach (var pair in input.PrimaryCommitted)
            {
                var key = pair.Key;
                if ((wanted != null && !wanted.Contains(key.Group)) || !replicated(key.Topic))
                {
                    continue;
                }

                primaryByTarget[new GroupTopicPartition(key.Group, naming.TargetTopicFor(key.Topic), key.Partition)] = (key.Topic, pair.Value);
            }

            // The union of both key sets, sorted in place: with a million keys a set and a LINQ sort cost seconds.
            var keys = new List<GroupTopicPartition>(primaryByTarget.Count + input.Checkpoints.Count);
            keys.AddRange(primaryByTarget.Keys);
            foreach (var key in input.Checkpoints.Keys)
            {
                if ((wanted == null || wanted.Contains(key.Group)) && !primaryByTarget.ContainsKey(key))
                {
                    keys.Add(key);
                }
            }

            keys.Sort();
            var rows = new List<OffsetSyncRow>(keys.Count);
            foreach (var key in keys)
            {
                string? sourceTopic;
                long? primaryOffset = null;
                if (primaryByTarget.TryGetValue(key, out var primary))
                {
                    sourceTopic = primary.SourceTopic;
                    primaryOffset = primary.Offset;
                }
                else
                {
                    sourceTopic = naming.SourceTopicFor(key.Topic);
                }

                if (sourceTopic != null && !replicated(sourceTopic))
                {
                    continue;
                }

                input.Checkpoints.TryGetValue(key, out var checkpoint);
                long? drOffset = input.DrCommitted.TryGetValue(key, out var dr) ? dr : null;
                LogBounds? bounds = input.DrPartitions.Count > 0 && input.DrPartitions.TryGetValue(new TopicPartition(key.Topic, key.Partition), out var b) ? b : null;
                rows.Add(AnalyzeOne(naming, key, sourceTopic, primaryOffset, checkpoint, drOffset, bounds, input.OffsetSyncs, input.Now));
            }

            return rows;
        }

        private static OffsetSyncRow AnalyzeOne(CheckpointTopicNaming naming, GroupTopicPartition key, string? sourceTopic, long? primaryOffset, CheckpointRecord? checkpoint, long? drOffset, LogBounds? bounds, OffsetSyncStore? syncs, DateTimeOffset now)
        {
            var f = Figure(key, sourceTopic, primaryOffset, checkpoint, drOffset, bounds, syncs, notes: null);
            return new OffsetSyncRow
            {
                Cluster = naming.TargetClusterAlias,
                PrimaryCluster = naming.SourceClusterAlias,
                Group = key.Group,
                SourceTopic = sourceTopic,
                TargetTopic = key.Topic,
                Partition = key.Partition,
                PrimaryCommittedOffset = primaryOffset,
                Checkpoint = checkpoint,
                CheckpointAge = checkpoint?.Timestamp.HasValue == true ? now - checkpoint.Timestamp!.Value : null,
                DrCommittedOffset = drOffset,
                CurrentTranslation = f.Current,
                SparseRereadMessages = f.Sparse,
                RereadAfterFailoverMessages = f.Reread,
                Status = f.Status,
                FailoverOffsetRange = f.Range,
                DrPartitionBounds = bounds,
                // The sentences are written only when read: a million rows must not carry a million paragraphs nobody reads.
                // Working the figures out again with notes on gives the same figures and says why.
                Explain = () =>
                {
                    var notes = new List<string>();
                    Figure(key, sourceTopic, primaryOffset, checkpoint, drOffset, bounds, syncs, notes);
                    return string.Join(" ", notes);
                },
            };
        }

        /// <summary>The row's figures; with <paramref name="notes"/>, also the sentences that explain them.</summary>
        private static (OffsetTranslation? Current, long? Sparse, long? Reread, OffsetSyncStatus Status, DrOffsetRangeCheck Range) Figure(
            GroupTopicPartition key, string? sourceTopic, long? primaryOffset, CheckpointRecord? checkpoint, long? drOffset, LogBounds? bounds, OffsetSyncStore? syncs, List<string>? notes)
        {
            OffsetTranslation? current = null;
            long? drUpperBound = null;
            if (syncs != null && sourceTopic != null && primaryOffset.HasValue)
            {
                current = syncs.Translate(sourceTopic, key.Partition, primaryOffset.Value);
                drUpperBound = syncs.DownstreamUpperBound(sourceTopic, key.Partition, primaryOffset.Value);
            }

            long? sparse = null;
            if (checkpoint != null && syncs != null && sourceTopic != null)
            {
                var c = checkpoint.Checkpoint;
                var behind = syncs.SyncBehind(sourceTopic, key.Partition, c.UpstreamOffset, c.DownstreamOffset);
                if (behind != null)
                {
                    // The record at downstream D is at upstream >= sync.up + (D - sync.down): everything from there up to the
                    // checkpoint's upstream offset was consumed on the primary and is read again on DR.
                    sparse = Math.Max(0, c.UpstreamOffset - (behind.UpstreamOffset + (c.DownstreamOffset - behind.DownstreamOffset)));
                }
            }

            var status = Classify(checkpoint, primaryOffset, drOffset, drUpperBound, notes);
            long? reread = null;
            if ((status == OffsetSyncStatus.InSync || status == OffsetSyncStatus.Behind) && sparse.HasValue)
            {
                reread = (primaryOffset!.Value - checkpoint!.Checkpoint.UpstreamOffset) + sparse.Value;
                notes?.Add($"A failover now re-reads at most {reread} messages ({primaryOffset.Value - checkpoint.Checkpoint.UpstreamOffset} committed on the primary since the checkpoint, {sparse} from sparse translation).");
            }
            else if (status == OffsetSyncStatus.InSync || status == OffsetSyncStatus.Behind)
            {
                notes?.Add(syncs == null
                    ? "Offset syncs were not read, so the re-read caused by sparse translation is unknown."
                    : "The offset sync behind this checkpoint is no longer retained, so the re-read caused by sparse translation is unknown.");
            }

            var range = CheckRange(checkpoint?.Checkpoint.DownstreamOffset, bounds, notes);
            if (current != null && !current.IsTranslated)
            {
                notes?.Add("MM2 cannot translate the primary's current position: " + current.Explanation);
            }

            return (current, sparse, reread, status, range);
        }

        private static OffsetSyncStatus Classify(CheckpointRecord? checkpoint, long? primaryOffset, long? drOffset, long? drUpperBound, List<string>? notes)
        {
            if (checkpoint == null)
            {
                notes?.Add(primaryOffset.HasValue
                    ? "No checkpoint for this partition: MM2 has not translated the group here (no offset sync yet, group behind the oldest sync, filtered, or not yet picked up), so a failover has no offset for it."
                    : "No checkpoint and no primary offset for this partition.");
                return OffsetSyncStatus.NoCheckpoint;
            }

            var upstream = checkpoint.Checkpoint.UpstreamOffset;
            if (!primaryOffset.HasValue)
            {
                notes?.Add($"The checkpoint (upstream {upstream}) has no committed offset on the primary behind it: the group was deleted or its offsets expired, and MM2 never removes checkpoints.");
                return OffsetSyncStatus.Ahead;
            }

            if (upstream > primaryOffset.Value)
            {
                notes?.Add($"The checkpoint's upstream offset {upstream} is beyond the primary's committed offset {primaryOffset.Value}: the group was reset backwards on the primary (MM2 emits a new checkpoint on its next run) or the checkpoint is from an older group generation.");
                return OffsetSyncStatus.Ahead;
            }

            if (drOffset.HasValue && drUpperBound.HasValue && drOffset.Value > drUpperBound.Value)
            {
                notes?.Add($"The DR group's committed offset {drOffset.Value} is beyond {drUpperBound.Value}, the highest DR offset the primary's position {primaryOffset.Value} can map to: a consumer on DR has gone further than the primary group.");
                return OffsetSyncStatus.Ahead;
            }

            if (upstream == primaryOffset.Value)
            {
                notes?.Add($"The newest checkpoint is at the primary's committed offset {upstream}.");
                return OffsetSyncStatus.InSync;
            }

            notes?.Add($"The primary has committed {primaryOffset.Value - upstream} messages past the newest checkpoint (upstream {upstream}).");
            return OffsetSyncStatus.Behind;
        }

        private static DrOffsetRangeCheck CheckRange(long? offset, LogBounds? bounds, List<string>? notes)
        {
            if (!offset.HasValue || !bounds.HasValue)
            {
                return DrOffsetRangeCheck.NotChecked;
            }

            if (offset.Value < bounds.Value.LogStartOffset)
            {
                notes?.Add($"The failover offset {offset.Value} is below the DR partition's log start {bounds.Value.LogStartOffset}: those records are gone and the consumer would fall back to auto.offset.reset.");
                return DrOffsetRangeCheck.BelowLogStart;
            }

            if (offset.Value > bounds.Value.LogEndOffset)
            {
                notes?.Add($"The failover offset {offset.Value} is beyond the DR partition's log end {bounds.Value.LogEndOffset}: a stale checkpoint (old MM2, recreated topic); the consumer would fall back to auto.offset.reset or skip records.");
                return DrOffsetRangeCheck.BeyondLogEnd;
            }

            return DrOffsetRangeCheck.WithinRange;
        }
    }
}

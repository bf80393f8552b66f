using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// MirrorCheckpointConnector and MirrorCheckpointTask of one flow. The groups to checkpoint are those on the source
    /// that pass the group filter and have committed offsets on a topic the topic filter accepts (found at start and every
    /// refresh.groups.interval.seconds). Every emit.checkpoints.interval.seconds, each group's committed source offsets
    /// are translated through MM2's own <see cref="OffsetSyncStore"/> (the "+1" rule; no checkpoint without a usable
    /// sync) and written to &lt;source&gt;.checkpoints.internal on the target, partition 0, when they are more recent
    /// than the last one. With sync.group.offsets.enabled the checkpoints also go into idle target groups.
    /// </summary>
    internal sealed class CheckpointEmitter : FlowWorker
    {
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan RetrySoon = TimeSpan.FromSeconds(2);

        private readonly HashSet<string> _notes = new HashSet<string>(StringComparer.Ordinal);

        public CheckpointEmitter(Mm2FlowSettings settings, ClusterConnection source, ClusterConnection target, MirrorActivity activity)
            : base("checkpoints", settings, source, target, activity)
        {
        }

        protected override void Run(CancellationToken stop)
        {
            using var sourceAdmin = MirrorClients.Admin(Source, stop);
            using var targetAdmin = MirrorClients.Admin(Target, stop);
            var sourceGroups = new ConsumerGroupCatalog(sourceAdmin, new TopicCatalog(sourceAdmin, Settings.Policy));

            // MirrorCheckpointConnector.start creates the topic whether or not there are groups yet.
            TopicProvisioner.Ensure(targetAdmin, Settings.CheckpointsTopic, 1, Settings.CheckpointsTopicReplicationFactor, TopicProvisioner.Compacted, Activity.Warn);

            // MirrorCheckpointTask.start (3.7.1+): restore the checkpoints, then read the offset syncs to the end, keeping
            // the sparse history only if the checkpoints could be read (so that nothing moves backwards).
            var checkpoints = new CheckpointStore();
            var restored = checkpoints.Restore(Target, Settings.CheckpointsTopic, ReadTimeout, stop, m => Activity.Log($"{Name}: {m}"));
            var syncs = new OffsetSyncStore(initializationMustReadToEnd: !restored);
            using var tail = new OffsetSyncTail(OffsetSyncsCluster, Settings.OffsetSyncsTopic, syncs, Activity);
            tail.CatchUp(ReadTimeout, stop);
            Ready();

            using var producer = MirrorClients.RecordProducer(Target, Activity.Diagnostics(Name, Target), $"{Settings}-checkpoints");
            var clock = Stopwatch.StartNew();
            IReadOnlyList<string> groups = Array.Empty<string>();
            var nextGroups = TimeSpan.Zero;
            var nextCheckpoints = Settings.EmitCheckpointsInterval;
            var nextSync = Settings.SyncGroupOffsetsEnabled ? Settings.SyncGroupOffsetsInterval : TimeSpan.MaxValue;
            while (!stop.IsCancellationRequested)
            {
                if (clock.Elapsed >= nextGroups)
                {
                    var found = FindGroups(sourceGroups);
                    if (found != null)
                    {
                        groups = found;
                    }

                    nextGroups = found == null ? clock.Elapsed + RetrySoon
                        : Settings.RefreshGroupsEnabled ? clock.Elapsed + Settings.RefreshGroupsInterval
                        : TimeSpan.MaxValue;
                }

                if (clock.Elapsed >= nextCheckpoints)
                {
                    EmitCheckpoints(sourceGroups, groups, tail, syncs, checkpoints, producer, stop);
                    nextCheckpoints = clock.Elapsed + Settings.EmitCheckpointsInterval;
                }

                if (clock.Elapsed >= nextSync)
                {
                    SyncGroupOffsets(targetAdmin, groups, checkpoints);
                    nextSync = clock.Elapsed + Settings.SyncGroupOffsetsInterval;
                }

                var next = new[] { nextGroups, nextCheckpoints, nextSync }.Min() - clock.Elapsed;
                Wait(next > TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : next, stop);
            }

            producer.Flush(TimeSpan.FromSeconds(3));
        }

        /// <summary>MirrorCheckpointConnector.findConsumerGroups; null when the source could not be asked.</summary>
        private IReadOnlyList<string>? FindGroups(ConsumerGroupCatalog sourceGroups)
        {
            try
            {
                var found = new List<string>();
                foreach (var group in sourceGroups.List().Select(g => g.Group).Where(Settings.GroupFilter.Matches))
                {
                    // KAFKA-14837/14842: only groups that consume at least one replicated topic.
                    if (sourceGroups.CommittedOffsets(group, null).Keys.Any(tp => Filter.ShouldCheckpointTopic(tp.Topic)))
                    {
                        found.Add(group);
                    }
                }

                return found;
            }
            catch (Exception e) when (e is Core.Errors.Mm2DrException || e is KafkaException)
            {
                Fail("listing the consumer groups to checkpoint", e);
                return null;
            }
        }

        private void EmitCheckpoints(ConsumerGroupCatalog sourceGroups, IReadOnlyList<string> groups, OffsetSyncTail tail, OffsetSyncStore syncs, CheckpointStore checkpoints,
            IProducer<byte[]?, byte[]?> producer, CancellationToken stop)
        {
            try
            {
                tail.CatchUp(ReadTimeout, stop);
            }
            catch (Exception e) when (e is KafkaException || e is TimeoutException)
            {
                // MM2's store keeps what it had; so does this round.
                Fail($"reading '{Settings.OffsetSyncsTopic}' on '{OffsetSyncsCluster.Alias}'", e);
            }

            // One timestamp per round, as MM2 stamps a group's batch with the time it started.
            var timestamp = new Timestamp(Activity.Clock.UtcNow);
            foreach (var group in groups)
            {
                stop.ThrowIfCancellationRequested();
                IReadOnlyDictionary<TopicPartitionRef, long> committed;
                try
                {
                    committed = sourceGroups.CommittedOffsets(group, null);
                }
                catch (Exception e) when (e is Core.Errors.Mm2DrException || e is KafkaException)
                {
                    Fail($"reading the offsets of group '{group}' on '{Source.Alias}'", e);
                    continue;
                }

                var fresh = new List<Checkpoint>();
                foreach (var offset in committed.OrderBy(kv => kv.Key))
                {
                    if (!Filter.ShouldCheckpointTopic(offset.Key.Topic))
                    {
                        continue;
                    }

                    // Empty (no sync, or not read to the end) and -1 (older than every sync kept) give no checkpoint.
                    var downstream = syncs.TranslateDownstream(offset.Key.Topic, offset.Key.Partition, offset.Value);
                    if (downstream == null || downstream.Value < 0)
                    {
                        continue;
                    }

                    // Confluent.Kafka does not return commit metadata, so the checkpoints carry "" (MM2 copies the source's).
                    var checkpoint = new Checkpoint(group, Filter.CheckpointTopic(offset.Key.Topic), offset.Key.Partition, offset.Value, downstream.Value, string.Empty);
                    if (checkpoints.IsMoreRecent(checkpoint))
                    {
                        fresh.Add(checkpoint);
                    }
                }

                checkpoints.Update(group, fresh);
                foreach (var checkpoint in fresh)
                {
                    var message = new Message<byte[]?, byte[]?> { Key = CheckpointCodec.EncodeKey(checkpoint), Value = CheckpointCodec.EncodeValue(checkpoint), Timestamp = timestamp };
                    producer.Produce(new TopicPartition(Settings.CheckpointsTopic, 0), message, report =>
                    {
                        if (report.Error.IsError)
                        {
                            Activity.Error(Name, $"writing {checkpoint} to '{Settings.CheckpointsTopic}' on '{Target.Alias}' failed: {Target.Redact(report.Error.Reason)}");
                        }
                        else
                        {
                            Activity.CheckpointWritten();
                        }
                    });
                }
            }
        }

        // Said once, not at every round.
        private void Note(string note)
        {
            if (_notes.Add(note))
            {
                Activity.Log($"{Name}: {note}");
            }
        }

        private void SyncGroupOffsets(KafkaAdmin targetAdmin, IReadOnlyList<string> groups, CheckpointStore checkpoints)
        {
            var current = new HashSet<string>(groups, StringComparer.Ordinal);
            var converted = checkpoints.Groups.Where(current.Contains)
                .Select(g => new KeyValuePair<string, IReadOnlyDictionary<TopicPartitionRef, Checkpoint>>(g, checkpoints.Get(g)!))
                .ToList();
            if (converted.Count == 0)
            {
                return;
            }

            try
            {
                var written = GroupOffsetSync.Run(targetAdmin, Settings.Policy, converted, Note);
                Activity.GroupOffsetsSynced(written);
            }
            catch (Exception e) when (e is Core.Errors.Mm2DrException || e is KafkaException)
            {
                Fail($"syncing group offsets to '{Target.Alias}'", e);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// MirrorSourceConnector and MirrorSourceTask of one flow: finds the source topics to replicate (at start and every
    /// refresh.topics.interval.seconds), creates their remote topics with the source's partition count, copies every
    /// record to the same partition with its key, value, headers and timestamp, emits offset syncs by MM2's rule, and
    /// stores the replicated position on the target every offset.flush.interval.ms (Connect's offset flush, which is also
    /// when delayed offset syncs are promoted).
    /// </summary>
    /// <remarks>
    /// Nothing is lost: a position only moves once the target acknowledged the record, an outage of either cluster is
    /// waited out (no delivery timeout, consumers keep their position), and a write the target refuses rewinds to the
    /// last acknowledged record and tries again. Nothing is reordered within a partition: the producer is idempotent.
    /// A mirror that crashes may copy again what it copied after its last stored position (at-least-once, as MM2).
    /// </remarks>
    internal sealed class SourceReplicator : FlowWorker
    {
        private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan DiscoveryRetry = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan StopFlush = TimeSpan.FromSeconds(5);
        private const int BatchLimit = 2000;

        private readonly MirrorPositionsSettings _positionsSettings;
        private readonly Dictionary<TopicPartitionRef, PartitionReplication> _partitions = new Dictionary<TopicPartitionRef, PartitionReplication>();
        private volatile bool _suspended;
        private volatile WriteFailure? _failure;
        private int _generation;

        // Set up by each run (a task's lifetime) and used only on the task's thread, except that delivery reports
        // capture the offset-sync writer of the run that sent the record.
        private IProducer<byte[]?, byte[]?>? _producer;
        private OffsetSyncWriter? _offsetSyncs;

        public SourceReplicator(Mm2FlowSettings settings, ClusterConnection source, ClusterConnection target, MirrorPositionsSettings positions, MirrorActivity activity)
            : base("records", settings, source, target, activity)
        {
            _positionsSettings = positions;
        }

        /// <summary>While true no record is copied; everything else (positions, offset syncs) carries on.</summary>
        public bool Suspended
        {
            get => _suspended;
            set => _suspended = value;
        }

        protected override void Run(CancellationToken stop)
        {
            using var sourceAdmin = MirrorClients.Admin(Source, stop);
            using var targetAdmin = MirrorClients.Admin(Target, stop);
            using var positions = new SourcePositionStore(Target, Settings.Source, _positionsSettings.Topic, Activity);
            IProducer<byte[]?, byte[]?>? syncProducer = null;
            IConsumer<byte[]?, byte[]?>? consumer = null;
            try
            {
                // A new lifetime: reports of an earlier run's producer no longer count.
                _failure = null;
                Interlocked.Increment(ref _generation);

                // MirrorSourceConnector.start: the offset-syncs topic first (single partition, compacted).
                _offsetSyncs = null;
                if (Settings.EmitOffsetSyncsEnabled)
                {
                    var syncsAdmin = OffsetSyncsCluster == Source ? sourceAdmin : targetAdmin;
                    TopicProvisioner.Ensure(syncsAdmin, Settings.OffsetSyncsTopic, 1, Settings.OffsetSyncsTopicReplicationFactor, TopicProvisioner.Compacted, Activity.Warn);
                    syncProducer = MirrorClients.RecordProducer(OffsetSyncsCluster, Activity.Diagnostics(Name, OffsetSyncsCluster), $"{Settings}-offset-syncs");
                    // Connected and with metadata before the first record: a cold producer holds the first ten syncs
                    // in flight for the whole first burst, and everything behind them coalesces.
                    using (var warmUp = new DependentAdminClientBuilder(syncProducer.Handle).Build())
                    {
                        warmUp.GetMetadata(Settings.OffsetSyncsTopic, MirrorClients.AdminTimeout);
                    }

                    var writerProducer = syncProducer;
                    _offsetSyncs = new OffsetSyncWriter(Settings.OffsetLagMax, (sync, done) => SendOffsetSync(writerProducer, sync, done));
                }

                // The Connect worker's offset topic, then the positions stored there by an earlier run.
                TopicProvisioner.Ensure(targetAdmin, positions.Topic, _positionsSettings.Partitions, _positionsSettings.ReplicationFactor, TopicProvisioner.Compacted, Activity.Warn);
                var stored = positions.Load(targetAdmin, TimeSpan.FromSeconds(60), stop);
                if (stored.Count > 0)
                {
                    Activity.Log($"{Name}: resuming {stored.Count} partition(s) from the positions in '{positions.Topic}' on '{Target.Alias}': "
                        + string.Join(", ", stored.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} after {kv.Value}")) + ".");
                }

                consumer = MirrorClients.Consumer(Source, Activity.Diagnostics(Name, Source), $"{Settings}-replication-consumer", Settings.Source + "-mm2", partitionEof: false);
                _producer = MirrorClients.DataProducer(Target, Activity.Diagnostics(Name, Target), $"{Settings}-producer");
                Loop(stop, sourceAdmin, targetAdmin, consumer, positions, stored);
            }
            finally
            {
                _partitions.Clear();
                consumer?.Dispose();
                _producer?.Dispose();
                _producer = null;

                // As MM2's producer close: the syncs promoted by the final commit go out before the task ends.
                syncProducer?.Flush(StopFlush);
                syncProducer?.Dispose();
            }
        }

        private void Loop(CancellationToken stop, KafkaAdmin sourceAdmin, KafkaAdmin targetAdmin, IConsumer<byte[]?, byte[]?> consumer, SourcePositionStore positions,
            IReadOnlyDictionary<TopicPartitionRef, long> stored)
        {
            var clock = Stopwatch.StartNew();
            var nextDiscovery = TimeSpan.Zero;
            var nextCommit = Settings.OffsetFlushInterval;
            var failures = 0;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var failure = _failure;
                    if (failure != null)
                    {
                        failures++;
                        Recover(failure, consumer, failures, stop);
                        continue;
                    }

                    if (clock.Elapsed >= nextDiscovery)
                    {
                        var ok = Discover(sourceAdmin, targetAdmin, consumer, stored);
                        if (ok)
                        {
                            Ready();
                        }

                        nextDiscovery = !ok ? clock.Elapsed + DiscoveryRetry
                            : Settings.RefreshTopicsEnabled ? clock.Elapsed + Settings.RefreshTopicsInterval
                            : TimeSpan.MaxValue;
                    }

                    if (clock.Elapsed >= nextCommit)
                    {
                        Commit(positions);
                        nextCommit = clock.Elapsed + Settings.OffsetFlushInterval;
                    }

                    if (_suspended || _partitions.Count == 0)
                    {
                        var untilDue = Min(nextDiscovery, nextCommit) - clock.Elapsed;
                        Wait(untilDue < PollTimeout ? untilDue : PollTimeout, stop);
                        continue;
                    }

                    // A failed write is handled before anything else is read: everything after it must be sent again.
                    var copied = 0;
                    var result = Consume(consumer, PollTimeout);
                    while (result != null && _failure == null)
                    {
                        Replicate(result, stop);
                        if (++copied >= BatchLimit)
                        {
                            break;
                        }

                        result = Consume(consumer, TimeSpan.Zero);
                    }

                    if (copied > 0)
                    {
                        failures = 0;
                    }
                }
            }
            finally
            {
                // Connect's final offset commit: wait for what is in flight, then store the position and the syncs.
                if (_failure == null && _producer != null && _producer.Flush(StopFlush) > 0)
                {
                    Activity.Log($"{Name}: records still unacknowledged at stop; they will be copied again next time.");
                }

                Commit(positions);
                if (!positions.Flush(StopFlush))
                {
                    Activity.Log($"{Name}: the position could not be stored at stop; the next run starts from the last stored one.");
                }
            }
        }

        private ConsumeResult<byte[]?, byte[]?>? Consume(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
        {
            try
            {
                return consumer.Consume(timeout);
            }
            catch (ConsumeException e)
            {
                Activity.Error(Name, $"reading from '{Source.Alias}' failed: {Source.Redact(e.Error.Reason)}");
                return null;
            }
        }

        private void Replicate(ConsumeResult<byte[]?, byte[]?> result, CancellationToken stop)
        {
            if (!_partitions.TryGetValue(new TopicPartitionRef(result.Topic, result.Partition.Value), out var partition))
            {
                // Dropped by a discovery while its records were in the consumer's queue.
                return;
            }

            var source = result.Message;
            var message = new Message<byte[]?, byte[]?>
            {
                Key = source.Key,
                Value = source.Value,
                Headers = source.Headers,

                // MM2 passes the record's timestamp on as the new record's (CreateTime), whatever its type was.
                Timestamp = source.Timestamp.Type == TimestampType.NotAvailable ? Timestamp.Default : new Timestamp(source.Timestamp.UnixTimestampMs, TimestampType.CreateTime),
            };
            var upstream = result.Offset.Value;
            var generation = _generation;
            var syncs = _offsetSyncs;
            var producer = _producer!;
            var unknownPartitionRetries = 0;
            while (true)
            {
                try
                {
                    producer.Produce(partition.Remote, message, report => Delivered(partition, upstream, generation, syncs, report));
                    break;
                }
                catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // The target is slower than the source, or away: wait for room (back-pressure), never drop.
                    if (!Wait(TimeSpan.FromMilliseconds(5), stop))
                    {
                        stop.ThrowIfCancellationRequested();
                    }
                }
                catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_UnknownPartition && unknownPartitionRetries++ < 50)
                {
                    // The remote topic just grew and the producer's metadata is older: ask again, then retry.
                    RefreshMetadata(producer, partition.Remote.Topic);
                    if (!Wait(TimeSpan.FromMilliseconds(100), stop))
                    {
                        stop.ThrowIfCancellationRequested();
                    }
                }
            }

            partition.Next = new Offset(upstream + 1);
        }

        private void Delivered(PartitionReplication partition, long upstream, int generation, OffsetSyncWriter? offsetSyncs, DeliveryReport<byte[]?, byte[]?> report)
        {
            if (report.Error.IsError)
            {
                if (generation == Volatile.Read(ref _generation) && _failure == null)
                {
                    _failure = new WriteFailure(partition, upstream, Target.Redact(report.Error.Reason));
                }

                return;
            }

            partition.Acknowledged(upstream);
            Activity.Replicated();
            if (offsetSyncs != null)
            {
                offsetSyncs.MaybeQueueOffsetSyncs(partition.Source.Topic, partition.Source.Partition.Value, upstream, report.Offset.Value);
                offsetSyncs.FirePendingOffsetSyncs();
            }
        }

        /// <summary>
        /// A record the target refused: like Connect restarting the task, drop the producer, go back to the last
        /// acknowledged record of every partition and start again after a back-off. Records the target had accepted
        /// after the refused one (none, with an idempotent producer) would be written twice, never lost.
        /// </summary>
        private void Recover(WriteFailure failure, IConsumer<byte[]?, byte[]?> consumer, int failures, CancellationToken stop)
        {
            Activity.Error(Name, $"writing {failure.Partition.Source.Topic}-{failure.Partition.Source.Partition.Value} offset {failure.UpstreamOffset} to '{failure.Partition.Remote.Topic}' on '{Target.Alias}' failed: {failure.Reason}; "
                + "going back to the last acknowledged record and trying again.");
            Interlocked.Increment(ref _generation);
            _producer!.Dispose();
            _producer = null;
            foreach (var partition in _partitions.Values)
            {
                partition.RewindToAcknowledged();
            }

            Wait(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (1 << Math.Min(failures, 5)))), stop);
            _producer = MirrorClients.DataProducer(Target, Activity.Diagnostics(Name, Target), $"{Settings}-producer");
            Assign(consumer);
            _failure = null;
        }

        /// <summary>
        /// MirrorSourceConnector's topic refresh: the source topics the filter accepts, their remote topics created or grown,
        /// and the consumer assigned every partition from its stored position (or the beginning). False when a cluster could
        /// not be asked; what was known keeps replicating.
        /// </summary>
        private bool Discover(KafkaAdmin sourceAdmin, KafkaAdmin targetAdmin, IConsumer<byte[]?, byte[]?> consumer, IReadOnlyDictionary<TopicPartitionRef, long> stored)
        {
            Dictionary<string, int> wanted;
            Dictionary<string, int> remote;
            try
            {
                wanted = sourceAdmin.GetMetadata().Topics
                    .Where(t => t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0 && Filter.ShouldReplicateTopic(t.Topic))
                    .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
                remote = targetAdmin.GetMetadata().Topics
                    .Where(t => t.Error.Code == ErrorCode.NoError)
                    .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is Core.Errors.Mm2DrException || e is KafkaException)
            {
                Fail("looking for topics to replicate", e);
                return false;
            }

            var complete = true;
            var changed = false;
            foreach (var topic in wanted.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var remoteTopic = Filter.RemoteTopic(topic.Key);
                try
                {
                    if (!remote.TryGetValue(remoteTopic, out var remotePartitions))
                    {
                        TopicProvisioner.Ensure(targetAdmin, remoteTopic, topic.Value, (short)Settings.ReplicationFactor, null, Activity.Warn);
                        Activity.Log($"{Name}: created '{remoteTopic}' on '{Target.Alias}' with {topic.Value} partition(s).");
                    }
                    else if (remotePartitions < topic.Value)
                    {
                        TopicProvisioner.GrowTo(targetAdmin, remoteTopic, topic.Value);
                        RefreshMetadata(_producer!, remoteTopic);
                        Activity.Log($"{Name}: grew '{remoteTopic}' on '{Target.Alias}' to {topic.Value} partition(s).");
                    }
                }
                catch (Exception e) when (e is Core.Errors.Mm2DrException || e is KafkaException)
                {
                    Fail($"preparing '{remoteTopic}' on '{Target.Alias}'", e);
                    complete = false;
                    continue;
                }

                for (var p = 0; p < topic.Value; p++)
                {
                    var key = new TopicPartitionRef(topic.Key, p);
                    if (_partitions.ContainsKey(key))
                    {
                        continue;
                    }

                    // MirrorSourceTask.initializeConsumer: after the stored position, else auto.offset.reset (earliest).
                    var start = stored.TryGetValue(key, out var last) && last >= 0 ? new Offset(last + 1) : Offset.Beginning;
                    _partitions.Add(key, new PartitionReplication(topic.Key, p, remoteTopic, start, stored.TryGetValue(key, out var acked) ? acked : -1));
                    changed = true;
                }

                Activity.Replicating(remoteTopic);
            }

            foreach (var gone in _partitions.Where(kv => !wanted.TryGetValue(kv.Key.Topic, out var count) || kv.Key.Partition >= count).Select(kv => kv.Key).ToList())
            {
                Activity.NotReplicating(_partitions[gone].Remote.Topic);
                _partitions.Remove(gone);
                changed = true;
            }

            if (changed)
            {
                Assign(consumer);
            }

            return complete;
        }

        /// <summary>Assigns every known partition at its own next offset (a reassignment drops only the prefetched queue).</summary>
        private void Assign(IConsumer<byte[]?, byte[]?> consumer)
            => consumer.Assign(_partitions.Values.Select(p => new TopicPartitionOffset(p.Source, p.Next)).ToList());

        /// <summary>MirrorSourceTask.commit() after Connect's offset flush: store positions, promote and send the delayed syncs.</summary>
        private void Commit(SourcePositionStore positions)
        {
            var acknowledged = new Dictionary<TopicPartitionRef, long>();
            foreach (var kv in _partitions)
            {
                var last = kv.Value.LastAcknowledged;
                if (last >= 0)
                {
                    acknowledged[kv.Key] = last;
                }
            }

            try
            {
                positions.Store(acknowledged);
            }
            catch (KafkaException e)
            {
                Fail("storing the position", e);
            }

            _offsetSyncs?.PromoteDelayedOffsetSyncs();
            _offsetSyncs?.FirePendingOffsetSyncs();
        }

        private void SendOffsetSync(IProducer<byte[]?, byte[]?> producer, OffsetSync sync, Action done)
        {
            try
            {
                var message = new Message<byte[]?, byte[]?> { Key = OffsetSyncCodec.EncodeKey(sync), Value = OffsetSyncCodec.EncodeValue(sync) };
                producer.Produce(new TopicPartition(Settings.OffsetSyncsTopic, 0), message, report =>
                {
                    if (report.Error.IsError)
                    {
                        Activity.Error(Name, $"sending offset sync {sync} to '{Settings.OffsetSyncsTopic}' on '{OffsetSyncsCluster.Alias}' failed: {OffsetSyncsCluster.Redact(report.Error.Reason)}");
                    }
                    else
                    {
                        Activity.OffsetSyncWritten();
                    }

                    done();
                });
            }
            catch (Exception e) when (e is KafkaException || e is ObjectDisposedException)
            {
                Activity.Error(Name, $"sending offset sync {sync} failed: {e.Message}");
                done();
            }
        }

        private static void RefreshMetadata(IProducer<byte[]?, byte[]?> producer, string topic)
        {
            try
            {
                using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
                admin.GetMetadata(topic, MirrorClients.AdminTimeout);
            }
            catch (KafkaException)
            {
                // The retry will tell.
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private sealed class WriteFailure
        {
            public WriteFailure(PartitionReplication partition, long upstreamOffset, string reason)
            {
                Partition = partition;
                UpstreamOffset = upstreamOffset;
                Reason = reason;
            }

            public PartitionReplication Partition { get; }

            public long UpstreamOffset { get; }

            public string Reason { get; }
        }
    }
}

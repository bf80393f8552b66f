using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Serialization;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Core.Consume
{
    /// <summary>
    /// Streams records from topics to the caller's thread, one at a time (never a list, so memory stays flat).
    /// Without a group it assigns partitions itself and commits nothing. With a group it joins, and commits what
    /// the caller has processed, including when the read is stopped.
    /// </summary>
    public sealed class TopicReader
    {
        private readonly ClusterConnection _cluster;
        private readonly TopicReadOptions _options;
        private readonly ReplicationPolicy _policy;

        public TopicReader(ClusterConnection cluster, TopicReadOptions options, ReplicationPolicy policy)
        {
            _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _policy = policy ?? throw new ArgumentNullException(nameof(policy));
            options.Validate();
        }

        /// <summary>Filled in as the read goes; complete once the enumeration has ended.</summary>
        public ReadSummary Summary { get; } = new ReadSummary();

        /// <summary>Receives notes for -Verbose, on the reading thread.</summary>
        public Action<string>? Verbose { get; set; }

        public IEnumerable<KafkaRecord> Read(CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            Summary.Cluster = _cluster.Alias;
            Summary.Topics = _options.TopicNames;
            Summary.Group = _options.Group;

            var plan = PlanPartitions(cancellation);
            var diagnostics = new KafkaClientDiagnostics(_cluster);
            var groupId = _options.Group ?? "mm2dr-reader-" + Guid.NewGuid().ToString("N");
            var tuning = new Dictionary<string, string>
            {
                // No group: the consumer never joins or commits, so the read leaves no trace on the cluster.
                ["enable.auto.commit"] = "false",
            };

            var processed = new Dictionary<TopicPartitionRef, long>();
            var lastCommitted = new Dictionary<TopicPartitionRef, long>();
            var done = new HashSet<TopicPartitionRef>();
            var assigned = new HashSet<TopicPartitionRef>();
            var everAssigned = new HashSet<TopicPartitionRef>();
            var subscribe = _options.Group != null && _options.Partitions == null;
            var consumer = KafkaClientFactory.CreateConsumer(_cluster, diagnostics, groupId, _options.RequestTimeout, tuning, builder =>
            {
                if (!subscribe)
                {
                    return;
                }

                // Rebalance callbacks run inside Consume(), i.e. on this reading thread.
                builder.SetPartitionsAssignedHandler((c, partitions) =>
                {
                    var offsets = new List<TopicPartitionOffset>();
                    foreach (var tp in partitions)
                    {
                        var key = new TopicPartitionRef(tp.Topic, tp.Partition.Value);
                        assigned.Add(key);
                        var first = everAssigned.Add(key);
                        // An explicit -From applies when this read first gets a partition; after a rebalance it continues from commits.
                        var start = first && _options.From != ReadStart.Committed && plan.StartOffsets.TryGetValue(key, out var s) ? s : Offset.Unset;
                        offsets.Add(new TopicPartitionOffset(tp, start));
                    }

                    Note($"Group '{_options.Group}' assigned {string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]"))}.");
                    return offsets;
                });
                builder.SetPartitionsRevokedHandler((c, partitions) =>
                {
                    var revoked = partitions.Select(p => new TopicPartitionRef(p.Topic, p.Partition.Value)).ToList();
                    var mine = processed.Where(kv => revoked.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
                    Commit(c, mine, lastCommitted);
                    foreach (var r in revoked)
                    {
                        assigned.Remove(r);
                    }
                });
                builder.SetPartitionsLostHandler((c, partitions) =>
                {
                    foreach (var p in partitions)
                    {
                        assigned.Remove(new TopicPartitionRef(p.Topic, p.Partition.Value));
                    }
                });
            });
            var lastCommit = Stopwatch.StartNew();
            var lastMessage = Stopwatch.StartNew();
            var stopReason = ReadStopReason.Idle;
            try
            {
                if (_options.Group == null || _options.Partitions != null)
                {
                    var start = plan.StartOffsets.Select(kv => new TopicPartitionOffset(kv.Key.Topic, kv.Key.Partition, kv.Value)).ToList();
                    consumer.Assign(start);
                    foreach (var tp in plan.StartOffsets.Keys)
                    {
                        assigned.Add(tp);
                        everAssigned.Add(tp);
                    }

                    Note($"Assigned {start.Count} partition(s) of {string.Join(", ", _options.TopicNames)} on {_cluster.Alias}.");
                }
                else
                {
                    consumer.Subscribe(_options.TopicNames);
                    Note($"Joining group '{_options.Group}' on {_cluster.Alias} for {string.Join(", ", _options.TopicNames)}.");
                }

                MarkEmptyPartitionsDone(plan, done, everAssigned);
                while (true)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        stopReason = ReadStopReason.Cancelled;
                        break;
                    }

                    if (_options.MaxMessages is long max && Summary.Records >= max)
                    {
                        stopReason = ReadStopReason.MaxMessages;
                        break;
                    }

                    if (!_options.Follow && everAssigned.Count > 0 && assigned.All(done.Contains) && assigned.Count > 0)
                    {
                        stopReason = ReadStopReason.ReachedEnd;
                        break;
                    }

                    if (_options.IdleTimeout is TimeSpan idle && lastMessage.Elapsed >= idle)
                    {
                        stopReason = ReadStopReason.Idle;
                        break;
                    }

                    if (_options.Group != null && lastCommit.Elapsed >= _options.CommitInterval)
                    {
                        Commit(consumer, processed, lastCommitted);
                        lastCommit.Restart();
                    }

                    ConsumeResult<byte[]?, byte[]?>? result;
                    try
                    {
                        result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    }
                    catch (ConsumeException ex)
                    {
                        throw TranslateConsumeError(ex);
                    }

                    if (result == null)
                    {
                        continue;
                    }

                    var tp = new TopicPartitionRef(result.Topic, result.Partition.Value);
                    if (result.IsPartitionEOF)
                    {
                        done.Add(tp);
                        continue;
                    }

                    if (!_options.Follow && plan.EndOffsets.TryGetValue(tp, out var end) && result.Offset.Value >= end)
                    {
                        // Written after the read began; a bounded read stops at the end it captured.
                        done.Add(tp);
                        continue;
                    }

                    lastMessage.Restart();
                    var record = ToRecord(result);
                    yield return record;

                    Summary.Records++;
                    processed[tp] = result.Offset.Value + 1;
                    if (!_options.Follow && plan.EndOffsets.TryGetValue(tp, out var captured) && result.Offset.Value + 1 >= captured)
                    {
                        done.Add(tp);
                    }
                }
            }
            finally
            {
                Summary.StopReason = cancellation.IsCancellationRequested ? ReadStopReason.Cancelled : stopReason;
                Summary.Unfinished = _options.Follow ? Array.Empty<TopicPartitionRef>() : everAssigned.Where(tp => !done.Contains(tp)).OrderBy(tp => tp).ToArray();
                try
                {
                    if (_options.Group != null)
                    {
                        Commit(consumer, processed, lastCommitted);
                    }
                }
                finally
                {
                    Summary.Committed = new Dictionary<TopicPartitionRef, long>(lastCommitted);
                    Summary.LastClientError = diagnostics.LastError;
                    Summary.Elapsed = clock.Elapsed;
                    CloseQuietly(consumer);
                }
            }
        }

        private void MarkEmptyPartitionsDone(PartitionPlan plan, HashSet<TopicPartitionRef> done, HashSet<TopicPartitionRef> everAssigned)
        {
            if (_options.Follow)
            {
                return;
            }

            foreach (var kv in plan.StartOffsets)
            {
                if (plan.EndOffsets.TryGetValue(kv.Key, out var end) && plan.LowOffsets.TryGetValue(kv.Key, out var low))
                {
                    var start = kv.Value == Offset.End ? end : kv.Value == Offset.Beginning ? low : kv.Value.Value;
                    if (start >= end && kv.Value != Offset.Stored)
                    {
                        done.Add(kv.Key);
                    }
                }
            }
        }

        private KafkaRecord ToRecord(ConsumeResult<byte[]?, byte[]?> result)
        {
            var message = result.Message;
            var record = new KafkaRecord
            {
                Cluster = _cluster.Alias,
                Topic = result.Topic,
                Partition = result.Partition.Value,
                Offset = result.Offset.Value,
                Timestamp = message.Timestamp.UtcDateTime,
                TimestampType = message.Timestamp.Type == TimestampType.LogAppendTime ? "LogAppendTime" : "CreateTime",
                KeyBytes = message.Key,
                ValueBytes = message.Value,
            };

            if (message.Headers != null && message.Headers.Count > 0)
            {
                var headers = new KafkaHeader[message.Headers.Count];
                for (var i = 0; i < headers.Length; i++)
                {
                    var h = message.Headers[i];
                    headers[i] = new KafkaHeader(h.Key, h.GetValueBytes());
                }

                record.HeaderList = headers;
            }

            switch (_options.Format)
            {
                case ValueFormat.Bytes:
                    record.Value = message.Value;
                    break;
                case ValueFormat.Json when message.Value != null:
                    try
                    {
                        record.Value = JsonValueReader.Parse(message.Value);
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        Summary.NonJsonValues++;
                        record.Value = Encoding.UTF8.GetString(message.Value);
                    }

                    break;
                default:
                    // Text is decoded lazily by KafkaRecord.Value.
                    break;
            }

            return record;
        }

        private void Commit(IConsumer<byte[]?, byte[]?> consumer, Dictionary<TopicPartitionRef, long> processed, Dictionary<TopicPartitionRef, long> lastCommitted)
        {
            var pending = processed.Where(kv => !lastCommitted.TryGetValue(kv.Key, out var c) || c != kv.Value)
                .Select(kv => new TopicPartitionOffset(kv.Key.Topic, kv.Key.Partition, kv.Value))
                .ToList();
            if (pending.Count == 0)
            {
                return;
            }

            try
            {
                consumer.Commit(pending);
                foreach (var p in pending)
                {
                    lastCommitted[new TopicPartitionRef(p.Topic, p.Partition.Value)] = p.Offset.Value;
                }
            }
            catch (KafkaException ex)
            {
                Summary.CommitError = $"Committing offsets of group '{_options.Group}' on {_cluster.Alias} failed: {_cluster.Redact(ex.Error.Reason)} ({ex.Error.Code}).";
            }
        }

        private Mm2DrException TranslateConsumeError(ConsumeException ex)
        {
            var target = ex.ConsumerRecord != null ? new TopicPartitionRef(ex.ConsumerRecord.Topic, ex.ConsumerRecord.Partition.Value) : (object)string.Join(",", _options.TopicNames);
            var translated = KafkaErrorTranslator.Translate(_cluster, ex.Error, "Reading", target, null, ex);
            return translated.ErrorId == ErrorIds.KafkaError
                ? new Mm2DrException(ErrorIds.ConsumeFailed, ErrorKind.OperationFailed, translated.Message, target, ex)
                : translated;
        }

        private void Note(string message) => Verbose?.Invoke(message);

        private static void CloseQuietly(IConsumer<byte[]?, byte[]?> consumer)
        {
            try
            {
                consumer.Close();
            }
            catch (KafkaException)
            {
                // Leaving the group is best effort (the coordinator may be gone); the session timeout covers it.
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                consumer.Dispose();
            }
        }

        private PartitionPlan PlanPartitions(CancellationToken cancellation)
        {
            using var admin = new KafkaAdmin(_cluster, _options.RequestTimeout, cancellation);
            var catalog = new TopicCatalog(admin, _policy);
            var partitions = new List<TopicPartition>();
            foreach (var topic in _options.TopicNames)
            {
                KafkaTopicInfo info;
                try
                {
                    info = catalog.Get(topic, withWatermarks: false);
                }
                catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.TopicNotFound && _cluster.Role == ClusterRole.DR)
                {
                    throw new Mm2DrException(ex.ErrorId, ex.Kind, ex.Message + " On the DR cluster MM2 names replicated topics '<source>" + _policy.Separator + "<topic>'; has it replicated this one yet?", topic, ex);
                }

                var selected = _options.Partitions == null
                    ? info.Partitions.Select(p => p.Partition)
                    : _options.Partitions.Select(p => info.Partitions.Any(x => x.Partition == p)
                        ? p
                        : throw new Mm2DrException(ErrorIds.PartitionNotFound, ErrorKind.NotFound,
                            $"Topic '{topic}' on cluster '{_cluster.Alias}' has partitions 0..{info.PartitionCount - 1}; partition {p} does not exist.",
                            new TopicPartitionRef(topic, p)));
                partitions.AddRange(selected.Select(p => new TopicPartition(topic, p)));
            }

            var low = catalog.ListOffsets(partitions, OffsetSpec.Earliest());
            var high = catalog.ListOffsets(partitions, OffsetSpec.Latest());
            IReadOnlyDictionary<TopicPartitionRef, long>? byTime = null;
            if (_options.From == ReadStart.Timestamp)
            {
                byTime = catalog.ListOffsets(partitions, OffsetSpec.ForTimestamp(_options.Timestamp.ToUnixTimeMilliseconds()));
            }

            var start = new Dictionary<TopicPartitionRef, Offset>();
            foreach (var tp in partitions)
            {
                var key = new TopicPartitionRef(tp.Topic, tp.Partition.Value);
                switch (_options.From)
                {
                    case ReadStart.Beginning:
                        start[key] = Offset.Beginning;
                        break;
                    case ReadStart.End:
                        start[key] = high.TryGetValue(key, out var h) ? new Offset(h) : Offset.End;
                        break;
                    case ReadStart.Offset:
                        start[key] = new Offset(_options.Offset);
                        break;
                    case ReadStart.Timestamp:
                        start[key] = byTime!.TryGetValue(key, out var t) && t >= 0 ? new Offset(t) : (high.TryGetValue(key, out var e) ? new Offset(e) : Offset.End);
                        break;
                    default:
                        start[key] = Offset.Stored;
                        break;
                }
            }

            return new PartitionPlan(start, low, high);
        }

        private sealed class PartitionPlan
        {
            public PartitionPlan(IReadOnlyDictionary<TopicPartitionRef, Offset> startOffsets, IReadOnlyDictionary<TopicPartitionRef, long> lowOffsets, IReadOnlyDictionary<TopicPartitionRef, long> endOffsets)
            {
                StartOffsets = startOffsets;
                LowOffsets = lowOffsets;
                EndOffsets = endOffsets;
            }

            public IReadOnlyDictionary<TopicPartitionRef, Offset> StartOffsets { get; }

            public IReadOnlyDictionary<TopicPartitionRef, long> LowOffsets { get; }

            public IReadOnlyDictionary<TopicPartitionRef, long> EndOffsets { get; }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Serialization;

namespace Mm2Dr.Core.Consume
{
    /// <summary>
    /// Owns one consumer on a thread of its own and hands records over through a bounded channel, so that
    /// librdkafka's per-message work overlaps with whatever the caller does with each record (a PowerShell pipeline
    /// is the slow half). The consumer is touched only by this thread: rebalance callbacks, commits and close
    /// all happen here. It commits only what the caller reports as processed, and only for partitions it still owns.
    /// </summary>
    internal sealed class ConsumerLoop : IDisposable
    {
        // Records cross threads in batches: one wake-up per batch instead of one per record, which on a small machine
        // is the difference between the reader keeping up with librdkafka or spending its time on context switches.
        private const int BatchSize = 256;
        private const int BatchesQueued = 16;
        private readonly ClusterConnection _cluster;
        private readonly TopicReadOptions _options;
        private readonly PartitionPlan _plan;
        // The caller publishes what it has processed as an immutable snapshot: a lock per record on the caller's
        // thread (a shared dictionary) cost more than the rest of the hand-over together.
        private IReadOnlyDictionary<TopicPartitionRef, long> _processed = new Dictionary<TopicPartitionRef, long>();
        private readonly Channel<KafkaRecord[]> _channel;
        private readonly List<KafkaRecord> _batch = new List<KafkaRecord>(BatchSize);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> _notes = new ConcurrentQueue<string>();
        private readonly Dictionary<TopicPartitionRef, long> _committed = new Dictionary<TopicPartitionRef, long>();
        private readonly HashSet<TopicPartitionRef> _done = new HashSet<TopicPartitionRef>();
        private readonly HashSet<TopicPartitionRef> _assigned = new HashSet<TopicPartitionRef>();
        private readonly HashSet<TopicPartitionRef> _everAssigned = new HashSet<TopicPartitionRef>();
        private readonly KafkaClientDiagnostics _diagnostics;
        private Thread? _thread;
        private long _nonJsonValues;

        public ConsumerLoop(ClusterConnection cluster, TopicReadOptions options, PartitionPlan plan)
        {
            _cluster = cluster;
            _options = options;
            _plan = plan;
            _diagnostics = new KafkaClientDiagnostics(cluster);
            _channel = Channel.CreateBounded<KafkaRecord[]>(new BoundedChannelOptions(BatchesQueued) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        }

        /// <summary>Records in batches, in the order librdkafka delivered them.</summary>
        public ChannelReader<KafkaRecord[]> Records => _channel.Reader;

        /// <summary>Set when the loop ended on a failure; the caller rethrows it on its own thread.</summary>
        public Exception? Failure { get; private set; }

        public ReadStopReason StopReason { get; private set; } = ReadStopReason.Idle;

        public IReadOnlyDictionary<TopicPartitionRef, long> Committed => _committed;

        public IReadOnlyList<TopicPartitionRef> Unfinished => _options.Follow ? Array.Empty<TopicPartitionRef>() : _everAssigned.Where(tp => !_done.Contains(tp)).OrderBy(tp => tp).ToArray();

        public string? CommitError { get; private set; }

        public string? LastClientError => _diagnostics.LastError;

        public long NonJsonValues => Interlocked.Read(ref _nonJsonValues);

        public bool TryDequeueNote(out string note) => _notes.TryDequeue(out note!);

        /// <summary>Called by the caller's thread: the next offset to read per partition, for everything it has processed.</summary>
        public void Processed(IReadOnlyDictionary<TopicPartitionRef, long> snapshot) => Volatile.Write(ref _processed, snapshot);

        private IReadOnlyDictionary<TopicPartitionRef, long> ProcessedSoFar => Volatile.Read(ref _processed);

        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "mm2dr-reader " + string.Join(",", _options.TopicNames) };
            _thread.Start();
        }

        /// <summary>Asks the loop to finish: it commits what was processed, closes the consumer and completes the channel.</summary>
        public void Stop() => _stop.Cancel();

        /// <summary>Waits for the loop's thread; leaving the group can take a few seconds when the coordinator is gone.</summary>
        public bool Join(TimeSpan timeout) => _thread == null || _thread.Join(timeout);

        private void Run()
        {
            IConsumer<byte[]?, byte[]?>? consumer = null;
            try
            {
                consumer = Create();
                Attach(consumer);
                Loop(consumer);
            }
            catch (Exception ex)
            {
                Failure = ex;
            }

            // No more records: the caller drains what is queued. The final commit must wait until it says it is done.
            _channel.Writer.TryComplete();
            if (consumer == null)
            {
                return;
            }

            try
            {
                Hold(consumer);
            }
            finally
            {
                if (_options.Group != null)
                {
                    Commit(consumer, ProcessedSoFar.Where(kv => _assigned.Contains(kv.Key)));
                }

                Close(consumer);
            }
        }

        /// <summary>
        /// Keeps the consumer alive, fetching nothing, until the caller stops: polling serves rebalances and keeps
        /// the member within max.poll.interval.ms while the caller works through the queued records.
        /// </summary>
        private void Hold(IConsumer<byte[]?, byte[]?> consumer)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var lastCommit = Stopwatch.StartNew();
            try
            {
                consumer.Pause(consumer.Assignment);
                while (!_stop.IsCancellationRequested)
                {
                    consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (_options.Group != null && lastCommit.Elapsed >= _options.CommitInterval)
                    {
                        Commit(consumer, ProcessedSoFar.Where(kv => _assigned.Contains(kv.Key)));
                        lastCommit.Restart();
                    }
                }
            }
            catch (KafkaException)
            {
                // The read is over; errors now (a broker going away) change nothing the caller will see.
            }
        }

        private IConsumer<byte[]?, byte[]?> Create()
        {
            var groupId = _options.Group ?? "mm2dr-reader-" + Guid.NewGuid().ToString("N");
            // The factory turns auto-commit off: without a group the consumer never joins or commits, so the read leaves
            // no trace on the cluster.
            var tuning = new Dictionary<string, string>
            {
                // A pipeline slower than the network fills librdkafka's local queue; librdkafka then waits
                // fetch.queue.backoff.ms (1 s by default) before fetching again, and the reader stalls in bursts.
                ["fetch.queue.backoff.ms"] = "20",
                ["queued.max.messages.kbytes"] = "32768",
            };

            return KafkaClientFactory.CreateConsumer(_cluster, _diagnostics, groupId, _options.RequestTimeout, tuning, builder =>
            {
                if (!Subscribes)
                {
                    return;
                }

                builder.SetPartitionsAssignedHandler((c, partitions) =>
                {
                    var offsets = new List<TopicPartitionOffset>();
                    foreach (var tp in partitions)
                    {
                        var key = new TopicPartitionRef(tp.Topic, tp.Partition.Value);
                        _assigned.Add(key);
                        var first = _everAssigned.Add(key);
                        if (first && !_options.Follow && _plan.IsEmptyFromStart(key))
                        {
                            _done.Add(key);
                        }

                        // An explicit -From applies when this read first gets a partition; after a rebalance it continues from commits.
                        var start = first && _options.From != ReadStart.Committed && _plan.StartOffsets.TryGetValue(key, out var s) ? s : Offset.Unset;
                        offsets.Add(new TopicPartitionOffset(tp, start));
                    }

                    _notes.Enqueue($"Group '{_options.Group}' assigned {string.Join(", ", partitions.Select(p => $"{p.Topic}[{p.Partition.Value}]"))}.");
                    return offsets;
                });
                builder.SetPartitionsRevokedHandler((c, partitions) =>
                {
                    var revoked = new HashSet<TopicPartitionRef>(partitions.Select(p => new TopicPartitionRef(p.Topic, p.Partition.Value)));
                    // Hand the new owner our position; records of these partitions still queued for the caller may be re-read.
                    Commit(c, ProcessedSoFar.Where(kv => revoked.Contains(kv.Key)));
                    _assigned.ExceptWith(revoked);
                });
                builder.SetPartitionsLostHandler((c, partitions) =>
                {
                    foreach (var p in partitions)
                    {
                        _assigned.Remove(new TopicPartitionRef(p.Topic, p.Partition.Value));
                    }
                });
            });
        }

        private bool Subscribes => _options.Group != null && _options.Partitions == null;

        private void Attach(IConsumer<byte[]?, byte[]?> consumer)
        {
            if (Subscribes)
            {
                consumer.Subscribe(_options.TopicNames);
                _notes.Enqueue($"Joining group '{_options.Group}' on {_cluster.Alias} for {string.Join(", ", _options.TopicNames)}.");
                return;
            }

            consumer.Assign(_plan.StartOffsets.Select(kv => new TopicPartitionOffset(kv.Key.Topic, kv.Key.Partition, kv.Value)));
            foreach (var tp in _plan.StartOffsets.Keys)
            {
                _assigned.Add(tp);
                _everAssigned.Add(tp);
                if (!_options.Follow && _plan.IsEmptyFromStart(tp))
                {
                    _done.Add(tp);
                }
            }

            _notes.Enqueue($"Assigned {_plan.StartOffsets.Count} partition(s) of {string.Join(", ", _options.TopicNames)} on {_cluster.Alias}.");
        }

        private void Loop(IConsumer<byte[]?, byte[]?> consumer)
        {
            var lastCommit = Stopwatch.StartNew();
            var idleSince = Stopwatch.StartNew();
            while (!_stop.IsCancellationRequested)
            {
                if (!_options.Follow && _assigned.Count > 0 && _assigned.All(_done.Contains))
                {
                    StopReason = ReadStopReason.ReachedEnd;
                    Flush();
                    return;
                }

                if (_options.IdleTimeout is TimeSpan idle && idleSince.Elapsed >= idle)
                {
                    StopReason = ReadStopReason.Idle;
                    Flush();
                    return;
                }

                if (_options.Group != null && lastCommit.Elapsed >= _options.CommitInterval)
                {
                    Commit(consumer, ProcessedSoFar.Where(kv => _assigned.Contains(kv.Key)));
                    lastCommit.Restart();
                }

                ConsumeResult<byte[]?, byte[]?>? result;
                try
                {
                    // With records waiting to be handed over, only take what librdkafka already has.
                    result = consumer.Consume(_batch.Count > 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(100));
                }
                catch (ConsumeException ex)
                {
                    Flush();
                    throw Translate(ex);
                }

                if (result == null)
                {
                    if (_batch.Count > 0)
                    {
                        if (!Flush())
                        {
                            return;
                        }

                        // Idle means waiting for the cluster, not for the caller, so the clock restarts after a hand-over.
                        idleSince.Restart();
                    }

                    continue;
                }

                var tp = new TopicPartitionRef(result.Topic, result.Partition.Value);
                if (result.IsPartitionEOF)
                {
                    _done.Add(tp);
                    continue;
                }

                var hasEnd = _plan.EndOffsets.TryGetValue(tp, out var end);
                if (!_options.Follow && hasEnd && result.Offset.Value >= end)
                {
                    // Written after the read began; a bounded read stops at the end it captured.
                    _done.Add(tp);
                    continue;
                }

                idleSince.Restart();
                _batch.Add(ToRecord(result));
                if (_batch.Count >= BatchSize && !Flush())
                {
                    return;
                }

                if (!_options.Follow && hasEnd && result.Offset.Value + 1 >= end)
                {
                    _done.Add(tp);
                }
            }
        }

        /// <summary>Hands the batch to the caller, waiting while the queue is full; false when asked to stop meanwhile.</summary>
        private bool Flush()
        {
            if (_batch.Count == 0)
            {
                return true;
            }

            var batch = _batch.ToArray();
            _batch.Clear();
            var writer = _channel.Writer;
            while (!writer.TryWrite(batch))
            {
                try
                {
                    if (!writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
                    {
                        return false;
                    }
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            return true;
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
                        Interlocked.Increment(ref _nonJsonValues);
                        record.Value = Encoding.UTF8.GetString(message.Value);
                    }

                    break;
                default:
                    // Text is decoded lazily by KafkaRecord.Value.
                    break;
            }

            return record;
        }

        private void Commit(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<KeyValuePair<TopicPartitionRef, long>> processed)
        {
            var pending = processed.Where(kv => !_committed.TryGetValue(kv.Key, out var c) || c != kv.Value)
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
                    _committed[new TopicPartitionRef(p.Topic, p.Partition.Value)] = p.Offset.Value;
                }
            }
            catch (KafkaException ex)
            {
                CommitError = $"Committing offsets of group '{_options.Group}' on {_cluster.Alias} failed: {_cluster.Redact(ex.Error.Reason)} ({ex.Error.Code}).";
            }
        }

        private Mm2DrException Translate(ConsumeException ex)
        {
            var target = ex.ConsumerRecord != null ? new TopicPartitionRef(ex.ConsumerRecord.Topic, ex.ConsumerRecord.Partition.Value) : (object)string.Join(",", _options.TopicNames);
            var translated = KafkaErrorTranslator.Translate(_cluster, ex.Error, "Reading", target, _diagnostics, ex);
            return translated.ErrorId == ErrorIds.KafkaError
                ? new Mm2DrException(ErrorIds.ConsumeFailed, ErrorKind.OperationFailed, translated.Message, target, ex)
                : translated;
        }

        private static void Close(IConsumer<byte[]?, byte[]?> consumer)
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

        public void Dispose() => _stop.Dispose();
    }
}

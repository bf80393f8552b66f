using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Produce
{
    /// <summary>
    /// One producer run against one topic. Delivery callbacks arrive on librdkafka's threads; they only count and
    /// queue. The owner drains reports on its own thread (<see cref="DrainReports"/>), so a PowerShell pipeline is
    /// never written from a native thread. Every message is accounted for: delivered, failed or unconfirmed.
    /// </summary>
    public sealed class MessageProducer : IDisposable
    {
        private const int MaxQueuedFailures = 10000;
        private readonly ClusterConnection _cluster;
        private readonly ProducerOptions _options;
        private readonly IProducer<byte[]?, byte[]?> _producer;
        private readonly Action<DeliveryReport<byte[]?, byte[]?>> _onDelivery;
        private readonly ConcurrentQueue<DeliveryResult> _reports = new ConcurrentQueue<DeliveryResult>();
        private readonly Stopwatch _clock = new Stopwatch();
        private long _sent;
        private long _delivered;
        private long _failed;
        private long _bytes;
        private long _droppedFailureReports;
        private string? _firstError;

        public MessageProducer(ClusterConnection cluster, ProducerOptions options)
        {
            _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            Diagnostics = new KafkaClientDiagnostics(cluster);
            _producer = KafkaClientFactory.CreateProducer(cluster, Diagnostics, options.DeliveryTimeout, options.ClientSettings());
            _onDelivery = OnDelivery;
        }

        public KafkaClientDiagnostics Diagnostics { get; }

        public long Sent => Interlocked.Read(ref _sent);

        public long Delivered => Interlocked.Read(ref _delivered);

        public long Failed => Interlocked.Read(ref _failed);

        public long InFlight => Sent - Delivered - Failed;

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>
        /// Hands one message to librdkafka. Blocks (polling the token) while librdkafka's local queue is full, so a
        /// fast source slows down instead of failing. The message's buffers may be reused once this returns.
        /// </summary>
        public void Send(OutgoingMessage message, CancellationToken cancellation)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
            }

            var kafkaMessage = new Message<byte[]?, byte[]?> { Key = message.Key, Value = message.Value };
            if (message.Headers != null && message.Headers.Count > 0)
            {
                var headers = new Headers();
                foreach (var h in message.Headers)
                {
                    headers.Add(h.Key, h.Value);
                }

                kafkaMessage.Headers = headers;
            }

            if (message.Timestamp is DateTimeOffset ts)
            {
                kafkaMessage.Timestamp = new Timestamp(ts);
            }

            while (true)
            {
                try
                {
                    if (message.Partition is int partition)
                    {
                        _producer.Produce(new TopicPartition(_options.Topic, partition), kafkaMessage, _onDelivery);
                    }
                    else
                    {
                        _producer.Produce(_options.Topic, kafkaMessage, _onDelivery);
                    }

                    Interlocked.Increment(ref _sent);
                    Interlocked.Add(ref _bytes, (message.Value?.Length ?? 0) + (message.Key?.Length ?? 0));
                    return;
                }
                catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellation);
                    }

                    Thread.Sleep(1);
                }
                catch (ProduceException<byte[]?, byte[]?> ex)
                {
                    var code = ex.Error.Code;
                    var id = code == ErrorCode.Local_UnknownPartition ? ErrorIds.PartitionNotFound
                        : code == ErrorCode.MsgSizeTooLarge ? ErrorIds.ProduceFailed
                        : KafkaErrorTranslator.Classify(code).Id;
                    throw new Mm2DrException(id, ErrorKind.InvalidArgument,
                        $"Cannot produce to topic '{_options.Topic}' on cluster '{_cluster.Alias}' ({_cluster.BootstrapServers}): {_cluster.Redact(ex.Error.Reason)} ({code}).",
                        message.Partition is int p ? new TopicPartitionRef(_options.Topic, p) : (object)_options.Topic, ex);
                }
            }
        }

        /// <summary>Passes queued reports to <paramref name="sink"/> on the caller's thread; returns how many.</summary>
        public int DrainReports(Action<DeliveryResult> sink, int max = int.MaxValue)
        {
            var n = 0;
            while (n < max && _reports.TryDequeue(out var report))
            {
                sink(report);
                n++;
            }

            return n;
        }

        /// <summary>
        /// Waits for outstanding deliveries (bounded by <paramref name="timeout"/>), then summarizes. Anything still
        /// unconfirmed at the deadline or on cancellation is counted, never dropped from the totals.
        /// </summary>
        public ProduceSummary Complete(TimeSpan timeout, CancellationToken cancellation)
        {
            var deadline = Stopwatch.StartNew();
            var stopped = false;
            while (InFlight > 0 && deadline.Elapsed < timeout)
            {
                if (cancellation.IsCancellationRequested)
                {
                    stopped = true;
                    // A stopped run still gets a short chance to confirm what librdkafka already holds.
                    if (deadline.Elapsed > TimeSpan.FromSeconds(3))
                    {
                        break;
                    }
                }

                _producer.Flush(TimeSpan.FromMilliseconds(100));
            }

            _clock.Stop();
            var unconfirmed = Math.Max(0, InFlight);
            return new ProduceSummary
            {
                Cluster = _cluster.Alias,
                BootstrapServers = _cluster.BootstrapServers,
                Topic = _options.Topic,
                Sent = Sent,
                Delivered = Delivered,
                Failed = Failed,
                Unconfirmed = unconfirmed,
                Bytes = Interlocked.Read(ref _bytes),
                Elapsed = _clock.Elapsed,
                FirstError = _firstError ?? (unconfirmed > 0 ? $"{unconfirmed} message(s) were not confirmed within {timeout.TotalSeconds:0.#} s" + (Diagnostics.LastError != null ? $" (last client error: {Diagnostics.LastError})" : string.Empty) : null),
                Stopped = stopped || cancellation.IsCancellationRequested,
            };
        }

        /// <summary>Failure reports that could not be queued because too many piled up (they are still counted).</summary>
        public long DroppedFailureReports => Interlocked.Read(ref _droppedFailureReports);

        private void OnDelivery(DeliveryReport<byte[]?, byte[]?> report)
        {
            var failed = report.Error.IsError;
            if (failed)
            {
                Interlocked.Increment(ref _failed);
                Interlocked.CompareExchange(ref _firstError, _cluster.Redact(report.Error.Reason) + $" ({report.Error.Code})", null);
                if (_reports.Count >= MaxQueuedFailures)
                {
                    Interlocked.Increment(ref _droppedFailureReports);
                    return;
                }
            }
            else
            {
                Interlocked.Increment(ref _delivered);
                if (!_options.ReportEveryDelivery)
                {
                    return;
                }
            }

            _reports.Enqueue(new DeliveryResult
            {
                Cluster = _cluster.Alias,
                Topic = report.Topic ?? _options.Topic,
                Partition = report.Partition.Value,
                Offset = report.Offset.Value,
                Timestamp = report.Message?.Timestamp.Type == TimestampType.NotAvailable || report.Message == null ? (DateTimeOffset?)null : report.Message.Timestamp.UtcDateTime,
                Key = report.Message?.Key == null ? null : Encoding.UTF8.GetString(report.Message.Key),
                Status = report.Status.ToString(),
                Error = failed ? _cluster.Redact(report.Error.Reason) : null,
                ErrorCode = failed ? report.Error.Code.ToString() : null,
            });
        }

        public void Dispose()
        {
            // Dispose flushes nothing: Complete() is where waiting happens, with a deadline.
            _producer.Dispose();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Core.Consume
{
    /// <summary>
    /// Streams records from topics to the caller's thread, one at a time (never a list, so memory stays flat).
    /// Without a group it assigns partitions itself and commits nothing. With a group it joins, and commits what
    /// the caller has processed, including when the read is stopped. The consumer runs on its own thread
    /// (<see cref="ConsumerLoop"/>); everything the caller sees happens on the caller's thread.
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
            var processed = new Dictionary<TopicPartitionRef, long>();
            var loop = new ConsumerLoop(_cluster, _options, plan);
            var stopReason = (ReadStopReason?)null;
            loop.Start();
            try
            {
                var records = loop.Records;
                KafkaRecord[] batch = Array.Empty<KafkaRecord>();
                var next = 0;
                while (true)
                {
                    DrainNotes(loop);
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

                    if (next < batch.Length)
                    {
                        var record = batch[next++];
                        yield return record;
                        Summary.Records++;
                        processed[new TopicPartitionRef(record.Topic, record.Partition)] = record.Offset + 1;
                        continue;
                    }

                    if (batch.Length > 0)
                    {
                        // Each finished batch tells the loop how far the caller got; periodic commits use this.
                        loop.Processed(new Dictionary<TopicPartitionRef, long>(processed));
                        batch = Array.Empty<KafkaRecord>();
                    }

                    if (records.TryRead(out var more))
                    {
                        batch = more;
                        next = 0;
                        continue;
                    }

                    if (records.Completion.IsCompleted)
                    {
                        if (loop.Failure != null)
                        {
                            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(loop.Failure).Throw();
                        }

                        break;
                    }

                    WaitForRecords(records, cancellation);
                }
            }
            finally
            {
                // The loop commits what was processed (and nothing beyond), then closes the consumer.
                loop.Processed(new Dictionary<TopicPartitionRef, long>(processed));
                loop.Stop();
                var finished = loop.Join(_options.RequestTimeout + TimeSpan.FromSeconds(10));
                DrainNotes(loop, quiet: true);
                Summary.StopReason = stopReason ?? (cancellation.IsCancellationRequested ? ReadStopReason.Cancelled : loop.StopReason);
                Summary.Unfinished = finished ? loop.Unfinished : Array.Empty<TopicPartitionRef>();
                Summary.Committed = finished ? new Dictionary<TopicPartitionRef, long>(loop.Committed.ToDictionary(kv => kv.Key, kv => kv.Value)) : new Dictionary<TopicPartitionRef, long>();
                Summary.CommitError = finished ? loop.CommitError : $"The consumer for {string.Join(", ", _options.TopicNames)} on {_cluster.Alias} did not close in time; committed offsets are unknown.";
                Summary.LastClientError = loop.LastClientError;
                Summary.NonJsonValues = loop.NonJsonValues;
                Summary.Elapsed = clock.Elapsed;
                if (finished)
                {
                    loop.Dispose();
                }
            }
        }

        private static void WaitForRecords(System.Threading.Channels.ChannelReader<KafkaRecord[]> records, CancellationToken cancellation)
        {
            try
            {
                records.WaitToReadAsync(cancellation).AsTask().Wait(TimeSpan.FromMilliseconds(100));
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
            {
                // Checked by the caller's loop.
            }
        }

        private void DrainNotes(ConsumerLoop loop, bool quiet = false)
        {
            while (loop.TryDequeueNote(out var note))
            {
                try
                {
                    Verbose?.Invoke(note);
                }
                catch (Exception) when (quiet)
                {
                    // While unwinding (Ctrl+C stops the pipeline, so writing throws) notes are dropped, not the summary.
                }
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

    }
}

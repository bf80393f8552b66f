using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Reads partition 0 of an MM2 internal topic from its first offset to the end offset captured at the start, like
    /// MirrorClient and MM2's KafkaBasedLog: a consumer with Assign (never joins a group, never commits, so the read
    /// leaves no trace on the cluster), read_uncommitted like MirrorClient. The topic's existence is checked through
    /// metadata first, because consuming a missing topic would just wait until the deadline.
    /// Everything runs on the calling thread, progress callbacks included. Cancellation is checked between polls (at most
    /// 100 ms apart); the metadata and offset requests before the first poll are bounded by the deadline only.
    /// </summary>
    internal static class InternalTopicReader
    {
        private const int MirrorMakerPartition = 0;
        private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

        public static TopicReadSummary ReadToEnd(ClusterConnection cluster, string topic, string missingTopicHint, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<RawRecord> onRecord)
            => Read(cluster, topic, missingTopicHint, options, null, cancellationToken, onRecord);

        /// <summary>
        /// Like <see cref="ReadToEnd"/>, but stops after <paramref name="maxRecords"/> records when given: for showing the
        /// first records of a topic, never for computing an answer from it (the summary then says the end was not reached).
        /// </summary>
        public static TopicReadSummary Read(ClusterConnection cluster, string topic, string missingTopicHint, InternalTopicReadOptions options, long? maxRecords, CancellationToken cancellationToken, Action<RawRecord> onRecord)
        {
            if (maxRecords.HasValue && maxRecords.Value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRecords), maxRecords, "Read at least one record, or give no limit.");
            }

            if (cluster == null)
            {
                throw new ArgumentNullException(nameof(cluster));
            }

            if (string.IsNullOrEmpty(topic))
            {
                throw new ArgumentException("A topic name is required.", nameof(topic));
            }

            options ??= InternalTopicReadOptions.Default;
            options.Validate();
            cancellationToken.ThrowIfCancellationRequested();

            var clock = options.Clock;
            var started = clock.UtcNow;
            var deadline = started + options.Timeout;
            string? lastClientError = null;

            using var consumer = BuildConsumer(cluster, topic, error => lastClientError = cluster.Redact(error));
            var tp = new TopicPartition(topic, MirrorMakerPartition);

            EnsureTopicExists(cluster, topic, missingTopicHint, options, consumer, deadline, () => lastClientError);
            cancellationToken.ThrowIfCancellationRequested();

            WatermarkOffsets watermarks;
            try
            {
                watermarks = consumer.QueryWatermarkOffsets(tp, Remaining(clock, deadline));
            }
            catch (KafkaException e) when (IsTimeout(e.Error))
            {
                throw new Mm2ReadTimeoutException(cluster.Alias, topic, ReadPhase.Watermarks, options.Timeout, 0, null, null, lastClientError ?? cluster.Redact(e.Message));
            }
            catch (KafkaException e)
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Cannot get the offsets of '{topic}' partition 0 on cluster '{cluster.Alias}': {cluster.Redact(e.Message)}");
            }

            long start = watermarks.Low.Value;
            long end = watermarks.High.Value;
            long records = 0;
            long next = start;
            options.Progress?.Invoke(new ReadProgress(topic, 0, start, start, end));

            if (end > start)
            {
                // Offset.Beginning rather than "start": if retention moves the log start meanwhile, the consumer follows it.
                consumer.Assign(new TopicPartitionOffset(tp, Offset.Beginning));
                var sinceProgress = 0;
                while (next < end && !(maxRecords.HasValue && records >= maxRecords.Value))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (clock.UtcNow >= deadline)
                    {
                        throw new Mm2ReadTimeoutException(cluster.Alias, topic, ReadPhase.Reading, options.Timeout, records, next, end, lastClientError);
                    }

                    ConsumeResult<byte[], byte[]>? result;
                    try
                    {
                        result = consumer.Consume(Min(Remaining(clock, deadline), PollSlice));
                    }
                    catch (ConsumeException e)
                    {
                        throw new Mm2TopicReadException(cluster.Alias, topic,
                            $"Reading '{topic}' partition 0 on cluster '{cluster.Alias}' failed at offset {next} of {end}: {cluster.Redact(e.Error.Reason)}");
                    }

                    if (result == null)
                    {
                        continue;
                    }

                    if (result.IsPartitionEOF)
                    {
                        // The end can lie past the last record delivered (transaction markers, compaction): the consumer
                        // says it has reached the log end. That is at least the end captured at the start, unless the log
                        // was truncated meanwhile, and then there is nothing more to wait for either.
                        next = Math.Max(next, result.Offset.Value);
                        break;
                    }

                    if (result.Offset.Value >= end)
                    {
                        // Written after the read started: not part of this read.
                        next = end;
                        break;
                    }

                    records++;
                    next = result.Offset.Value + 1;
                    onRecord(RawRecord.From(result));
                    if (++sinceProgress >= options.ProgressEveryRecords)
                    {
                        sinceProgress = 0;
                        options.Progress?.Invoke(new ReadProgress(topic, records, next, start, end));
                    }
                }

                options.Progress?.Invoke(new ReadProgress(topic, records, next, start, end));
            }

            return new TopicReadSummary(cluster.Alias, topic, MirrorMakerPartition, start, end, records, clock.UtcNow - started, reachedEnd: next >= end);
        }

        private static IConsumer<byte[], byte[]> BuildConsumer(ClusterConnection cluster, string topic, Action<string> onError)
        {
            var config = new ConsumerConfig(cluster.ClientProperties().ToDictionary(kv => kv.Key, kv => kv.Value))
            {
                // librdkafka insists on a group id even for Assign; it is never joined and nothing is committed under it.
                GroupId = "mm2dr-reader-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
                EnableAutoOffsetStore = false,
                EnablePartitionEof = true,
                AutoOffsetReset = AutoOffsetReset.Earliest,
                AllowAutoCreateTopics = false,
                // MirrorClient reads read_uncommitted (it cannot be configured otherwise); read_committed would also stall
                // at an open transaction of an exactly-once MM2 and never reach the high watermark.
                IsolationLevel = IsolationLevel.ReadUncommitted,

                // MM2's topics have one partition, and librdkafka fetches a partition one response at a time: bigger
                // responses mean fewer round trips for a million small checkpoint records.
                MaxPartitionFetchBytes = 16 * 1024 * 1024,
                FetchMaxBytes = 64 * 1024 * 1024,
                FetchQueueBackoffMs = 10,
            };
            if (string.IsNullOrEmpty(config.ClientId))
            {
                config.ClientId = "mm2dr-reader";
            }

            try
            {
                return new ConsumerBuilder<byte[], byte[]>(config)
                    .SetErrorHandler((_, error) => onError(error.Reason))
                    .SetLogHandler((_, _) => { })
                    .Build();
            }
            catch (Exception e) when (e is ArgumentException || e is KafkaException || e is InvalidOperationException)
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Cannot create a Kafka consumer for cluster '{cluster.Alias}': {cluster.Redact(e.Message)}");
            }
        }

        private static void EnsureTopicExists(ClusterConnection cluster, string topic, string hint, InternalTopicReadOptions options, IConsumer<byte[], byte[]> consumer, DateTimeOffset deadline, Func<string?> lastClientError)
        {
            Metadata metadata;
            try
            {
                // Through the consumer's own handle (no auto-creation for consumers), for this topic only.
                using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
                metadata = admin.GetMetadata(topic, Remaining(options.Clock, deadline));
            }
            catch (KafkaException e) when (IsTimeout(e.Error))
            {
                throw new Mm2ReadTimeoutException(cluster.Alias, topic, ReadPhase.Metadata, options.Timeout, 0, null, null, lastClientError() ?? cluster.Redact(e.Message));
            }
            catch (KafkaException e)
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Cannot get metadata for '{topic}' from cluster '{cluster.Alias}': {cluster.Redact(e.Message)}");
            }

            var info = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
            if (info == null || info.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                throw new Mm2TopicNotFoundException(cluster.Alias, cluster.BootstrapServers, topic, hint);
            }

            if (info.Error.Code == ErrorCode.TopicAuthorizationFailed)
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Not authorized to read '{topic}' on cluster '{cluster.Alias}': the principal needs DESCRIBE and READ on the topic.");
            }

            if (info.Error.Code != ErrorCode.NoError)
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Cluster '{cluster.Alias}' reports an error for '{topic}': {info.Error.Code} ({cluster.Redact(info.Error.Reason)}).");
            }

            if (!info.Partitions.Any(p => p.PartitionId == MirrorMakerPartition))
            {
                throw new Mm2TopicReadException(cluster.Alias, topic, $"Topic '{topic}' on cluster '{cluster.Alias}' has no partition 0; MM2 writes and reads only partition 0.");
            }
        }

        private static bool IsTimeout(Error error)
            => error.Code == ErrorCode.Local_TimedOut || error.Code == ErrorCode.RequestTimedOut || error.Code == ErrorCode.Local_Transport || error.Code == ErrorCode.Local_AllBrokersDown;

        private static TimeSpan Remaining(Time.IClock clock, DateTimeOffset deadline)
        {
            var remaining = deadline - clock.UtcNow;
            return remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}

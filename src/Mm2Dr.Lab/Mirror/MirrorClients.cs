using System;
using System.Collections.Generic;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// The mirror's Kafka clients, tuned the way a Connect worker tunes MM2's: producers that never give up on a record
    /// (Connect retries forever) and keep order (idempotence), consumers that assign partitions instead of joining groups.
    /// </summary>
    internal static class MirrorClients
    {
        /// <summary>Bounds each admin request; a cluster that does not answer is retried at the next round.</summary>
        public static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Records to the target: idempotent, so retries across a dropped connection neither duplicate nor reorder; no
        /// delivery timeout (a target outage is waited out, as Connect's retries do); a bounded queue, so that a long
        /// outage stops the consumer instead of filling memory.
        /// </summary>
        public static IProducer<byte[]?, byte[]?> DataProducer(ClusterConnection target, KafkaClientDiagnostics diagnostics, string clientId)
            => KafkaClientFactory.CreateProducer(target, diagnostics, TimeSpan.FromMinutes(5), new Dictionary<string, string>
            {
                ["client.id"] = clientId,
                ["acks"] = "all",
                ["enable.idempotence"] = "true",
                ["max.in.flight.requests.per.connection"] = "5",
                ["message.timeout.ms"] = "0",
                ["linger.ms"] = "5",
                ["batch.num.messages"] = "10000",
                ["queue.buffering.max.kbytes"] = "65536",
                ["queue.buffering.max.messages"] = "200000",
                ["dotnet.producer.delivery.report.fields"] = "status",
            });

        /// <summary>MM2's own records (offset syncs, checkpoints, heartbeats): small, waited out through outages, in order.</summary>
        public static IProducer<byte[]?, byte[]?> RecordProducer(ClusterConnection cluster, KafkaClientDiagnostics diagnostics, string clientId, IEnumerable<KeyValuePair<string, string>>? extra = null)
        {
            var tuning = new Dictionary<string, string>
            {
                ["client.id"] = clientId,
                ["acks"] = "all",
                ["enable.idempotence"] = "true",
                ["message.timeout.ms"] = "0",
                ["linger.ms"] = "0",
                ["dotnet.producer.delivery.report.fields"] = "status",
            };
            if (extra != null)
            {
                foreach (var kv in extra)
                {
                    tuning[kv.Key] = kv.Value;
                }
            }

            return KafkaClientFactory.CreateProducer(cluster, diagnostics, TimeSpan.FromMinutes(5), tuning);
        }

        /// <summary>
        /// A consumer that is assigned partitions and never commits (positions are the mirror's own business). Its group
        /// id is only a label: librdkafka requires one, and nothing joins or commits under it.
        /// </summary>
        public static IConsumer<byte[]?, byte[]?> Consumer(ClusterConnection cluster, KafkaClientDiagnostics diagnostics, string clientId, string groupLabel, bool partitionEof)
            => KafkaClientFactory.CreateConsumer(cluster, diagnostics, groupLabel, TimeSpan.FromSeconds(10), new Dictionary<string, string>
            {
                ["client.id"] = clientId,
                ["enable.partition.eof"] = partitionEof ? "true" : "false",
                ["auto.offset.reset"] = "earliest",
                ["allow.auto.create.topics"] = "false",
                ["isolation.level"] = "read_uncommitted",
                ["fetch.wait.max.ms"] = "100",
                ["max.partition.fetch.bytes"] = "4194304",

                // When the target is slower than the source, librdkafka's local queue fills and it waits
                // fetch.queue.backoff.ms (1 s by default) before fetching again: the mirror would copy in bursts.
                ["fetch.queue.backoff.ms"] = "20",
                ["queued.max.messages.kbytes"] = "32768",
            });

        public static KafkaAdmin Admin(ClusterConnection cluster, System.Threading.CancellationToken cancellation) => new KafkaAdmin(cluster, AdminTimeout, cancellation);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Kafka
{
    /// <summary>
    /// Builds Confluent.Kafka clients for a cluster with timeouts that fail fast for an operator (librdkafka's
    /// defaults retry for minutes), and with its errors and logs captured instead of written to the console.
    /// </summary>
    public static class KafkaClientFactory
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

        public static IAdminClient CreateAdmin(ClusterConnection cluster, KafkaClientDiagnostics diagnostics, TimeSpan timeout)
        {
            var config = new AdminClientConfig(Base(cluster, timeout));
            return Guard(cluster, () => new AdminClientBuilder(config)
                .SetErrorHandler((_, e) => diagnostics.OnError(e))
                .SetLogHandler((_, m) => diagnostics.OnLog(m))
                .Build());
        }

        public static IProducer<byte[]?, byte[]?> CreateProducer(ClusterConnection cluster, KafkaClientDiagnostics diagnostics, TimeSpan deliveryTimeout, IEnumerable<KeyValuePair<string, string>>? tuning = null)
        {
            var settings = Base(cluster, deliveryTimeout);
            settings["message.timeout.ms"] = Ms(deliveryTimeout);
            Apply(settings, tuning);
            ReapplyUserSettings(settings, cluster);
            var config = new ProducerConfig(settings);
            return Guard(cluster, () => new ProducerBuilder<byte[]?, byte[]?>(config)
                .SetErrorHandler((_, e) => diagnostics.OnError(e))
                .SetLogHandler((_, m) => diagnostics.OnLog(m))
                .Build());
        }

        public static IConsumer<byte[]?, byte[]?> CreateConsumer(
            ClusterConnection cluster,
            KafkaClientDiagnostics diagnostics,
            string groupId,
            TimeSpan timeout,
            IEnumerable<KeyValuePair<string, string>>? tuning = null,
            Action<ConsumerBuilder<byte[]?, byte[]?>>? configure = null)
        {
            var settings = Base(cluster, timeout);
            settings["group.id"] = groupId;
            settings["enable.auto.commit"] = "false";
            settings["enable.auto.offset.store"] = "false";
            settings["enable.partition.eof"] = "true";
            settings["auto.offset.reset"] = "earliest";
            Apply(settings, tuning);
            ReapplyUserSettings(settings, cluster);
            var config = new ConsumerConfig(settings);
            return Guard(cluster, () =>
            {
                var builder = new ConsumerBuilder<byte[]?, byte[]?>(config)
                    .SetErrorHandler((_, e) => diagnostics.OnError(e))
                    .SetLogHandler((_, m) => diagnostics.OnLog(m));
                configure?.Invoke(builder);
                return builder.Build();
            });
        }

        private static Dictionary<string, string> Base(ClusterConnection cluster, TimeSpan timeout)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["client.id"] = "mm2dr",
                ["socket.timeout.ms"] = Ms(Clamp(timeout, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5))),
                ["socket.connection.setup.timeout.ms"] = Ms(Clamp(timeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5))),
                ["reconnect.backoff.max.ms"] = "1000",
                ["log.connection.close"] = "false",
                ["enable.metrics.push"] = "false",
            };

            foreach (var kv in cluster.ClientProperties())
            {
                settings[kv.Key] = kv.Value;
            }

            return settings;
        }

        private static void Apply(Dictionary<string, string> settings, IEnumerable<KeyValuePair<string, string>>? tuning)
        {
            if (tuning == null)
            {
                return;
            }

            foreach (var kv in tuning)
            {
                settings[kv.Key] = kv.Value;
            }
        }

        // -KafkaConfig must win over the module's own tuning, so user values are applied last.
        private static void ReapplyUserSettings(Dictionary<string, string> settings, ClusterConnection cluster)
        {
            foreach (var kv in cluster.ClientProperties())
            {
                settings[kv.Key] = kv.Value;
            }
        }

        private static T Guard<T>(ClusterConnection cluster, Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException ex)
            {
                throw new Errors.Mm2DrException(
                    Errors.ErrorIds.InvalidArgument, Errors.ErrorKind.InvalidArgument,
                    $"The Kafka client settings for cluster '{cluster.Alias}' are invalid: {cluster.Redact(ex.Message)}", cluster.Alias);
            }
            catch (KafkaException ex)
            {
                throw new Errors.Mm2DrException(
                    Errors.ErrorIds.InvalidArgument, Errors.ErrorKind.InvalidArgument,
                    $"The Kafka client settings for cluster '{cluster.Alias}' are invalid: {cluster.Redact(ex.Error.Reason)}", cluster.Alias);
            }
        }

        private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

        private static string Ms(TimeSpan t) => ((long)Math.Max(1, t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
    }
}

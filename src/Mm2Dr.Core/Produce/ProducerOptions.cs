using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Produce
{
    /// <summary>How Start-KafkaProducer sends: acks, compression, batching and how long to wait for delivery.</summary>
    public sealed class ProducerOptions
    {
        public static readonly string[] Compressions = { "none", "gzip", "snappy", "lz4", "zstd" };

        public ProducerOptions(string topic)
        {
            Topics.TopicNames.Validate(topic);
            Topic = topic;
        }

        public string Topic { get; }

        /// <summary>all (-1), 1 or 0.</summary>
        public string Acks { get; set; } = "all";

        public string Compression { get; set; } = "none";

        public bool Idempotence { get; set; } = true;

        public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

        /// <summary>How long librdkafka may try to deliver one message before it counts as failed.</summary>
        public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Keep a report per delivered message (for -PassThru). Failures are always reported.</summary>
        public bool ReportEveryDelivery { get; set; }

        public void Validate()
        {
            if (Array.IndexOf(Compressions, Compression) < 0)
            {
                throw new ArgumentException($"Compression '{Compression}' is not supported. Expected one of: {string.Join(", ", Compressions)}.");
            }

            if (Acks != "all" && Acks != "-1" && Acks != "1" && Acks != "0")
            {
                throw new ArgumentException($"Acks '{Acks}' is not valid. Expected all, 1 or 0.");
            }

            if (Idempotence && Acks != "all" && Acks != "-1")
            {
                throw new ArgumentException($"Idempotence needs acks=all; acks was '{Acks}'. Use -NoIdempotence with -Acks {Acks}.");
            }

            if (DeliveryTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The delivery timeout must be positive, not {DeliveryTimeout}.");
            }

            if (Linger < TimeSpan.Zero)
            {
                throw new ArgumentException($"Linger must not be negative, not {Linger}.");
            }
        }

        internal IEnumerable<KeyValuePair<string, string>> ClientSettings()
        {
            yield return new KeyValuePair<string, string>("acks", Acks);
            yield return new KeyValuePair<string, string>("compression.type", Compression);
            yield return new KeyValuePair<string, string>("enable.idempotence", Idempotence ? "true" : "false");
            yield return new KeyValuePair<string, string>("linger.ms", ((long)Linger.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Only what a report needs crosses from native to managed memory for every message.
            yield return new KeyValuePair<string, string>("dotnet.producer.delivery.report.fields", ReportEveryDelivery ? "key,timestamp,status" : "status");
        }
    }
}

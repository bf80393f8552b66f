using System;
using System.Diagnostics;
using System.Linq;
using Confluent.Kafka;

namespace LabBench
{
    /// <summary>Produce and consume loops with Confluent.Kafka, 1 KiB values carrying their sequence number.</summary>
    internal static class Workload
    {
        public const int RecordSize = 1024;

        public static TimeSpan Produce(string bootstrap, string topic, long records, int? partition = null)
        {
            var config = new ProducerConfig
            {
                BootstrapServers = bootstrap,
                LingerMs = 5,
                BatchSize = 1_000_000,
                QueueBufferingMaxKbytes = 512 * 1024,
                QueueBufferingMaxMessages = 1_000_000,
                MessageTimeoutMs = 300_000,
            };
            using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
            var value = new byte[RecordSize];
            var failed = 0L;
            Action<DeliveryReport<Null, byte[]>> onDelivery = r =>
            {
                if (r.Error.IsError)
                {
                    failed++;
                }
            };
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < records; i++)
            {
                var copy = new byte[RecordSize];
                BitConverter.GetBytes(i).CopyTo(copy, 0);
                var message = new Message<Null, byte[]> { Value = copy };
                while (true)
                {
                    try
                    {
                        if (partition == null)
                        {
                            producer.Produce(topic, message, onDelivery);
                        }
                        else
                        {
                            producer.Produce(new TopicPartition(topic, partition.Value), message, onDelivery);
                        }

                        break;
                    }
                    catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
            }

            if (producer.Flush(TimeSpan.FromMinutes(5)) != 0 || failed != 0)
            {
                throw new InvalidOperationException($"{failed} deliveries failed.");
            }

            return watch.Elapsed;
        }

        /// <summary>Reads every partition from the beginning until <paramref name="expected"/> records or an idle timeout.</summary>
        public static (TimeSpan Elapsed, long Read, bool InOrder) Consume(string bootstrap, string topic, int partitions, long expected, TimeSpan idleTimeout)
        {
            var config = new ConsumerConfig
            {
                BootstrapServers = bootstrap,
                GroupId = "bench-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
                FetchWaitMaxMs = 100,
                QueuedMaxMessagesKbytes = 512 * 1024,
            };
            using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
            consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
            var read = 0L;
            var inOrder = true;
            var watch = Stopwatch.StartNew();
            var lastProgress = Stopwatch.StartNew();
            while (read < expected && lastProgress.Elapsed < idleTimeout)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result == null || result.IsPartitionEOF)
                {
                    continue;
                }

                if (partitions == 1)
                {
                    // One partition, one producer: the sequence number written into each value equals its offset.
                    inOrder &= BitConverter.ToInt64(result.Message.Value, 0) == result.Offset.Value;
                }

                read++;
                lastProgress.Restart();
            }

            var elapsed = read >= expected ? watch.Elapsed : watch.Elapsed - idleTimeout;
            consumer.Close();
            return (elapsed, read, inOrder);
        }

        public static (long Low, long High) Watermarks(string bootstrap, string topic, int partition)
        {
            using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-wm" }).Build();
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(30));
            return (marks.Low.Value, marks.High.Value);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>
    /// A DR lab for one test: an mm2.properties with rehearsal timings (1 s checkpoints, heartbeats, refreshes) written to a
    /// temp folder, the lab started from it, and plain Confluent.Kafka clients to write on the primary and read on DR.
    /// </summary>
    internal sealed class DrLabHarness : IDisposable
    {
        public const string Topic = "test-topic";
        public const string RemoteTopic = "primary.test-topic";

        private readonly TempDirectory _folder = TestBroker.TempDirectory();
        private readonly LogCollector _log = new LogCollector();
        private readonly Dictionary<string, string> _settings;

        public DrLabHarness(IDictionary<string, string>? settings = null, bool persistent = false)
        {
            _settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["primary->dr.topics"] = "test-topic, orders.*",
                ["primary->dr.groups"] = "test-consumer-group, g-.*",
                ["emit.checkpoints.interval.seconds"] = "1",
                ["emit.heartbeats.interval.seconds"] = "1",
                ["refresh.topics.interval.seconds"] = "1",
                ["refresh.groups.interval.seconds"] = "1",
                ["sync.group.offsets.enabled"] = "false",
                ["sync.group.offsets.interval.seconds"] = "1",
                ["offset.lag.max"] = "10",
                // Delayed offset syncs are promoted at the Connect commit; by default none within a test.
                ["dr.offset.flush.interval.ms"] = "600000",
            };
            if (settings != null)
            {
                foreach (var kv in settings)
                {
                    _settings[kv.Key] = kv.Value;
                }
            }

            ConfigPath = Path.Combine(_folder.Path, "mm2.properties");
            File.WriteAllText(ConfigPath, Properties(_settings));
            DataDirectory = persistent ? Path.Combine(_folder.Path, "data") : null;
            Lab = StartLab();
        }

        public string ConfigPath { get; }

        public string? DataDirectory { get; }

        public DrLab Lab { get; private set; }

        public LogCollector Log => _log;

        public string Primary => Lab.Primary.BootstrapServers;

        public string Dr => Lab.Dr.BootstrapServers;

        public static string Properties(IReadOnlyDictionary<string, string> settings)
        {
            var text = new StringBuilder();
            text.AppendLine("clusters = primary, dr");
            text.AppendLine("primary.bootstrap.servers = kafka-1:29092");
            text.AppendLine("dr.bootstrap.servers = kafka-2:29093");
            text.AppendLine("primary->dr.enabled = true");
            text.AppendLine("dr->primary.enabled = false");
            foreach (var key in new[] { "replication.factor", "checkpoints.topic.replication.factor", "heartbeats.topic.replication.factor", "offset-syncs.topic.replication.factor", "offset.storage.replication.factor" })
            {
                text.AppendLine(key + " = 1");
            }

            foreach (var kv in settings)
            {
                text.AppendLine(kv.Key + " = " + kv.Value);
            }

            return text.ToString();
        }

        public DrLab StartLab(int primaryPort = 0, int drPort = 0) => DrLab.Start(new DrLabOptions
        {
            Mm2ConfigPath = ConfigPath,
            PrimaryPort = primaryPort,
            DrPort = drPort,
            DataDirectory = DataDirectory,
            Log = _log.Add,
        });

        /// <summary>Stops the lab (mirror first) and starts it again on the same ports: a restart with the data folder.</summary>
        public void RestartLab()
        {
            var primaryPort = Lab.Primary.Port;
            var drPort = Lab.Dr.Port;
            Lab.Dispose();
            Lab = StartLab(primaryPort, drPort);
        }

        /// <summary>test-topic created on the primary with <paramref name="partitions"/>, <paramref name="count"/> records written round-robin, all of them on DR.</summary>
        public void Replicate(int partitions, int count)
        {
            CreateTopic(Primary, Topic, partitions);
            Produce(Topic, partitions, 0, count);
            WaitForRecords(RemoteTopic, partitions, count);
        }

        public void CreateTopic(string cluster, string topic, int partitions)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster }).Build();
            admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 } }).GetAwaiter().GetResult();
        }

        /// <summary>Produces records "id-N" for ids [from, from+count) round-robin over partitions, each with a key, a header and a distinct timestamp.</summary>
        public void Produce(string topic, int partitions, int from, int count, DateTimeOffset? baseTime = null)
        {
            var start = baseTime ?? DateTimeOffset.UtcNow.AddMinutes(-5);
            using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = Primary, LingerMs = 5, EnableIdempotence = true, MessageTimeoutMs = 120000 }).Build();
            for (var id = from; id < from + count; id++)
            {
                producer.Produce(new TopicPartition(topic, id % partitions), Record(id, start));
            }

            if (producer.Flush(TimeSpan.FromSeconds(60)) != 0)
            {
                throw new TimeoutException("Producing to the primary did not finish.");
            }
        }

        public static Message<byte[], byte[]> Record(int id, DateTimeOffset baseTime) => new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes("key-" + id),
            Value = Encoding.UTF8.GetBytes("id-" + id),
            Headers = new Headers { { "id", Encoding.UTF8.GetBytes(id.ToString()) }, { "origin", Encoding.UTF8.GetBytes("harness") } },
            Timestamp = new Timestamp(baseTime.AddMilliseconds(id)),
        };

        /// <summary>Every record of every partition of a topic, read with assign from the start to the current end.</summary>
        public static Dictionary<int, List<ConsumeResult<byte[], byte[]>>> ReadAll(string cluster, string topic)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster }).Build();
            var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => p.PartitionId).OrderBy(p => p).ToList();
            var result = partitions.ToDictionary(p => p, _ => new List<ConsumeResult<byte[], byte[]>>());
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
            {
                BootstrapServers = cluster,
                GroupId = "harness-reader",
                EnableAutoCommit = false,
                EnablePartitionEof = true,
            }).Build();
            var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
            var pending = new HashSet<int>(partitions.Where(p => ends[p] > 0));
            consumer.Assign(pending.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
            var watch = Stopwatch.StartNew();
            while (pending.Count > 0)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"Reading {topic} did not reach the end.");
                }

                var r = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (r == null)
                {
                    continue;
                }

                if (!r.IsPartitionEOF)
                {
                    result[r.Partition.Value].Add(r);
                }

                if (r.IsPartitionEOF || r.Offset.Value + 1 >= ends[r.Partition.Value])
                {
                    pending.Remove(r.Partition.Value);
                }
            }

            return result;
        }

        public static long EndOffset(string cluster, string topic, int partition)
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster, GroupId = "harness-watermarks" }).Build();
            try
            {
                return consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(5)).High.Value;
            }
            catch (KafkaException)
            {
                return -1;
            }
        }

        /// <summary>Waits until the remote topic holds <paramref name="count"/> records in total over its partitions.</summary>
        public void WaitForRecords(string remoteTopic, int partitions, long count, int timeoutMs = 60000)
            => Eventually.True(() => Enumerable.Range(0, partitions).Sum(p => Math.Max(0, EndOffset(Dr, remoteTopic, p))) >= count, $"{count} records in {remoteTopic} on DR", timeoutMs);

        /// <summary>Commits an offset for a group on the primary, as a consumer that read up to it would (simple, assigned commit).</summary>
        public void Commit(string group, string topic, int partition, long offset)
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = Primary, GroupId = group, EnableAutoCommit = false }).Build();
            consumer.Commit(new[] { new TopicPartitionOffset(topic, partition, offset) });
        }

        public void Dispose()
        {
            Lab.Dispose();
            var dump = System.Environment.GetEnvironmentVariable("MM2DR_LAB_LOG");
            if (!string.IsNullOrEmpty(dump))
            {
                File.AppendAllText(dump, string.Join(System.Environment.NewLine, _log.Lines) + System.Environment.NewLine + "----" + System.Environment.NewLine);
            }

            _folder.Dispose();
        }
    }
}

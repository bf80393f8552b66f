using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Lab;

namespace Mm2Dr.MirrorBench
{
    /// <summary>
    /// 1. The lab broker's plain produce rate for 1 KiB records (a raw Confluent.Kafka loop), the baseline.
    /// 2. The lab mirror's rate for the same records, lab to lab: written to the primary while the mirror is suspended, then
    ///    timed from Resume until DR holds them all.
    /// 3. Replication latency at a steady rate, as a DR consumer sees it: from each record's timestamp (set by the producer)
    ///    and from MM2's heartbeats (emission time inside the record vs arrival in primary.heartbeats).
    /// Everything runs in this process, on this machine, in the same run. Figures, not pass/fail.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var records = Option(args, "--records", 200_000);
            var size = Option(args, "--size", 1024);
            var partitions = Option(args, "--partitions", 8);
            var rate = Option(args, "--rate", 1000);
            var seconds = Option(args, "--seconds", 30);
            Console.WriteLine($"MirrorBench: {records:N0} records of {size} bytes over {partitions} partitions; latency at {rate:N0} msgs/s for {seconds} s.");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}.");

            // Three rounds of each, medians compared: on a small machine one round can be off by a third either way.
            const int Rounds = 3;
            var plainRounds = Enumerable.Range(0, Rounds).Select(_ => PlainProduceRate(records, size, partitions)).ToList();
            var plain = Median(plainRounds);
            Console.WriteLine($"Lab broker, plain produce (raw Confluent.Kafka loop, acks=all, idempotent): {plain:N0} msgs/s (median of {string.Join(", ", plainRounds.Select(r => r.ToString("N0")))})");

            var folder = Path.Combine(Path.GetTempPath(), "mm2dr-mirror-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var config = Path.Combine(folder, "mm2.properties");
                File.WriteAllText(config, string.Join("\n",
                    "clusters = primary, dr",
                    "primary.bootstrap.servers = kafka-1:29092",
                    "dr.bootstrap.servers = kafka-2:29093",
                    "primary->dr.enabled = true",
                    "primary->dr.topics = bench.*",
                    "replication.factor = 1",
                    "checkpoints.topic.replication.factor = 1",
                    "heartbeats.topic.replication.factor = 1",
                    "offset-syncs.topic.replication.factor = 1",
                    "offset.storage.replication.factor = 1",
                    "emit.heartbeats.interval.seconds = 1",
                    "refresh.topics.interval.seconds = 1",
                    "dr.offset.flush.interval.ms = 5000",
                    string.Empty));
                using var lab = DrLab.Start(new DrLabOptions { Mm2ConfigPath = config });
                lab.Mirror.WaitUntilReady(TimeSpan.FromSeconds(60), CancellationToken.None);

                var mirrorRounds = Enumerable.Range(0, Rounds).Select(round => MirrorRate(lab, "bench-mirror-" + round, records, size, partitions)).ToList();
                var mirrored = Median(mirrorRounds);
                Console.WriteLine($"Lab mirror, lab to lab (the same records, primary -> DR): {mirrored:N0} msgs/s (median of {string.Join(", ", mirrorRounds.Select(r => r.ToString("N0")))}) = {mirrored / plain:0.00}x plain produce (target >= 0.5x)");

                var (fromRecords, fromHeartbeats) = Latency(lab, rate, seconds);
                Console.WriteLine($"Replication latency at {rate:N0} msgs/s (target p99 < 500 ms):");
                Console.WriteLine($"  from record timestamps:  p50 {Percentile(fromRecords, 0.50):0.0} ms, p99 {Percentile(fromRecords, 0.99):0.0} ms, max {fromRecords.DefaultIfEmpty().Max():0.0} ms (n = {fromRecords.Count:N0})");
                Console.WriteLine($"  from heartbeats:         p50 {Percentile(fromHeartbeats, 0.50):0.0} ms, p99 {Percentile(fromHeartbeats, 0.99):0.0} ms, max {fromHeartbeats.DefaultIfEmpty().Max():0.0} ms (n = {fromHeartbeats.Count:N0}; one a second)");
                var status = lab.Mirror.Status();
                Console.WriteLine($"Mirror: {status.RecordsReplicated:N0} records, {status.OffsetSyncsWritten:N0} offset syncs, {status.HeartbeatsWritten:N0} heartbeats; last error: {status.LastError ?? "none"}");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            return 0;
        }

        private static double PlainProduceRate(int records, int size, int partitions)
        {
            using var broker = LabBroker.Start(new LabBrokerOptions());
            CreateTopic(broker.BootstrapServers, "bench-plain", partitions);
            var watch = Produce(broker.BootstrapServers, "bench-plain", records, size, partitions);
            return records / watch.Elapsed.TotalSeconds;
        }

        private static double MirrorRate(DrLab lab, string topic, int records, int size, int partitions)
        {
            lab.Mirror.Suspend();
            CreateTopic(lab.Primary.BootstrapServers, topic, partitions);
            WaitFor(() => EndOffsets(lab.Dr.BootstrapServers, "primary." + topic, partitions) >= 0, TimeSpan.FromSeconds(30), "the remote topic");
            Produce(lab.Primary.BootstrapServers, topic, records, size, partitions);

            var watch = Stopwatch.StartNew();
            lab.Mirror.Resume();
            WaitFor(() => EndOffsets(lab.Dr.BootstrapServers, "primary." + topic, partitions) >= records, TimeSpan.FromMinutes(5), "every record on DR");
            return records / watch.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

        private static (List<double> Records, List<double> Heartbeats) Latency(DrLab lab, int rate, int seconds)
        {
            CreateTopic(lab.Primary.BootstrapServers, "bench-latency", 1);
            WaitFor(() => EndOffsets(lab.Dr.BootstrapServers, "primary.bench-latency", 1) >= 0, TimeSpan.FromSeconds(30), "the remote topic");
            WaitFor(() => EndOffsets(lab.Dr.BootstrapServers, "primary.heartbeats", 1) >= 0, TimeSpan.FromSeconds(30), "primary.heartbeats");
            var fromRecords = new List<double>();
            var fromHeartbeats = new List<double>();
            using var stop = new CancellationTokenSource();
            var reader = new Thread(() =>
            {
                using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
                {
                    BootstrapServers = lab.Dr.BootstrapServers,
                    GroupId = "bench-latency-reader",
                    FetchWaitMaxMs = 100,
                    EnableAutoCommit = false,
                }).Build();
                consumer.Assign(new[]
                {
                    new TopicPartitionOffset("primary.bench-latency", 0, Offset.End),
                    new TopicPartitionOffset("primary.heartbeats", 0, Offset.End),
                });
                while (!stop.IsCancellationRequested)
                {
                    var r = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (r == null)
                    {
                        continue;
                    }

                    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    lock (fromRecords)
                    {
                        if (r.Topic == "primary.heartbeats")
                        {
                            fromHeartbeats.Add(now - HeartbeatCodec.Decode(r.Message.Key, r.Message.Value).TimestampMs);
                        }
                        else
                        {
                            fromRecords.Add(now - r.Message.Timestamp.UnixTimestampMs);
                        }
                    }
                }
            }) { IsBackground = true };
            reader.Start();

            // The reader is positioned once it has seen a heartbeat (one a second): records sent before would count the
            // reader's own start-up as replication latency.
            WaitFor(() =>
            {
                lock (fromRecords)
                {
                    return fromHeartbeats.Count > 0;
                }
            }, TimeSpan.FromSeconds(30), "the DR reader to be positioned");
            lock (fromRecords)
            {
                fromHeartbeats.Clear();
            }

            using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = lab.Primary.BootstrapServers, LingerMs = 0, Acks = Acks.All }).Build())
            {
                var value = new byte[1024];
                var clock = Stopwatch.StartNew();
                var total = (long)rate * seconds;
                for (long i = 0; i < total; i++)
                {
                    // A steady rate: each record leaves at its own time slot.
                    var due = TimeSpan.FromTicks(i * TimeSpan.TicksPerSecond / rate);
                    while (clock.Elapsed < due)
                    {
                        Thread.Sleep(1);
                    }

                    producer.Produce("bench-latency", new Message<Null, byte[]> { Value = value, Timestamp = new Timestamp(DateTimeOffset.UtcNow) });
                }

                producer.Flush(TimeSpan.FromSeconds(30));
            }

            WaitFor(() =>
            {
                lock (fromRecords)
                {
                    return fromRecords.Count >= rate * seconds;
                }
            }, TimeSpan.FromSeconds(30), "every timed record on DR");
            stop.Cancel();
            reader.Join();
            return (fromRecords, fromHeartbeats);
        }

        private static Stopwatch Produce(string bootstrap, string topic, int records, int size, int partitions)
        {
            var config = new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5 };
            config.Set("dotnet.producer.delivery.report.fields", "status");
            var value = new byte[size];
            for (var i = 0; i < size; i++)
            {
                value[i] = (byte)('a' + (i % 26));
            }

            long failed = 0;
            Action<DeliveryReport<Null, byte[]>> handler = r =>
            {
                if (r.Error.IsError)
                {
                    Interlocked.Increment(ref failed);
                }
            };
            using var producer = new ProducerBuilder<Null, byte[]>(config).Build();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < records; i++)
            {
                while (true)
                {
                    try
                    {
                        producer.Produce(new TopicPartition(topic, i % partitions), new Message<Null, byte[]> { Value = value }, handler);
                        break;
                    }
                    catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(1));
                    }
                }
            }

            producer.Flush(TimeSpan.FromMinutes(2));
            watch.Stop();
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} records failed.");
            }

            return watch;
        }

        private static void CreateTopic(string bootstrap, string topic, int partitions)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
            admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 } }).GetAwaiter().GetResult();
        }

        /// <summary>Sum of the partitions' end offsets, or -1 while the topic does not exist.</summary>
        private static long EndOffsets(string bootstrap, string topic, int partitions)
        {
            using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-watermarks" }).Build();
            try
            {
                return Enumerable.Range(0, partitions).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5)).High.Value);
            }
            catch (KafkaException)
            {
                return -1;
            }
        }

        private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > timeout)
                {
                    throw new TimeoutException("Timed out waiting for " + what);
                }

                Thread.Sleep(20);
            }
        }

        private static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.OrderBy(v => v).ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }

        private static int Option(string[] args, string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

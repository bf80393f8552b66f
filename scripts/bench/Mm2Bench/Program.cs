using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Bench
{
    /// <summary>
    /// Figures for the checkpoint path: (a) decode + last-wins + translation of all groups in memory, (b) the same over
    /// the wire from librdkafka's mock cluster, or from the cluster at --bootstrap (e.g. the lab broker).
    /// Usage: Mm2Bench [--groups N] [--partitions N] [--iterations N] [--skip-wire] [--bootstrap host:port]
    ///        Mm2Bench --fill --bootstrap host:port [--groups N] [--partitions N]   (only write the checkpoints topic, for
    ///        the end-to-end benchmark through Get-OffsetSync in ../Get-OffsetSync.bench.ps1)
    /// </summary>
    internal static class Program
    {
        private const string CheckpointsTopic = "primary.checkpoints.internal";

        private static int Main(string[] args)
        {
            var groups = IntArg(args, "--groups", 10_000);
            var partitions = IntArg(args, "--partitions", 100);
            var iterations = IntArg(args, "--iterations", 5);
            var skipWire = args.Contains("--skip-wire");
            var bootstrap = StringArg(args, "--bootstrap");

            var checkpoints = BuildCheckpoints(groups, partitions);
            if (args.Contains("--fill"))
            {
                if (bootstrap == null)
                {
                    Console.Error.WriteLine("--fill needs --bootstrap host:port: the cluster whose checkpoints topic to write.");
                    return 2;
                }

                var seconds = Produce(bootstrap, checkpoints);
                Console.WriteLine($"Wrote {checkpoints.Count:N0} checkpoints ({groups:N0} groups x {partitions} partitions) to {CheckpointsTopic} at {bootstrap} in {seconds:F1} s");
                return 0;
            }

            Console.WriteLine($"Checkpoints topic: {checkpoints.Count:N0} records ({groups:N0} groups x {partitions} partitions over {TopicCount(partitions)} topics), "
                              + $"{checkpoints.Sum(c => (long)c.Key.Length + c.Value.Length) / 1024.0 / 1024.0:F1} MiB of keys and values");
            Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, Release={IsRelease()}");
            Console.WriteLine();

            InMemory(checkpoints, groups, iterations);
            if (!skipWire)
            {
                Console.WriteLine();
                OverTheWire(checkpoints, bootstrap);
            }

            return 0;
        }

        private static int TopicCount(int partitions) => Math.Max(1, partitions / 10);

        /// <summary>Each group has committed offsets on every partition: 10 partitions per topic.</summary>
        private static List<(byte[] Key, byte[] Value)> BuildCheckpoints(int groups, int partitions)
        {
            var records = new List<(byte[], byte[])>(groups * partitions);
            var topics = Enumerable.Range(0, TopicCount(partitions)).Select(t => $"primary.topic-{t:D2}").ToArray();
            for (var g = 0; g < groups; g++)
            {
                var group = $"group-{g:D5}";
                for (var p = 0; p < partitions; p++)
                {
                    var upstream = 1_000_000L + (g * 31L) + p;
                    var c = new Checkpoint(group, topics[p % topics.Length], p / topics.Length, upstream, upstream - 17, "");
                    records.Add((CheckpointCodec.EncodeKey(c), CheckpointCodec.EncodeValue(c)));
                }
            }

            return records;
        }

        private static void InMemory(List<(byte[] Key, byte[] Value)> encoded, int groups, int iterations)
        {
            var records = encoded.Select((r, i) => new RawRecord(r.Key, r.Value, new RecordLocation(CheckpointsTopic, 0, i), DateTimeOffset.UnixEpoch, TimestampType.CreateTime)).ToArray();
            Console.WriteLine($"(a) In memory, core only: {records.Length:N0} records, {iterations} runs after one warm-up");

            var decodeRates = new List<double>();
            var fullRates = new List<double>();
            var translateTimes = new List<double>();
            for (var run = 0; run <= iterations; run++)
            {
                GC.Collect();
                var decoder = TolerantRecordDecoder.ForCheckpoints();
                var sw = Stopwatch.StartNew();
                long decoded = 0;
                for (var i = 0; i < records.Length; i++)
                {
                    if (decoder.TryDecode(records[i], out _))
                    {
                        decoded++;
                    }
                }

                var decodeSeconds = sw.Elapsed.TotalSeconds;
                Check(decoded == records.Length, "every record decodes");

                GC.Collect();
                sw.Restart();
                var accumulator = new CheckpointAccumulator(GroupSelector.All);
                for (var i = 0; i < records.Length; i++)
                {
                    accumulator.Add(records[i]);
                }

                var snapshot = accumulator.Complete();
                var accumulateSeconds = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var translated = snapshot.TranslateAllGroups();
                var translateSeconds = sw.Elapsed.TotalSeconds;
                Check(translated.Count == groups, "every group translated");
                Check(translated.Values.Sum(v => v.Count) == records.Length, "every partition translated");

                if (run == 0)
                {
                    continue;
                }

                decodeRates.Add(records.Length / decodeSeconds);
                fullRates.Add(records.Length / (accumulateSeconds + translateSeconds));
                translateTimes.Add(translateSeconds);
                Console.WriteLine($"    run {run}: decode {decodeSeconds * 1000:F0} ms ({records.Length / decodeSeconds / 1e6:F2} M rec/s); "
                                  + $"decode + last-wins {accumulateSeconds * 1000:F0} ms; translate all {groups:N0} groups {translateSeconds * 1000:F0} ms; "
                                  + $"total {(accumulateSeconds + translateSeconds) * 1000:F0} ms ({records.Length / (accumulateSeconds + translateSeconds) / 1e6:F2} M rec/s)");
            }

            Console.WriteLine($"    median: decode only {Median(decodeRates) / 1e6:F2} M records/s (target >= 1.00); "
                              + $"decode + last-wins + translate all groups {Median(fullRates) / 1e6:F2} M records/s; translation step {Median(translateTimes) * 1000:F0} ms");
        }

        private static void OverTheWire(List<(byte[] Key, byte[] Value)> encoded, string? bootstrap)
        {
            using var mock = bootstrap == null ? RdKafkaMockCluster.Start() : null;
            if (mock != null)
            {
                Console.WriteLine($"(b) Over the wire: librdkafka mock cluster on 127.0.0.1 (keeps about 5 MiB per partition: only the newest records survive)");
                mock.CreateTopic(CheckpointsTopic, 1);
            }
            else
            {
                Console.WriteLine($"(b) Over the wire: the cluster at {bootstrap}");
            }

            bootstrap ??= mock!.BootstrapServers;
            var produceSeconds = Produce(bootstrap, encoded);
            Console.WriteLine($"    produced {encoded.Count:N0} records in {produceSeconds:F1} s ({encoded.Count / produceSeconds / 1e3:F0} k rec/s)");

            var sw = Stopwatch.StartNew();
            var dr = new ClusterConnection("dr", bootstrap, ClusterRole.DR);
            var reader = new CheckpointReader(dr, ReplicationPolicy.Default());
            double? firstProgressSeconds = null;
            var options = new InternalTopicReadOptions
            {
                Timeout = TimeSpan.FromMinutes(5),
                ProgressEveryRecords = 100_000,
                // The first callback comes once metadata and offsets are known: the fixed cost of any read.
                Progress = p => firstProgressSeconds ??= sw.Elapsed.TotalSeconds,
            };

            var snapshot = reader.Read("primary", GroupSelector.All, options);
            var readSeconds = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var translated = snapshot.TranslateAllGroups();
            var translateSeconds = sw.Elapsed.TotalSeconds;

            var read = snapshot.Read!;
            var total = readSeconds + translateSeconds;
            Console.WriteLine($"    retained by the cluster: offsets [{read.LogStartOffset:N0}, {read.EndOffset:N0}) = {read.EndOffset - read.LogStartOffset:N0} of {encoded.Count:N0} records");
            Console.WriteLine($"    read + decode + last-wins of {read.RecordsRead:N0} records: {readSeconds:F2} s; translate {translated.Count:N0} groups: {translateSeconds * 1000:F0} ms; "
                              + $"end to end {total:F2} s = {read.RecordsRead / total / 1e3:F0} k records/s");
            Console.WriteLine($"    of which fixed start-up (consumer, metadata, watermarks): {firstProgressSeconds:F2} s; "
                              + $"streaming rate after it: {read.RecordsRead / (readSeconds - firstProgressSeconds!.Value) / 1e3:F0} k records/s");
            Console.WriteLine($"    corrupt skipped: {snapshot.Decode.CorruptSkipped}; checkpoints kept: {snapshot.Count:N0}");
            var streaming = read.RecordsRead / (readSeconds - firstProgressSeconds.Value);
            if (read.RecordsRead >= encoded.Count)
            {
                Console.WriteLine($"    the whole topic was read: {total:F2} s for the one-read translation of all groups (target < 10 s)");
                return;
            }

            Console.WriteLine($"    extrapolated to {encoded.Count:N0} records (start-up + streaming rate + translation scaled): "
                              + $"{firstProgressSeconds.Value + (encoded.Count / streaming) + (translateSeconds * encoded.Count / Math.Max(1, read.RecordsRead)):F1} s (target < 10 s; a cluster that keeps every record, such as the lab broker, measures it)");
        }

        /// <summary>Appends the checkpoints to partition 0 of the checkpoints topic (which must exist: the mock cannot create topics through the admin API).</summary>
        private static double Produce(string bootstrap, List<(byte[] Key, byte[] Value)> encoded)
        {
            var sw = Stopwatch.StartNew();
            var producerConfig = new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 20, BatchSize = 1_000_000, Acks = Acks.Leader, QueueBufferingMaxMessages = 2_000_000 };
            using var producer = new ProducerBuilder<byte[], byte[]>(producerConfig).SetLogHandler((_, _) => { }).Build();
            var tp = new TopicPartition(CheckpointsTopic, 0);
            long failed = 0;
            foreach (var (key, value) in encoded)
            {
                producer.Produce(tp, new Message<byte[], byte[]> { Key = key, Value = value }, r => { if (r.Error.IsError) { failed++; } });
            }

            producer.Flush(TimeSpan.FromMinutes(5));
            Check(failed == 0, "every record produced");
            return sw.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
        }

        private static string? StringArg(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        private static int IntArg(string[] args, string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
        }

        private static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("Benchmark self-check failed: " + what);
            }
        }

        private static bool IsRelease()
        {
#if DEBUG
            return false;
#else
            return true;
#endif
        }
    }
}

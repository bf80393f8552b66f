using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LabBench
{
    /// <summary>
    /// Lab broker vs librdkafka's mock cluster on this machine: produce and consume msgs/s with 1 KiB records, memory
    /// per million records held, and a 1 GiB single-partition fill. Options: --records N (default 200000),
    /// --partitions N (default 64, so the mock's 5 MiB per-partition cap does not cut the consume run short),
    /// --fill-mib N (default 1024; 0 skips the fill). --records 0 skips the side-by-side run.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var records = Option(args, "--records", 200_000);
            var partitions = (int)Option(args, "--partitions", 64);
            var fillMib = Option(args, "--fill-mib", 1024);
            Console.WriteLine($"LabBench: {records:N0} records of {Workload.RecordSize} B over {partitions} partitions; fill {fillMib} MiB into one partition.");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Confluent.Kafka.Library.VersionString} librdkafka.");
            Console.WriteLine();

            if (records > 0)
            {
                var rows = new List<Row>();
                foreach (var factory in new Func<BenchTarget>[] { BenchTarget.Mock, BenchTarget.Lab })
                {
                    rows.Add(Measure(factory, records, partitions));
                }

                PrintTable(rows);
            }

            if (fillMib > 0)
            {
                Console.WriteLine();
                FillOnePartition(BenchTarget.Lab, fillMib);
                FillOnePartition(BenchTarget.Mock, fillMib);
            }

            return 0;
        }

        private sealed class Row
        {
            public string Name = "";
            public double ProduceRate;
            public double ConsumeRate;
            public long Consumed;
            public double ManagedPerMillion;
            public double WorkingSetPerMillion;
        }

        private static Row Measure(Func<BenchTarget> factory, long records, int partitions)
        {
            var before = MemoryProbe.Take();
            using var target = factory();
            target.CreateTopic("bench", partitions);
            // Warm-up: connections, metadata and JIT, outside the timed run.
            target.CreateTopic("warmup", 1);
            Workload.Produce(target.BootstrapServers, "warmup", 2000);

            var cpu0 = CpuTime();
            var produced = Workload.Produce(target.BootstrapServers, "bench", records);
            var produceCpu = CpuTime() - cpu0;
            var afterProduce = MemoryProbe.Take();
            var cpu1 = CpuTime();
            var (consumed, read, _) = Workload.Consume(target.BootstrapServers, "bench", partitions, records, TimeSpan.FromSeconds(5));
            var consumeCpu = CpuTime() - cpu1;
            var row = new Row
            {
                Name = target.Name,
                ProduceRate = records / produced.TotalSeconds,
                ConsumeRate = read / consumed.TotalSeconds,
                Consumed = read,
                ManagedPerMillion = (afterProduce.Managed - before.Managed) * 1e6 / records,
                WorkingSetPerMillion = (afterProduce.WorkingSet - before.WorkingSet) * 1e6 / records,
            };
            Console.WriteLine($"{row.Name}: produced {records:N0} in {produced.TotalSeconds:F2} s (process CPU {produceCpu:F2} s), " +
                              $"consumed {read:N0} in {consumed.TotalSeconds:F2} s (process CPU {consumeCpu:F2} s)");
            return row;
        }

        private static void PrintTable(List<Row> rows)
        {
            Console.WriteLine();
            Console.WriteLine("| broker | produce msg/s | consume msg/s | records read back | GC heap per 1M records | working set per 1M records |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var r in rows)
            {
                Console.WriteLine($"| {r.Name} | {r.ProduceRate:N0} | {r.ConsumeRate:N0} | {r.Consumed:N0} | {Mib(r.ManagedPerMillion)} | {Mib(r.WorkingSetPerMillion)} |");
            }

            var mock = rows.Single(r => r.Name.Contains("mock"));
            var lab = rows.Single(r => r.Name.Contains("lab"));
            Console.WriteLine();
            Console.WriteLine($"lab/mock produce ratio: {lab.ProduceRate / mock.ProduceRate:F2}   lab/mock consume ratio: {lab.ConsumeRate / mock.ConsumeRate:F2}   (target ≥ 0.70)");
        }

        private static void FillOnePartition(Func<BenchTarget> factory, long mib)
        {
            var before = MemoryProbe.Take();
            using var target = factory();
            target.CreateTopic("fill", 1);
            var records = mib * 1024 * 1024 / Workload.RecordSize;
            var gen2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            var cpu = CpuTime();
            var produced = Workload.Produce(target.BootstrapServers, "fill", records, partition: 0);
            Console.WriteLine($"  ({target.Name} fill: process CPU {CpuTime() - cpu:F1} s, {GC.CollectionCount(2) - gen2} gen2 GCs, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms)");
            var held = MemoryProbe.Take();
            Console.WriteLine($"  ({target.Name} holding the fill: GC heap +{Mib(held.Managed - before.Managed)}, working set +{Mib(held.WorkingSet - before.WorkingSet)}; " +
                              $"per 1M records: GC heap {Mib((held.Managed - before.Managed) * 1e6 / records)}, working set {Mib((held.WorkingSet - before.WorkingSet) * 1e6 / records)})");
            var (low, high) = Workload.Watermarks(target.BootstrapServers, "fill", 0);
            var (consumed, read, inOrder) = Workload.Consume(target.BootstrapServers, "fill", 1, records, TimeSpan.FromSeconds(5));
            var complete = read == records && low == 0 && high == records && inOrder;
            Console.WriteLine($"{target.Name}: {mib} MiB fill ({records:N0} records) produced in {produced.TotalSeconds:F1} s; " +
                              $"watermarks [{low:N0}, {high:N0}]; read back {read:N0} records{(inOrder ? ", each at its own offset," : " WITH WRONG OFFSETS")} in {consumed.TotalSeconds:F1} s " +
                              $"⇒ {(complete ? "COMPLETE" : $"LOST {records - read:N0} records ({(records - read) * 100.0 / records:F1}%)")}");
        }

        /// <summary>CPU of the whole process (clients and broker share it), to tell a busy broker from a waiting one.</summary>
        private static double CpuTime()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalSeconds;
        }

        private static string Mib(double bytes) => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

        private static long Option(string[] args, string name, long fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

using System;
using System.Threading;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>Flow primary->dr held in memory: two cluster views, the internal topics, a manual clock.</summary>
    internal sealed class InMemoryFlow
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        public InMemoryFlow(string? mm2Properties = null)
        {
            var options = new DrEnvironmentOptions { PrimaryBootstrapServers = "primary-host:9092", DrBootstrapServers = "dr-host:9093" };
            Environment = mm2Properties == null
                ? DrEnvironmentBuilder.Build(options)
                : new DrEnvironment(new ClusterConnection("primary", "primary-host:9092", ClusterRole.Primary), new ClusterConnection("dr", "dr-host:9093", ClusterRole.DR),
                    Mm2Config.Parse(mm2Properties).Settings("primary", "dr").Policy, Mm2Config.Parse(mm2Properties));
            Layout = new Mm2FlowLayout(Environment);
            Primary = new InMemoryClusterView("primary", ClusterRole.Primary);
            Dr = new InMemoryClusterView("dr", ClusterRole.DR);
            Topics = new InMemoryMm2Topics(Layout, Clock);
        }

        public DrEnvironment Environment { get; }

        public Mm2FlowLayout Layout { get; }

        public ManualClock Clock { get; } = new ManualClock(Now);

        public InMemoryClusterView Primary { get; }

        public InMemoryClusterView Dr { get; }

        public InMemoryMm2Topics Topics { get; }

        public InspectionContext Context() => new InspectionContext(Layout, Primary, Dr, Topics, Clock, TimeSpan.FromSeconds(30), CancellationToken.None);

        /// <summary>Checkpoints written <paramref name="secondsOld"/> seconds before <see cref="Now"/>.</summary>
        public InMemoryFlow Checkpoints(int secondsOld, params Checkpoint[] checkpoints)
        {
            Dr.TopicPartitions[Layout.CheckpointsTopic] = 1;
            Topics.Add(Layout.Dr, Layout.CheckpointsTopic, Now.AddSeconds(-secondsOld), Array.ConvertAll(checkpoints, c => Bytes(c)));
            return this;
        }

        public InMemoryFlow RawCheckpoints(params (byte[]? Key, byte[]? Value)[] records)
        {
            Dr.TopicPartitions[Layout.CheckpointsTopic] = 1;
            Topics.Add(Layout.Dr, Layout.CheckpointsTopic, Now, records);
            return this;
        }

        public InMemoryFlow Syncs(params OffsetSync[] syncs)
        {
            ((InMemoryClusterView)(Layout.OffsetSyncsCluster.Alias == "primary" ? Primary : Dr)).TopicPartitions[Layout.OffsetSyncsTopic] = 1;
            Topics.Add(Layout.OffsetSyncsCluster, Layout.OffsetSyncsTopic, Now.AddMinutes(-5), Array.ConvertAll(syncs, s => Bytes(s)));
            return this;
        }

        /// <summary>A heartbeat emitted <paramref name="secondsOld"/> seconds before <see cref="Now"/> into a DR topic.</summary>
        public InMemoryFlow Heartbeat(string topic, string source, string target, int secondsOld)
        {
            Dr.TopicPartitions[topic] = 1;
            var emitted = Now.AddSeconds(-secondsOld);
            Topics.Add(Layout.Dr, topic, emitted, Bytes(new Heartbeat(source, target, emitted.ToUnixTimeMilliseconds())));
            return this;
        }
    }
}

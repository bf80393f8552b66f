using System;
using System.Threading;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Produce;

namespace Mm2Dr.Core.Tests.Integration
{
    /// <summary>One librdkafka mock cluster per test class. Never list or delete groups against it: that aborts the process.</summary>
    public sealed class MockClusterFixture : IDisposable
    {
        private int _topicCounter;

        public MockClusterFixture()
        {
            Mock = RdKafkaMockCluster.Start();
            Cluster = new ClusterConnection("primary", Mock.BootstrapServers, ClusterRole.Primary);
        }

        public RdKafkaMockCluster Mock { get; }

        public ClusterConnection Cluster { get; }

        public ReplicationPolicy Policy { get; } = ReplicationPolicy.Default();

        public string NewTopic(int partitions)
        {
            var name = $"t{Interlocked.Increment(ref _topicCounter)}-{Guid.NewGuid():N}".Substring(0, 20);
            Mock.CreateTopic(name, partitions);
            return name;
        }

        public KafkaAdmin Admin(int timeoutSeconds = 10) => new KafkaAdmin(Cluster, TimeSpan.FromSeconds(timeoutSeconds), CancellationToken.None);

        public ProduceSummary Produce(string topic, long count, int size = 100, int? partition = null)
            => GeneratedMessages.Produce(Cluster, topic, count, size, partition);

        public void Dispose() => Mock.Dispose();
    }
}

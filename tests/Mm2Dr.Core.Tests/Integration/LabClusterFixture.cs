using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Produce;
using Mm2Dr.Lab;

namespace Mm2Dr.Core.Tests.Integration
{
    /// <summary>One lab broker per test class: the paths librdkafka's mock cannot serve (groups, topic admin, timestamps).</summary>
    public sealed class LabClusterFixture : IDisposable
    {
        public LabClusterFixture()
        {
            Broker = LabBroker.Start(new LabBrokerOptions());
            Cluster = new ClusterConnection("primary", Broker.BootstrapServers, ClusterRole.Primary);
        }

        public LabBroker Broker { get; }

        public ClusterConnection Cluster { get; }

        public ReplicationPolicy Policy { get; } = ReplicationPolicy.Default();

        public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);

        public KafkaAdmin Admin(int timeoutSeconds = 10) => new KafkaAdmin(Cluster, TimeSpan.FromSeconds(timeoutSeconds), CancellationToken.None);

        public ProduceSummary Produce(string topic, long count, int size = 100, int? partition = null)
            => GeneratedMessages.Produce(Cluster, topic, count, size, partition);

        public void Dispose() => Broker.Dispose();
    }
}

using System;
using System.Collections.Generic;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab;

namespace Mm2Dr.TestSupport
{
    /// <summary>
    /// The Kafka cluster the MM2 integration tests run against: the project's lab broker, reached over the wire like
    /// any Kafka. (These tests started on librdkafka's mock cluster, which cannot list groups, create topics through the
    /// admin API or keep more than 5 MiB per partition; this class was the one seam that changed.)
    /// </summary>
    public sealed class TestKafkaCluster : IDisposable
    {
        private readonly LabBroker _broker;

        private TestKafkaCluster(LabBroker broker)
        {
            _broker = broker;
        }

        public static TestKafkaCluster Start() => new TestKafkaCluster(LabBroker.Start(new LabBrokerOptions()));

        public string BootstrapServers => _broker.BootstrapServers;

        /// <summary>The lab broker implements ListGroups, so group listing (wildcards, "all groups") can be tested.</summary>
        public bool CanListGroups => true;

        public void CreateTopic(string name, int partitions)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
            admin.CreateTopicsAsync(new List<TopicSpecification> { new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = 1 } })
                .GetAwaiter().GetResult();
        }

        /// <summary>Takes the cluster down (connections refused and dropped, data kept), to test what an outage looks like.</summary>
        public void SetDown() => _broker.TakeDown();

        public void Dispose() => _broker.Dispose();

        public override string ToString() => "lab broker " + BootstrapServers;
    }
}

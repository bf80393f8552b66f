using System;
using Mm2Dr.Core.Embedded;

namespace LabBench
{
    /// <summary>One broker under test: the lab broker or librdkafka's mock cluster, behind the same three calls.</summary>
    internal sealed class BenchTarget : IDisposable
    {
        private readonly IDisposable _broker;
        private readonly Action<string, int> _createTopic;

        private BenchTarget(string name, string bootstrap, IDisposable broker, Action<string, int> createTopic)
        {
            Name = name;
            BootstrapServers = bootstrap;
            _broker = broker;
            _createTopic = createTopic;
        }

        public string Name { get; }

        public string BootstrapServers { get; }

        public static BenchTarget Lab()
        {
            var broker = Mm2Dr.Lab.LabBroker.Start(new Mm2Dr.Lab.LabBrokerOptions { AutoCreateTopics = false });
            return new BenchTarget("lab broker", broker.BootstrapServers, broker, (topic, partitions) =>
            {
                using var admin = new Confluent.Kafka.AdminClientBuilder(new Confluent.Kafka.AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
                admin.CreateTopicsAsync(new[] { new Confluent.Kafka.Admin.TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 } }).GetAwaiter().GetResult();
            });
        }

        public static BenchTarget Mock()
        {
            var mock = RdKafkaMockCluster.Start(1);
            return new BenchTarget("librdkafka mock", mock.BootstrapServers, mock, (topic, partitions) => mock.CreateTopic(topic, partitions));
        }

        public void CreateTopic(string topic, int partitions) => _createTopic(topic, partitions);

        public void Dispose() => _broker.Dispose();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Confluent.Kafka clients tuned for quick tests (short heartbeats and backoffs), otherwise stock.</summary>
    internal static class Clients
    {
        public static IProducer<string, string> Producer(LabBroker broker, Action<ProducerConfig>? configure = null)
        {
            var config = new ProducerConfig
            {
                BootstrapServers = broker.BootstrapServers,
                LingerMs = 5,
                MessageTimeoutMs = 60000,
            };
            configure?.Invoke(config);
            return new ProducerBuilder<string, string>(config).Build();
        }

        public static IProducer<byte[], byte[]> BinaryProducer(LabBroker broker, Action<ProducerConfig>? configure = null)
        {
            var config = new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 5, MessageTimeoutMs = 120000 };
            configure?.Invoke(config);
            return new ProducerBuilder<byte[], byte[]>(config).Build();
        }

        public static ConsumerConfig ConsumerConfig(LabBroker broker, string groupId) => new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 200,
            FetchWaitMaxMs = 100,
        };

        public static IConsumer<string, string> Consumer(LabBroker broker, string groupId, Action<ConsumerConfig>? configure = null)
        {
            var config = ConsumerConfig(broker, groupId);
            configure?.Invoke(config);
            return new ConsumerBuilder<string, string>(config).Build();
        }

        public static IAdminClient Admin(LabBroker broker) =>
            new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        public static void CreateTopic(LabBroker broker, string topic, int partitions, Dictionary<string, string>? configs = null)
        {
            using var admin = Admin(broker);
            admin.CreateTopicsAsync(new[] { new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1, Configs = configs } })
                .GetAwaiter().GetResult();
        }

        /// <summary>Produces and waits for every delivery; returns the delivery reports in send order.</summary>
        public static List<DeliveryResult<string, string>> ProduceAll(IProducer<string, string> producer, string topic, IEnumerable<Message<string, string>> messages, int? partition = null)
        {
            var tasks = messages.Select(m => partition == null
                ? producer.ProduceAsync(topic, m)
                : producer.ProduceAsync(new TopicPartition(topic, partition.Value), m)).ToList();
            producer.Flush(TimeSpan.FromSeconds(30));
            return tasks.Select(t => t.GetAwaiter().GetResult()).ToList();
        }

        /// <summary>Reads a partition from the beginning until <paramref name="count"/> messages arrived.</summary>
        public static List<ConsumeResult<string, string>> ReadPartition(LabBroker broker, string topic, int partition, int count, int timeoutMs = 30000)
        {
            using var consumer = Consumer(broker, "reader-" + Guid.NewGuid().ToString("N"));
            consumer.Assign(new TopicPartitionOffset(topic, partition, Offset.Beginning));
            var results = new List<ConsumeResult<string, string>>();
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (results.Count < count && DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result != null && !result.IsPartitionEOF)
                {
                    results.Add(result);
                }
            }

            return results;
        }
    }
}

using System;
using Confluent.Kafka;
using Mm2Dr.Core.Embedded;
using Xunit;

namespace Mm2Dr.Core.Tests.Embedded
{
    public class RdKafkaMockClusterTests
    {
        [Fact]
        public void A_message_produced_to_the_mock_reads_back()
        {
            using var cluster = RdKafkaMockCluster.Start();
            cluster.CreateTopic("smoke", 2);
            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            {
                producer.Produce(new TopicPartition("smoke", 1), new Message<string, string> { Key = "k", Value = "v" });
                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
            }

            using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "smoke-reader" }).Build();
            consumer.Assign(new TopicPartitionOffset("smoke", 1, Offset.Beginning));
            var result = consumer.Consume(TimeSpan.FromSeconds(10));
            Assert.NotNull(result);
            Assert.Equal("k", result.Message.Key);
            Assert.Equal("v", result.Message.Value);
            Assert.StartsWith("127.0.0.1:", cluster.BootstrapServers);
        }
    }
}

using System;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>The librdkafka mock keeps only 5 MiB per partition; the lab broker keeps everything (1 GiB is in the benchmark).</summary>
    public class LargePartitionTests : BrokerTest
    {
        private const int RecordSize = 1024;
        private const int Records = 64 * 1024; // 64 MiB of values

        [Fact]
        public void Sixty_four_MiB_in_one_partition_read_back_complete()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "large", 1);
            var value = new byte[RecordSize];
            using (var producer = Clients.BinaryProducer(broker, c =>
                   {
                       c.LingerMs = 20;
                       c.BatchSize = 1_000_000;
                   }))
            {
                for (var i = 0; i < Records; i++)
                {
                    BitConverter.GetBytes(i).CopyTo(value, 0);
                    while (true)
                    {
                        try
                        {
                            producer.Produce("large", new Message<byte[], byte[]> { Value = (byte[])value.Clone() });
                            break;
                        }
                        catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                        {
                            producer.Poll(TimeSpan.FromMilliseconds(50));
                        }
                    }
                }

                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
            }

            using var consumer = new ConsumerBuilder<Ignore, byte[]>(Clients.ConsumerConfig(broker, "large-reader")).Build();
            consumer.Assign(new TopicPartitionOffset("large", 0, Offset.Beginning));
            var next = 0;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (next < Records && DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result == null)
                {
                    continue;
                }

                Assert.Equal(next, result.Offset.Value);
                Assert.Equal(next, BitConverter.ToInt32(result.Message.Value, 0));
                Assert.Equal(RecordSize, result.Message.Value.Length);
                next++;
            }

            Assert.Equal(Records, next);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Confluent.Kafka;

namespace Mm2Dr.TestSupport
{
    /// <summary>Plain Confluent.Kafka clients for setting up a test: fill partitions, commit a group's offsets.</summary>
    internal static class KafkaTestClient
    {
        /// <summary>Appends <paramref name="count"/> small records to one partition.</summary>
        public static void Fill(string bootstrapServers, string topic, int partition, int count)
        {
            if (count == 0)
            {
                return;
            }

            var config = new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, LingerMs = 5 };
            using var producer = new ProducerBuilder<Null, byte[]>(config).SetLogHandler((_, _) => { }).Build();
            var failed = 0;
            for (var i = 0; i < count; i++)
            {
                producer.Produce(new TopicPartition(topic, partition), new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes("record-" + i) }, r =>
                {
                    if (r.Error.IsError)
                    {
                        System.Threading.Interlocked.Increment(ref failed);
                    }
                });
            }

            if (producer.Flush(TimeSpan.FromSeconds(30)) != 0 || failed > 0)
            {
                throw new InvalidOperationException($"Could not fill {topic}-{partition} at {bootstrapServers}: {failed} failed.");
            }
        }

        /// <summary>Commits offsets for a group the way a consumer does (OffsetCommit), without joining it.</summary>
        public static void Commit(string bootstrapServers, string group, params (string Topic, int Partition, long Offset)[] offsets)
        {
            var config = new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, EnableAutoCommit = false };
            using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
            consumer.Commit(offsets.Select(o => new TopicPartitionOffset(o.Topic, o.Partition, o.Offset)).ToList());
            consumer.Close();
        }

        public static IEnumerable<(byte[]? Key, byte[]? Value, DateTimeOffset? Timestamp)> At(DateTimeOffset timestamp, params (byte[]? Key, byte[]? Value)[] records)
            => records.Select(r => (r.Key, r.Value, (DateTimeOffset?)timestamp));
    }
}

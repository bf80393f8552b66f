using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Lab.Records;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>ListOffsets by timestamp must give the first offset whose record timestamp is at least T (notes §3.3).</summary>
    public class TimestampLookupTests : BrokerTest
    {
        private const long T0 = 1_700_000_000_000;

        /// <summary>Record i has T0 + 10·i, except record 50 which goes back to T0 + 5 (timestamps need not be ordered).</summary>
        private static long TimestampOf(int i) => i == 50 ? T0 + 5 : T0 + 10L * i;

        public static IEnumerable<object[]> Codecs() => new[]
        {
            new object[] { CompressionType.None },
            new object[] { CompressionType.Gzip },
            new object[] { CompressionType.Snappy },
            new object[] { CompressionType.Lz4 },
            new object[] { CompressionType.Zstd },
        };

        [Theory]
        [MemberData(nameof(Codecs))]
        public void Timestamp_lookups_are_exact_inside_batches_of_every_codec(CompressionType codec)
        {
            using var broker = StartBroker();
            var topic = "times-" + codec.ToString().ToLowerInvariant();
            Clients.CreateTopic(broker, topic, 1);
            using (var producer = Clients.Producer(broker, c =>
                   {
                       c.CompressionType = codec;
                       c.LingerMs = 50;
                   }))
            {
                Clients.ProduceAll(producer, topic, Enumerable.Range(0, 100).Select(i => new Message<string, string>
                {
                    Key = "k" + i,
                    Value = new string('x', 200) + i,
                    Timestamp = new Timestamp(TimestampOf(i), TimestampType.CreateTime),
                }));
            }

            var expected = new Dictionary<long, long>
            {
                [T0 - 100] = 0,
                [T0] = 0,
                [T0 + 1] = 1,
                [T0 + 5] = 1,
                [T0 + 250] = 25,
                [T0 + 491] = 51,
                [T0 + 500] = 51,
                [T0 + 990] = 99,
                [T0 + 991] = -1,
            };

            using var consumer = Clients.Consumer(broker, "times");
            // A ListOffsets request carries one timestamp per partition, so ask one by one.
            foreach (var pair in expected)
            {
                var answer = consumer.OffsetsForTimes(new[] { new TopicPartitionTimestamp(topic, 0, new Timestamp(pair.Key, TimestampType.CreateTime)) }, TimeSpan.FromSeconds(10)).Single();
                Assert.True(pair.Value == answer.Offset.Value, $"T0+{pair.Key - T0}: expected {pair.Value}, got {answer.Offset.Value}");
            }

            // The batches are stored as the producer compressed them, and still carry a valid CRC.
            using var raw = new RawKafkaConnection(broker);
            var (error, hwm, records) = RawRequests.Fetch(raw, 1, topic, 0, 0);
            Assert.Equal(0, error);
            Assert.Equal(100, hwm);
            var largestBatch = 0;
            for (var at = 0; at + RecordBatchLayout.HeaderSize <= records.Length;)
            {
                var batch = records.AsSpan(at, RecordBatchLayout.BatchLength(records.AsSpan(at)) + RecordBatchLayout.LogOverhead);
                Assert.Equal((int)codec, RecordBatchLayout.Codec(batch));
                Assert.Equal(RecordBatchLayout.Crc(batch), RecordBatchLayout.ComputeCrc(batch));
                largestBatch = Math.Max(largestBatch, RecordBatchLayout.RecordCount(batch));
                at += batch.Length;
            }

            Assert.True(largestBatch > 1, "the producer was expected to batch several records");

            var read = Clients.ReadPartition(broker, topic, 0, 100);
            Assert.Equal(Enumerable.Range(0, 100).Select(i => TimestampOf(i)), read.Select(r => r.Message.Timestamp.UnixTimestampMs));
        }

        [Fact]
        public void Earliest_and_latest_are_the_log_bounds()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "bounds", 1);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "bounds", Enumerable.Range(0, 12).Select(i => new Message<string, string> { Value = "v" }));
            }

            using var raw = new RawKafkaConnection(broker);
            Assert.Equal((0, -1L, 0L), RawRequests.ListOffsets(raw, 1, "bounds", 0, -2));
            Assert.Equal((0, -1L, 12L), RawRequests.ListOffsets(raw, 2, "bounds", 0, -1));
            // Max-timestamp (-3) needs ListOffsets v7, which is not advertised (k39 KafkaApis.scala:1163-1169).
            Assert.Equal((short)35, RawRequests.ListOffsets(raw, 3, "bounds", 0, -3).Error);
            Assert.Equal((short)3, RawRequests.ListOffsets(raw, 4, "bounds", 7, -1).Error);
            Assert.Equal((short)3, RawRequests.ListOffsets(raw, 5, "missing", 0, -1).Error);
            // v1 (librdkafka 2.0.2's minimum feature probe) answers the same.
            Assert.Equal((0, -1L, 12L), RawRequests.ListOffsets(raw, 6, "bounds", 0, -1, version: 1));
        }
    }
}

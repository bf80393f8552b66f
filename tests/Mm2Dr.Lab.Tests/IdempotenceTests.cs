using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class IdempotenceTests : BrokerTest
    {
        [Fact]
        public void An_idempotent_producer_writes_each_message_once()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "idempotent", 3);
            using (var producer = Clients.Producer(broker, c => c.EnableIdempotence = true))
            {
                var reports = Clients.ProduceAll(producer, "idempotent", Enumerable.Range(0, 900).Select(i => new Message<string, string> { Key = "k" + i, Value = "v" + i }));
                Assert.All(reports, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
            }

            using var consumer = Clients.Consumer(broker, "count");
            var end = Enumerable.Range(0, 3).Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition("idempotent", p), System.TimeSpan.FromSeconds(10)).High.Value);
            Assert.Equal(900, end);
        }

        [Fact]
        public void Retried_batches_get_their_original_offsets_and_gaps_are_refused()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "dedup", 1);
            using var raw = new RawKafkaConnection(broker);
            var producerId = RawRequests.InitProducerId(raw, 1);
            Assert.NotEqual(producerId, RawRequests.InitProducerId(raw, 2));

            var first = TestRecordBatch.Build(new[] { "a", "b", "c" }, 1000, producerId, 0, 0);
            Assert.Equal((0, 0L), RawRequests.Produce(raw, 3, "dedup", 0, first));
            // The same batch again (a retry after a lost response): original offsets, no error, nothing appended
            // (k39 UnifiedLog.scala:1041-1048).
            Assert.Equal((0, 0L), RawRequests.Produce(raw, 4, "dedup", 0, first));

            // Sequence 5 after 0-2 leaves a gap ⇒ OUT_OF_ORDER_SEQUENCE_NUMBER (45).
            var gap = TestRecordBatch.Build(new[] { "x" }, 1000, producerId, 0, 5);
            Assert.Equal((short)45, RawRequests.Produce(raw, 5, "dedup", 0, gap).Error);

            var next = TestRecordBatch.Build(new[] { "d" }, 1000, producerId, 0, 3);
            Assert.Equal((0, 3L), RawRequests.Produce(raw, 6, "dedup", 0, next));

            // An older epoch is fenced (INVALID_PRODUCER_EPOCH 47 for idempotent producers in k39).
            var stale = TestRecordBatch.Build(new[] { "e" }, 1000, producerId, -1, 4);
            Assert.Equal((short)47, RawRequests.Produce(raw, 7, "dedup", 0, stale).Error);

            Assert.Equal((0, -1L, 4L), RawRequests.ListOffsets(raw, 8, "dedup", 0, -1));
        }
    }
}

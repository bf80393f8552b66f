using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class ProduceConsumeTests : BrokerTest
    {
        [Theory]
        [InlineData(Acks.None)]
        [InlineData(Acks.Leader)]
        [InlineData(Acks.All)]
        public void Every_acks_setting_stores_every_message_in_order(Acks acks)
        {
            using var broker = StartBroker();
            var topic = "acks-" + (int)acks;
            Clients.CreateTopic(broker, topic, 1);
            using (var producer = Clients.Producer(broker, c => c.Acks = acks))
            {
                var reports = Clients.ProduceAll(producer, topic, Enumerable.Range(0, 200).Select(i => new Message<string, string> { Key = "k" + i, Value = "v" + i }));
                Assert.All(reports, r => Assert.True(acks == Acks.None || r.Status == PersistenceStatus.Persisted));
                if (acks != Acks.None)
                {
                    Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), reports.Select(r => r.Offset.Value));
                }
            }

            var read = Clients.ReadPartition(broker, topic, 0, 200);
            Assert.Equal(Enumerable.Range(0, 200).Select(i => "v" + i), read.Select(r => r.Message.Value));
            Assert.Equal(Enumerable.Range(0, 200).Select(i => "k" + i), read.Select(r => r.Message.Key));
            Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), read.Select(r => r.Offset.Value));
        }

        [Fact]
        public void Keys_headers_and_create_times_round_trip()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "headers", 1);
            var created = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
            var headers = new Headers { { "trace", Encoding.UTF8.GetBytes("abc") }, { "binary", new byte[] { 0, 255, 1 } }, { "empty", Array.Empty<byte>() } };
            using (var producer = Clients.Producer(broker))
            {
                var reports = Clients.ProduceAll(producer, "headers", new[]
                {
                    new Message<string, string> { Key = "key-1", Value = "value-1", Headers = headers, Timestamp = new Timestamp(created) },
                    new Message<string, string> { Key = null!, Value = "" },
                });
                // LogAppendTime must be -1 on CreateTime topics or librdkafka relabels the message (notes §3.2).
                Assert.Equal(TimestampType.CreateTime, reports[0].Timestamp.Type);
                Assert.Equal(created, reports[0].Timestamp.UtcDateTime);
            }

            var read = Clients.ReadPartition(broker, "headers", 0, 2);
            Assert.Equal("key-1", read[0].Message.Key);
            Assert.Equal(created, read[0].Message.Timestamp.UtcDateTime);
            Assert.Equal(TimestampType.CreateTime, read[0].Message.Timestamp.Type);
            Assert.Equal(new[] { "trace", "binary", "empty" }, read[0].Message.Headers.Select(h => h.Key));
            Assert.Equal(new byte[] { 0, 255, 1 }, read[0].Message.Headers.GetLastBytes("binary"));
            Assert.Equal("abc", Encoding.UTF8.GetString(read[0].Message.Headers.GetLastBytes("trace")));
            Assert.Null(read[1].Message.Key);
            Assert.Equal("", read[1].Message.Value);
        }

        [Fact]
        public void A_LogAppendTime_topic_stamps_the_broker_time()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "append-time", 1, new Dictionary<string, string> { ["message.timestamp.type"] = "LogAppendTime" });
            var before = DateTime.UtcNow.AddSeconds(-1);
            using (var producer = Clients.Producer(broker))
            {
                var reports = Clients.ProduceAll(producer, "append-time", new[]
                {
                    new Message<string, string> { Value = "a", Timestamp = new Timestamp(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)) },
                });
                Assert.Equal(TimestampType.LogAppendTime, reports[0].Timestamp.Type);
            }

            var after = DateTime.UtcNow.AddSeconds(1);
            var read = Clients.ReadPartition(broker, "append-time", 0, 1).Single();
            Assert.Equal(TimestampType.LogAppendTime, read.Message.Timestamp.Type);
            Assert.InRange(read.Message.Timestamp.UtcDateTime, before, after);
        }

        [Fact]
        public void Auto_creation_uses_the_default_partition_count_and_can_be_switched_off()
        {
            using (var broker = StartBroker(o => o.DefaultPartitions = 3))
            using (var producer = Clients.Producer(broker))
            {
                var report = producer.ProduceAsync("auto-created", new Message<string, string> { Value = "x" }).GetAwaiter().GetResult();
                Assert.Equal(PersistenceStatus.Persisted, report.Status);
                using var admin = Clients.Admin(broker);
                var metadata = admin.GetMetadata("auto-created", TimeSpan.FromSeconds(10));
                Assert.Equal(3, metadata.Topics.Single().Partitions.Count);
            }

            using (var broker = StartBroker(o => o.AutoCreateTopics = false))
            using (var admin = Clients.Admin(broker))
            {
                var metadata = admin.GetMetadata("never-created", TimeSpan.FromSeconds(10));
                Assert.Equal(ErrorCode.UnknownTopicOrPart, metadata.Topics.Single().Error.Code);
                Assert.Empty(admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics);
            }
        }

        [Fact]
        public void Watermarks_report_the_log_end()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "watermarks", 2);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "watermarks", Enumerable.Range(0, 7).Select(i => new Message<string, string> { Value = "v" }), partition: 1);
            }

            using var consumer = Clients.Consumer(broker, "wm");
            var p1 = consumer.QueryWatermarkOffsets(new TopicPartition("watermarks", 1), TimeSpan.FromSeconds(10));
            var p0 = consumer.QueryWatermarkOffsets(new TopicPartition("watermarks", 0), TimeSpan.FromSeconds(10));
            Assert.Equal((0L, 7L), (p1.Low.Value, p1.High.Value));
            Assert.Equal((0L, 0L), (p0.Low.Value, p0.High.Value));
        }

        [Fact]
        public void A_consumer_waiting_at_the_end_gets_new_messages_promptly()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "long-poll", 1);
            using var consumer = Clients.Consumer(broker, "lp", c => c.FetchWaitMaxMs = 5000);
            consumer.Assign(new TopicPartitionOffset("long-poll", 0, Offset.Beginning));
            Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(500)));
            using var producer = Clients.Producer(broker);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Clients.ProduceAll(producer, "long-poll", new[] { new Message<string, string> { Value = "late" } });
            var result = consumer.Consume(TimeSpan.FromSeconds(10));
            Assert.Equal("late", result?.Message.Value);
            // A fetch parked for up to 5 s must wake on the append rather than run out its wait.
            Assert.True(watch.ElapsedMilliseconds < 4000, $"took {watch.ElapsedMilliseconds} ms");
        }
    }
}

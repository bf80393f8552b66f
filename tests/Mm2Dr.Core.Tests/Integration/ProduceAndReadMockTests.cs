using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Produce;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Integration
{
    public class ProduceAndReadMockTests : IClassFixture<MockClusterFixture>
    {
        private readonly MockClusterFixture _fx;

        public ProduceAndReadMockTests(MockClusterFixture fx) => _fx = fx;

        private List<KafkaRecord> Read(TopicReadOptions options) => new TopicReader(_fx.Cluster, options, _fx.Policy).Read(CancellationToken.None).ToList();

        [Fact]
        public void Generated_messages_are_all_delivered_and_read_back_in_partition_order()
        {
            var topic = _fx.NewTopic(4);
            var summary = _fx.Produce(topic, 2000, size: 256);
            Assert.Equal(2000, summary.Sent);
            Assert.Equal(2000, summary.Delivered);
            Assert.Equal(0, summary.Failed);
            Assert.Equal(0, summary.Unconfirmed);

            var records = Read(new TopicReadOptions(new[] { topic }));
            Assert.Equal(2000, records.Count);
            Assert.Equal(2000, records.Select(r => ParseId(r)).Distinct().Count());
            foreach (var partition in records.GroupBy(r => r.Partition))
            {
                var offsets = partition.Select(r => r.Offset).ToList();
                Assert.Equal(Enumerable.Range(0, offsets.Count).Select(i => (long)i), offsets);
                var ids = partition.Select(ParseId).ToList();
                Assert.Equal(ids.OrderBy(i => i), ids);
            }

            Assert.All(records, r => Assert.Equal(256, r.ValueBytes!.Length));
        }

        [Fact]
        public void Keys_headers_and_timestamps_round_trip()
        {
            var topic = _fx.NewTopic(1);
            var when = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
            using (var producer = new MessageProducer(_fx.Cluster, new ProducerOptions(topic) { ReportEveryDelivery = true }))
            {
                var headers = new List<KeyValuePair<string, byte[]>> { new KeyValuePair<string, byte[]>("source", Encoding.UTF8.GetBytes("mm2dr")), new KeyValuePair<string, byte[]>("n", Encoding.UTF8.GetBytes("1")) };
                producer.Send(new OutgoingMessage(Encoding.UTF8.GetBytes("k1"), Encoding.UTF8.GetBytes("{\"a\":1}"), headers, timestamp: when), CancellationToken.None);
                producer.Send(new OutgoingMessage(null, null), CancellationToken.None);
                var summary = producer.Complete(TimeSpan.FromSeconds(10), CancellationToken.None);
                Assert.Equal(2, summary.Delivered);
                var reports = new List<DeliveryResult>();
                producer.DrainReports(reports.Add);
                Assert.Equal(2, reports.Count);
                Assert.All(reports, r => Assert.True(r.Delivered));
                Assert.Equal(new long[] { 0, 1 }, reports.Select(r => r.Offset).OrderBy(o => o));
                Assert.Contains(reports, r => r.Key == "k1");
            }

            var records = Read(new TopicReadOptions(new[] { topic }) { Format = ValueFormat.Json });
            Assert.Equal(2, records.Count);
            Assert.Equal("k1", records[0].Key);
            Assert.Equal("mm2dr", records[0].Headers["source"]);
            Assert.Equal(2, records[0].HeaderList.Count);
            Assert.Equal(when.UtcDateTime, records[0].Timestamp);
            var json = Assert.IsType<List<KeyValuePair<string, object?>>>(records[0].Value);
            Assert.Equal("a", json[0].Key);
            Assert.Null(records[1].Key);
            Assert.Null(records[1].Value);
        }

        [Fact]
        public void Max_messages_partition_and_offset_bound_the_read()
        {
            var topic = _fx.NewTopic(2);
            _fx.Produce(topic, 50, partition: 0);
            _fx.Produce(topic, 20, partition: 1);
            Assert.Equal(5, Read(new TopicReadOptions(new[] { topic }) { MaxMessages = 5 }).Count);
            var p1 = Read(new TopicReadOptions(new[] { topic }) { Partitions = new[] { 1 } });
            Assert.Equal(20, p1.Count);
            Assert.All(p1, r => Assert.Equal(1, r.Partition));
            var fromOffset = Read(new TopicReadOptions(new[] { topic }) { Partitions = new[] { 0 }, From = ReadStart.Offset, Offset = 45 });
            Assert.Equal(new long[] { 45, 46, 47, 48, 49 }, fromOffset.Select(r => r.Offset));
        }

        [Fact]
        public void Reading_from_the_end_returns_nothing_and_stops_promptly()
        {
            var topic = _fx.NewTopic(2);
            _fx.Produce(topic, 10);
            var reader = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { From = ReadStart.End, IdleTimeout = TimeSpan.FromSeconds(20) }, _fx.Policy);
            Assert.Empty(reader.Read(CancellationToken.None));
            Assert.Equal(ReadStopReason.ReachedEnd, reader.Summary.StopReason);
            Assert.True(reader.Summary.Elapsed < TimeSpan.FromSeconds(10), $"took {reader.Summary.Elapsed}");
        }

        [Fact]
        public void A_read_without_a_group_commits_nothing_and_a_read_with_one_commits_what_it_processed()
        {
            var topic = _fx.NewTopic(2);
            _fx.Produce(topic, 40);
            var group = "reader-" + Guid.NewGuid().ToString("N");
            Read(new TopicReadOptions(new[] { topic }));
            using var admin = _fx.Admin();
            var groups = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy));
            var partitions = new[] { new Confluent.Kafka.TopicPartition(topic, 0), new Confluent.Kafka.TopicPartition(topic, 1) };

            var reader = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group, Partitions = new[] { 0, 1 }, From = ReadStart.Beginning, MaxMessages = 40 }, _fx.Policy);
            var count = 0;
            foreach (var _ in reader.Read(CancellationToken.None))
            {
                count++;
            }

            Assert.Equal(40, count);
            var committed = groups.CommittedOffsets(group, partitions);
            Assert.Equal(40, committed.Values.Sum());
            Assert.Equal(reader.Summary.Committed.Values.Sum(), committed.Values.Sum());
        }

        [Fact]
        public void Stopping_a_read_commits_only_what_was_processed()
        {
            var topic = _fx.NewTopic(1);
            _fx.Produce(topic, 100);
            var group = "stopper-" + Guid.NewGuid().ToString("N");
            using var cts = new CancellationTokenSource();
            var reader = new TopicReader(_fx.Cluster, new TopicReadOptions(new[] { topic }) { Group = group, Partitions = new[] { 0 }, From = ReadStart.Beginning, Follow = true }, _fx.Policy);
            var seen = 0;
            foreach (var record in reader.Read(cts.Token))
            {
                if (++seen == 30)
                {
                    cts.Cancel();
                }
            }

            Assert.Equal(30, seen);
            Assert.Equal(ReadStopReason.Cancelled, reader.Summary.StopReason);
            using var admin = _fx.Admin();
            var committed = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, _fx.Policy)).CommittedOffsets(group, new[] { new Confluent.Kafka.TopicPartition(topic, 0) });
            Assert.Equal(30, committed[new TopicPartitionRef(topic, 0)]);
        }

        [Fact]
        public void Missing_topics_and_partitions_are_named_errors()
        {
            var ex = Assert.Throws<Mm2DrException>(() => Read(new TopicReadOptions(new[] { "no-such-topic" })));
            Assert.Equal(ErrorIds.TopicNotFound, ex.ErrorId);
            var topic = _fx.NewTopic(2);
            var partitionError = Assert.Throws<Mm2DrException>(() => Read(new TopicReadOptions(new[] { topic }) { Partitions = new[] { 7 } }));
            Assert.Equal(ErrorIds.PartitionNotFound, partitionError.ErrorId);
            Assert.Equal(new TopicPartitionRef(topic, 7), partitionError.Target);
            Assert.Contains("0..1", partitionError.Message);
        }

        [Fact]
        public void Producing_to_a_partition_that_does_not_exist_fails_by_name()
        {
            var topic = _fx.NewTopic(1);
            using var producer = new MessageProducer(_fx.Cluster, new ProducerOptions(topic) { DeliveryTimeout = TimeSpan.FromSeconds(5) });
            producer.Send(new OutgoingMessage(null, Encoding.UTF8.GetBytes("x"), partition: 5), CancellationToken.None);
            var summary = producer.Complete(TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(1, summary.Sent);
            Assert.Equal(0, summary.Delivered);
            Assert.Equal(1, summary.Failed + summary.Unconfirmed);
            Assert.NotNull(summary.FirstError);
            var reports = new List<DeliveryResult>();
            producer.DrainReports(reports.Add);
            Assert.All(reports, r => Assert.False(r.Delivered));
        }

        [Fact]
        public void A_rate_limited_generator_holds_its_rate()
        {
            var topic = _fx.NewTopic(1);
            using var producer = new MessageProducer(_fx.Cluster, new ProducerOptions(topic));
            var progress = new List<ProducerProgress>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            MessageGenerator.Run(producer, new GeneratorOptions { Count = 100, Rate = 200, ProgressInterval = TimeSpan.FromMilliseconds(50) }, progress.Add, null, CancellationToken.None);
            var elapsed = clock.Elapsed;
            Assert.Equal(100, producer.Complete(TimeSpan.FromSeconds(10), CancellationToken.None).Delivered);
            // 100 messages at 200/s cannot take less than ~0.5 s; generous upper bound for a loaded CI machine.
            Assert.InRange(elapsed.TotalSeconds, 0.45, 5);
            Assert.NotEmpty(progress);
            Assert.All(progress, p => Assert.InRange(p.PercentComplete, 0, 100));
        }

        [Fact]
        public void A_duration_bounded_generator_stops_on_time()
        {
            var topic = _fx.NewTopic(1);
            using var producer = new MessageProducer(_fx.Cluster, new ProducerOptions(topic));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            MessageGenerator.Run(producer, new GeneratorOptions { Duration = TimeSpan.FromMilliseconds(400), Rate = 1000 }, null, null, CancellationToken.None);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.35, 5);
            var summary = producer.Complete(TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.InRange(summary.Delivered, 200, 450);
        }

        private static long ParseId(KafkaRecord record)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(record.ValueBytes);
            return doc.RootElement.GetProperty("id").GetInt64();
        }
    }
}

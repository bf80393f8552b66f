using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class PersistenceTests : BrokerTest
    {
        [Fact]
        public void Topics_records_configs_offsets_and_groups_survive_a_restart()
        {
            using var data = TestBroker.TempDirectory();
            string clusterId;
            long firstProducerId;
            using (var broker = StartBroker(o => o.DataDirectory = data.Path))
            {
                clusterId = broker.ClusterId;
                Clients.CreateTopic(broker, "kept", 3, new Dictionary<string, string> { ["retention.ms"] = "1000" });
                using (var producer = Clients.Producer(broker, c => c.CompressionType = CompressionType.Lz4))
                {
                    for (var p = 0; p < 3; p++)
                    {
                        Clients.ProduceAll(producer, "kept", Enumerable.Range(0, 100).Select(i => new Message<string, string> { Key = $"{p}", Value = $"{p}-{i}" }), p);
                    }
                }

                using (var member = new PolledConsumer(broker, "keepers", "kept"))
                {
                    Eventually.True(() => member.Assignment.Count == 3, "member assigned");
                    member.Commit(new[] { new TopicPartitionOffset("kept", 0, 10), new TopicPartitionOffset("kept", 1, 20), new TopicPartitionOffset("kept", 2, 30) });
                }

                using var raw = new RawKafkaConnection(broker);
                firstProducerId = RawRequests.InitProducerId(raw, 1);
            }

            using (var broker = StartBroker(o => o.DataDirectory = data.Path))
            {
                Assert.Equal(clusterId, broker.ClusterId);
                using var admin = Clients.Admin(broker);
                Assert.Equal(3, admin.GetMetadata("kept", TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Count);
                var config = admin.DescribeConfigsAsync(new[] { new ConfigResource { Type = ResourceType.Topic, Name = "kept" } }).GetAwaiter().GetResult().Single();
                Assert.Equal("1000", config.Entries["retention.ms"].Value);

                for (var p = 0; p < 3; p++)
                {
                    var read = Clients.ReadPartition(broker, "kept", p, 100);
                    Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{p}-{i}"), read.Select(r => r.Message.Value));
                }

                var offsets = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions("keepers", null) }).GetAwaiter().GetResult().Single();
                Assert.Equal(new long[] { 10, 20, 30 }, offsets.Partitions.OrderBy(p => p.Partition.Value).Select(p => p.Offset.Value));
                Assert.Contains(admin.ListConsumerGroupsAsync().GetAwaiter().GetResult().Valid, g => g.GroupId == "keepers");

                using var producer = Clients.Producer(broker);
                var report = producer.ProduceAsync(new TopicPartition("kept", 1), new Message<string, string> { Value = "after restart" }).GetAwaiter().GetResult();
                Assert.Equal(100, report.Offset.Value);

                using var raw = new RawKafkaConnection(broker);
                Assert.True(RawRequests.InitProducerId(raw, 1) > firstProducerId, "producer ids must not be reused after a restart");
            }
        }

        [Fact]
        public void A_torn_tail_is_cut_off_and_everything_before_it_is_kept()
        {
            using var data = TestBroker.TempDirectory();
            using (var broker = StartBroker(o => o.DataDirectory = data.Path))
            {
                Clients.CreateTopic(broker, "torn", 1);
                using var producer = Clients.Producer(broker);
                Clients.ProduceAll(producer, "torn", Enumerable.Range(0, 50).Select(i => new Message<string, string> { Value = "v" + i }));
            }

            var log = Path.Combine(data.Path, "topics", "torn", "0.log");
            var intactLength = new FileInfo(log).Length;
            using (var stream = new FileStream(log, FileMode.Append))
            {
                // The start of a batch header whose body never made it to disk.
                stream.Write(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2 }, 0, 17);
            }

            using (var broker = StartBroker(o => o.DataDirectory = data.Path))
            {
                Assert.Equal(intactLength, new FileInfo(log).Length);
                Assert.Equal(Enumerable.Range(0, 50).Select(i => "v" + i), Clients.ReadPartition(broker, "torn", 0, 50).Select(r => r.Message.Value));
                using var producer = Clients.Producer(broker);
                Assert.Equal(50, producer.ProduceAsync("torn", new Message<string, string> { Value = "next" }).GetAwaiter().GetResult().Offset.Value);
            }
        }

        [Fact]
        public void A_data_directory_serves_one_broker_at_a_time()
        {
            using var data = TestBroker.TempDirectory();
            using (StartBroker(o => o.DataDirectory = data.Path))
            {
                var second = Assert.Throws<InvalidOperationException>(() => StartBroker(o => o.DataDirectory = data.Path));
                Assert.Contains("in use", second.Message);
            }

            using var reopened = StartBroker(o => o.DataDirectory = data.Path);
            Assert.True(reopened.IsUp);
        }

        [Fact]
        public void Deleted_topics_leave_nothing_on_disk()
        {
            using var data = TestBroker.TempDirectory();
            using var broker = StartBroker(o => o.DataDirectory = data.Path);
            Clients.CreateTopic(broker, "erased", 2);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "erased", new[] { new Message<string, string> { Value = "x" } });
            }

            Assert.True(Directory.Exists(Path.Combine(data.Path, "topics", "erased")));
            using var admin = Clients.Admin(broker);
            admin.DeleteTopicsAsync(new[] { "erased" }).GetAwaiter().GetResult();
            Assert.False(Directory.Exists(Path.Combine(data.Path, "topics", "erased")));
        }
    }
}

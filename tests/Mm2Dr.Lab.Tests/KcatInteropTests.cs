using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>The same key scenarios through kcat 1.7.1 (librdkafka 2.0.2), an independent client.</summary>
    public class KcatInteropTests : BrokerTest
    {
        [Fact]
        public void Metadata_lists_the_broker_as_controller_and_the_topics()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "listed", 3);
            var (exit, stdout, stderr) = Kcat.Run($"-b {broker.BootstrapServers} -L");
            Assert.True(exit == 0, stderr);
            Assert.Contains($"broker 1 at {broker.BootstrapServers} (controller)", stdout);
            Assert.Contains("topic \"listed\" with 3 partitions:", stdout);
            Assert.Contains("partition 2, leader 1, replicas: 1, isrs: 1", stdout);

            var json = Kcat.Run($"-b {broker.BootstrapServers} -L -J");
            using var doc = JsonDocument.Parse(json.Stdout);
            Assert.Equal(1, doc.RootElement.GetProperty("controllerid").GetInt32());
            var topic = doc.RootElement.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == "listed");
            Assert.Equal(3, topic.GetProperty("partitions").GetArrayLength());
        }

        [Fact]
        public void Produce_with_keys_and_headers_then_consume_to_the_end()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "kcat-io", 1);
            var produce = Kcat.Run($"-b {broker.BootstrapServers} -P -t kcat-io -K: -H origin=kcat -H n=1 -z lz4", "k1:first\nk2:second\nk3:third\n");
            Assert.True(produce.ExitCode == 0, produce.Stderr);

            var consume = Kcat.Run($"-b {broker.BootstrapServers} -C -t kcat-io -e -f \"%k|%s|%o|%h\\n\"");
            Assert.True(consume.ExitCode == 0, consume.Stderr);
            Assert.Equal(new[] { "k1|first|0|origin=kcat,n=1", "k2|second|1|origin=kcat,n=1", "k3|third|2|origin=kcat,n=1" },
                consume.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            // And Confluent.Kafka reads what kcat wrote.
            var read = Clients.ReadPartition(broker, "kcat-io", 0, 3);
            Assert.Equal(new[] { "k1", "k2", "k3" }, read.Select(r => r.Message.Key));
            Assert.Equal("kcat", Encoding.UTF8.GetString(read[0].Message.Headers.GetLastBytes("origin")));
        }

        [Fact]
        public void Json_output_carries_keys_payloads_timestamps_and_headers()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "kcat-json", 1);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "kcat-json", new[]
                {
                    new Message<string, string> { Key = "a", Value = "alpha", Timestamp = new Timestamp(1_600_000_000_000, TimestampType.CreateTime), Headers = new Headers { { "h", Encoding.UTF8.GetBytes("v") } } },
                });
            }

            var (exit, stdout, stderr) = Kcat.Run($"-b {broker.BootstrapServers} -C -t kcat-json -e -J");
            Assert.True(exit == 0, stderr);
            using var doc = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
            var root = doc.RootElement;
            Assert.Equal("kcat-json", root.GetProperty("topic").GetString());
            Assert.Equal(0, root.GetProperty("offset").GetInt64());
            Assert.Equal(1_600_000_000_000, root.GetProperty("ts").GetInt64());
            Assert.Equal("create", root.GetProperty("tstype").GetString());
            Assert.Equal("a", root.GetProperty("key").GetString());
            Assert.Equal("alpha", root.GetProperty("payload").GetString());
            Assert.Equal(new[] { "h", "v" }, root.GetProperty("headers").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public void Group_consumption_reads_everything_and_commits()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "kcat-group", 2);
            using (var producer = Clients.Producer(broker))
            {
                for (var p = 0; p < 2; p++)
                {
                    Clients.ProduceAll(producer, "kcat-group", Enumerable.Range(0, 5).Select(i => new Message<string, string> { Value = $"{p}:{i}" }), p);
                }
            }

            var (exit, stdout, stderr) = Kcat.Run($"-b {broker.BootstrapServers} -G kcat-readers -X auto.offset.reset=earliest -e -f \"%s\\n\" kcat-group");
            Assert.True(exit == 0, stderr);
            Assert.Equal(10, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count());
            Assert.Contains("rebalanced", stderr);

            using var admin = Clients.Admin(broker);
            Eventually.True(() =>
            {
                var offsets = admin.ListConsumerGroupOffsetsAsync(new[] { new ConsumerGroupTopicPartitions("kcat-readers", null) }).GetAwaiter().GetResult().Single();
                return offsets.Partitions.Count == 2 && offsets.Partitions.All(p => p.Offset.Value == 5);
            }, "kcat's commits at offset 5 on both partitions");
        }

        [Fact]
        public void Offset_query_by_timestamp_is_exact()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "kcat-times", 1);
            using (var producer = Clients.Producer(broker))
            {
                Clients.ProduceAll(producer, "kcat-times", Enumerable.Range(0, 10).Select(i => new Message<string, string>
                {
                    Value = "v" + i,
                    Timestamp = new Timestamp(1_700_000_000_000 + 100L * i, TimestampType.CreateTime),
                }));
            }

            var (exit, stdout, stderr) = Kcat.Run($"-b {broker.BootstrapServers} -Q -t kcat-times:0:1700000000450");
            Assert.True(exit == 0, stderr);
            Assert.Contains("kcat-times [0] offset 5", stdout);
            var beyond = Kcat.Run($"-b {broker.BootstrapServers} -Q -t kcat-times:0:1800000000000");
            Assert.Contains("kcat-times [0] offset -1", beyond.Stdout);
        }
    }
}

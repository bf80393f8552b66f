using System;
using System.Linq;
using System.Net.Sockets;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class OutageTests : BrokerTest
    {
        [Fact]
        public void Messages_produced_during_an_outage_arrive_once_after_BringUp()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "outage", 1);
            var port = broker.Port;
            using var producer = Clients.Producer(broker, c => c.EnableIdempotence = true);
            Clients.ProduceAll(producer, "outage", Enumerable.Range(0, 100).Select(i => new Message<string, string> { Value = "before-" + i }));

            broker.TakeDown();
            Assert.False(broker.IsUp);
            using (var probe = new TcpClient())
            {
                Assert.ThrowsAny<SocketException>(() => probe.Connect("127.0.0.1", port));
            }

            var during = Enumerable.Range(0, 100).Select(i => producer.ProduceAsync("outage", new Message<string, string> { Value = "during-" + i })).ToList();
            Assert.All(during, t => Assert.False(t.IsCompleted));

            broker.BringUp();
            Assert.True(broker.IsUp);
            Assert.Equal(port, broker.Port);
            producer.Flush(TimeSpan.FromSeconds(60));
            Assert.All(during, t => Assert.Equal(PersistenceStatus.Persisted, t.GetAwaiter().GetResult().Status));

            var read = Clients.ReadPartition(broker, "outage", 0, 200);
            Assert.Equal(Enumerable.Range(0, 100).Select(i => "before-" + i).Concat(Enumerable.Range(0, 100).Select(i => "during-" + i)),
                read.Select(r => r.Message.Value));
        }

        [Fact]
        public void A_group_member_keeps_consuming_across_an_outage()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "outage-group", 1);
            using var member = new PolledConsumer(broker, "survivors", "outage-group");
            Eventually.True(() => member.Assignment.Count == 1, "member assigned");
            using var producer = Clients.Producer(broker);
            Clients.ProduceAll(producer, "outage-group", new[] { new Message<string, string> { Value = "one" } });
            Eventually.True(() => member.Received.Count == 1, "first message consumed");

            broker.TakeDown();
            broker.BringUp();
            Clients.ProduceAll(producer, "outage-group", new[] { new Message<string, string> { Value = "two" } });
            Eventually.True(() => member.Received.Any(r => r.Message.Value == "two"), "message after the outage consumed");
        }

        [Fact]
        public void Added_latency_slows_responses()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "slow", 1);
            using var raw = new RawKafkaConnection(broker);
            RawRequests.ListOffsets(raw, 1, "slow", 0, -1);
            broker.AddedLatency = TimeSpan.FromMilliseconds(1500);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), broker.AddedLatency);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            RawRequests.ListOffsets(raw, 2, "slow", 0, -1);
            Assert.True(watch.ElapsedMilliseconds >= 1490, $"answered after {watch.ElapsedMilliseconds} ms");
            broker.AddedLatency = TimeSpan.Zero;
            watch.Restart();
            RawRequests.ListOffsets(raw, 3, "slow", 0, -1);
            // Generous bound for a loaded 2-core machine; what matters is that the 1.5 s delay is gone.
            Assert.True(watch.ElapsedMilliseconds < 1000, $"answered after {watch.ElapsedMilliseconds} ms");
        }
    }
}

using System;
using System.Linq;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;
using static Mm2Dr.TestSupport.KafkaTestClient;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.TestSupport
{
    /// <summary>
    /// A primary and a DR cluster (two separate brokers) as MM2 would leave them for flow primary->dr with
    /// DefaultReplicationPolicy, built from real MM2-format records and real group commits, so that every figure the
    /// inspections report can be worked out by hand from MM2's rules (see the comments). Times are relative to
    /// <see cref="Now"/>.
    /// <code>
    /// primary: orders (2 partitions: 300 and 120 records), payments (1: 50), invoices (1: 10), shipments (3: empty),
    ///          mm2-offset-syncs.dr.internal: orders-0 0->0, 100->97, 200->196; orders-1 0->0, 100->100; one corrupt record
    /// dr:      primary.orders (2: 290 and 120 records), primary.payments (1: empty), primary.shipments (2: empty),
    ///          no primary.invoices; heartbeats: primary->dr at Now-10s and Now-2s; primary.heartbeats: dr->primary emitted
    ///          Now-5s, appended Now-4s; primary.checkpoints.internal: the checkpoints below and two corrupt records
    /// </code>
    /// </summary>
    public sealed class FlowScenario : IDisposable
    {
        public const string CheckpointsTopic = "primary.checkpoints.internal";
        public const string OffsetSyncsTopic = "mm2-offset-syncs.dr.internal";

        public FlowScenario()
        {
            // Record timestamps have millisecond precision: so must the reference time, for ages to come out exact.
            Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Primary = TestKafkaCluster.Start();
            Dr = TestKafkaCluster.Start();
            try
            {
                BuildPrimary();
                BuildDr();
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public DateTimeOffset Now { get; }

        public TestKafkaCluster Primary { get; }

        public TestKafkaCluster Dr { get; }

        /// <summary>The DR environment a user would connect: aliases primary and dr, default policy, no mm2.properties.</summary>
        public DrEnvironment Environment => DrEnvironmentBuilder.Build(new DrEnvironmentOptions { PrimaryBootstrapServers = Primary.BootstrapServers, DrBootstrapServers = Dr.BootstrapServers });

        private void BuildPrimary()
        {
            var p = Primary.BootstrapServers;
            Primary.CreateTopic("orders", 2);
            Primary.CreateTopic("payments", 1);
            Primary.CreateTopic("invoices", 1);
            Primary.CreateTopic("shipments", 3);
            Primary.CreateTopic(OffsetSyncsTopic, 1);
            Fill(p, "orders", 0, 300);
            Fill(p, "orders", 1, 120);
            Fill(p, "payments", 0, 50);
            Fill(p, "invoices", 0, 10);

            // Three primary records of orders-0 were not replicated below 100 and one below 200 (filtered, or transaction
            // markers): hence 100->97 and 200->196.
            Write(p, OffsetSyncsTopic, new[]
            {
                Bytes(new OffsetSync("orders", 0, 0, 0)),
                Bytes(new OffsetSync("orders", 1, 0, 0)),
                Bytes(new OffsetSync("orders", 0, 100, 97)),
                ((byte[]?)new byte[] { 0x00, 0x06, 0x6f }, (byte[]?)new byte[] { 1, 2, 3 }),  // offset 3: truncated key
                Bytes(new OffsetSync("orders", 1, 100, 100)),
                Bytes(new OffsetSync("orders", 0, 200, 196)),
            }.Select(r => (r.Item1, r.Item2, (DateTimeOffset?)Now.AddMinutes(-20))));

            Commit(p, "g-insync", ("orders", 0, 150), ("orders", 1, 100));
            Commit(p, "g-behind", ("orders", 0, 210));
            Commit(p, "g-nocp", ("orders", 0, 50));
            Commit(p, "g-ahead", ("orders", 0, 120));
            Commit(p, "g-drahead", ("orders", 1, 100));
            Commit(p, "g-idle", ("payments", 0, 40));
            Commit(p, "g-stale", ("orders", 1, 110));
        }

        private void BuildDr()
        {
            var d = Dr.BootstrapServers;
            Dr.CreateTopic("primary.orders", 2);
            Dr.CreateTopic("primary.payments", 1);
            Dr.CreateTopic("primary.shipments", 2);
            Dr.CreateTopic(CheckpointsTopic, 1);
            Dr.CreateTopic("heartbeats", 1);
            Dr.CreateTopic("primary.heartbeats", 1);
            Fill(d, "primary.orders", 0, 290);
            Fill(d, "primary.orders", 1, 120);

            var fresh = Now.AddSeconds(-30);
            var old = Now.AddMinutes(-10);
            Write(d, CheckpointsTopic, At(Now.AddSeconds(-90), Bytes(new Checkpoint("g-insync", "primary.orders", 0, 100, 97, ""))) // superseded below
                .Concat(At(fresh,
                    Bytes(new Checkpoint("g-insync", "primary.orders", 0, 150, 98, "")),   // 100->97, +1
                    Bytes(new Checkpoint("g-insync", "primary.orders", 1, 100, 100, "")),  // exactly on 100->100
                    ((byte[]?)new byte[] { 0xff, 0xff }, (byte[]?)new byte[] { 0, 0 }),    // offset 3: negative length
                    Bytes(new Checkpoint("g-behind", "primary.orders", 0, 150, 98, "")),
                    Bytes(new Checkpoint("g-ahead", "primary.orders", 0, 150, 98, "")),
                    Bytes(new Checkpoint("g-drahead", "primary.orders", 1, 100, 100, "")),
                    (CheckpointCodec.EncodeKey(new Checkpoint("g-behind", "primary.orders", 0, 0, 0, "")), (byte[]?)new byte[] { 0, 0, 0 })))  // offset 7: truncated value
                .Concat(At(old,
                    Bytes(new Checkpoint("g-idle", "primary.payments", 0, 40, 0, "")),
                    Bytes(new Checkpoint("g-stale", "primary.orders", 1, 100, 100, "")))));

            Write(d, "heartbeats", At(Now.AddSeconds(-10), Bytes(new Heartbeat("primary", "dr", Now.AddSeconds(-10).ToUnixTimeMilliseconds())))
                .Concat(At(Now.AddSeconds(-2), Bytes(new Heartbeat("primary", "dr", Now.AddSeconds(-2).ToUnixTimeMilliseconds())))));
            Write(d, "primary.heartbeats", At(Now.AddSeconds(-4), Bytes(new Heartbeat("dr", "primary", Now.AddSeconds(-5).ToUnixTimeMilliseconds()))));

            Commit(d, "g-insync", ("primary.orders", 0, 98));
            Commit(d, "g-drahead", ("primary.orders", 1, 110));
        }

        public void Dispose()
        {
            Primary.Dispose();
            Dr.Dispose();
        }
    }
}

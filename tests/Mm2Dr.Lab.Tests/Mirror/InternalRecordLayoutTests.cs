using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>
    /// The mirror's internal-topic records, byte for byte against the layouts of shared/docs/mm2-internals.md §2-§5
    /// (hex written out from the spec, not produced by the codecs), and decoded by the codecs.
    /// </summary>
    public class InternalRecordLayoutTests
    {
        private const string TestConsumerGroup = "0013746573742d636f6e73756d65722d67726f7570";  // length 19, "test-consumer-group"
        private const string TestTopic = "000a746573742d746f706963";                          // length 10, "test-topic"
        private const string PrimaryTestTopic = "00127072696d6172792e746573742d746f706963";    // length 18, "primary.test-topic"
        private const string Primary = "00077072696d617279";                                  // length 7, "primary"
        private const string Dr = "00026472";                                                 // length 2, "dr"

        [Fact]
        public void Offset_syncs_checkpoints_and_heartbeats_have_MMs_exact_bytes()
        {
            using var lab = new DrLabHarness();
            lab.Replicate(1, 40);
            lab.Commit("test-consumer-group", DrLabHarness.Topic, 0, 30);

            // Offset sync 22->22 of test-topic-0 (§3): key STRING topic, INT32 partition; value INT64 upstream, INT64 downstream, no version.
            Eventually.True(() => Records(lab.Primary, "mm2-offset-syncs.dr.internal").Any(r => Hex(r.Message.Key) == TestTopic + "00000000" && Hex(r.Message.Value).StartsWith("0000000000000016")), "the sync 22->22");
            var sync = Records(lab.Primary, "mm2-offset-syncs.dr.internal").First(r => Hex(r.Message.Key) == TestTopic + "00000000" && Hex(r.Message.Value).StartsWith("0000000000000016"));
            Assert.Equal("0000000000000016" + "0000000000000016", Hex(sync.Message.Value));
            Assert.Equal(new OffsetSync("test-topic", 0, 22, 22), OffsetSyncCodec.Decode(sync.Message.Key, sync.Message.Value));

            // Checkpoint of test-consumer-group at 30 -> 23 (§2, case C2's key): value INT16 version 0, INT64 30, INT64 23, STRING "".
            Eventually.True(() => Records(lab.Dr, "primary.checkpoints.internal").Any(), "a checkpoint");
            var checkpoint = Records(lab.Dr, "primary.checkpoints.internal").Single();
            Assert.Equal(TestConsumerGroup + PrimaryTestTopic + "00000000", Hex(checkpoint.Message.Key));
            Assert.Equal("0000" + "000000000000001e" + "0000000000000017" + "0000", Hex(checkpoint.Message.Value));
            Assert.Equal(new Checkpoint("test-consumer-group", "primary.test-topic", 0, 30, 23, ""), CheckpointCodec.Decode(checkpoint.Message.Key, checkpoint.Message.Value));
            Assert.Equal(0, checkpoint.Partition.Value);
            Assert.Equal(TimestampType.CreateTime, checkpoint.Message.Timestamp.Type);

            // Heartbeat primary->dr on DR (§4, case H1's key): value INT16 version 0, INT64 emission time, which is also the record's timestamp.
            var heartbeat = Records(lab.Dr, "heartbeats").Last();
            Assert.Equal(Primary + Dr, Hex(heartbeat.Message.Key));
            Assert.Equal("0000" + heartbeat.Message.Timestamp.UnixTimestampMs.ToString("x16"), Hex(heartbeat.Message.Value));
            Assert.Equal(heartbeat.Message.Timestamp.UnixTimestampMs, HeartbeatCodec.Decode(heartbeat.Message.Key, heartbeat.Message.Value).TimestampMs);

            // dr->primary's heartbeats on the primary, replicated unchanged to primary.heartbeats.
            Assert.All(Records(lab.Primary, "heartbeats"), r => Assert.Equal(Dr + Primary, Hex(r.Message.Key)));
            Eventually.True(() => Records(lab.Dr, "primary.heartbeats").Any(), "replicated heartbeats");
            var replicated = Records(lab.Dr, "primary.heartbeats").First();
            var original = Records(lab.Primary, "heartbeats").First();
            Assert.Equal(Hex(original.Message.Key) + "/" + Hex(original.Message.Value), Hex(replicated.Message.Key) + "/" + Hex(replicated.Message.Value));

            // MM2 creates all three as single-partition topics (compacted; the lab broker records the setting).
            using var admin = new Confluent.Kafka.AdminClientBuilder(new AdminClientConfig { BootstrapServers = lab.Dr }).Build();
            Assert.Single(admin.GetMetadata("primary.checkpoints.internal", TimeSpan.FromSeconds(5)).Topics.Single().Partitions);
            Assert.Single(admin.GetMetadata("heartbeats", TimeSpan.FromSeconds(5)).Topics.Single().Partitions);
            var configs = admin.DescribeConfigsAsync(new[] { new Confluent.Kafka.Admin.ConfigResource { Type = Confluent.Kafka.Admin.ResourceType.Topic, Name = "primary.checkpoints.internal" } })
                .GetAwaiter().GetResult().Single().Entries;
            Assert.Equal("compact", configs["cleanup.policy"].Value);
        }

        private static List<ConsumeResult<byte[], byte[]>> Records(string cluster, string topic)
            => DrLabHarness.EndOffset(cluster, topic, 0) <= 0 ? new List<ConsumeResult<byte[], byte[]>>() : DrLabHarness.ReadAll(cluster, topic)[0];

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}

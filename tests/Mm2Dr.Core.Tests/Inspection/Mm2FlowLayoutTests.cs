using System;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class Mm2FlowLayoutTests
    {
        private const string Mm2Properties = @"
clusters = primary, dr
primary.bootstrap.servers = kafka-1:29092
dr.bootstrap.servers = kafka-2:29093
primary->dr.enabled = true
primary->dr.topics = orders.*, test-topic
primary->dr.groups = test-.*
offset-syncs.topic.location = target
emit.checkpoints.interval.seconds = 5
emit.heartbeats.interval.seconds = 2
";

        [Fact]
        public void Without_mm2_properties_MM2s_defaults_place_every_topic()
        {
            var layout = new InMemoryFlow().Layout;
            Assert.Equal((layout.Dr, "primary.checkpoints.internal"), layout.Locate(Mm2TopicKind.Checkpoints));
            Assert.Equal((layout.Primary, "mm2-offset-syncs.dr.internal"), layout.Locate(Mm2TopicKind.OffsetSyncs));
            Assert.Equal((layout.Dr, "heartbeats"), layout.Locate(Mm2TopicKind.Heartbeats));
            Assert.Equal("primary.heartbeats", layout.ReplicatedHeartbeatsTopic);
            Assert.Equal("primary.orders", layout.RemoteTopicFor("orders"));
            Assert.Equal("primary->dr", layout.FlowName);
            Assert.Equal(TimeSpan.FromSeconds(33), layout.HeartbeatMaxAge);
            Assert.Equal(TimeSpan.FromSeconds(210), layout.CheckpointMaxAge);
            Assert.True(layout.EmitsCheckpoints && layout.EmitsHeartbeats && layout.EmitsOffsetSyncs);
        }

        [Fact]
        public void Mm2_properties_move_the_offset_syncs_and_set_the_thresholds()
        {
            var layout = new InMemoryFlow(Mm2Properties).Layout;
            Assert.Equal(OffsetSyncsTopicLocation.Target, layout.OffsetSyncsLocation);
            Assert.Equal((layout.Dr, "mm2-offset-syncs.primary.internal"), layout.Locate(Mm2TopicKind.OffsetSyncs));
            Assert.Equal(TimeSpan.FromSeconds(36), layout.HeartbeatMaxAge);
            Assert.Equal(TimeSpan.FromSeconds(45), layout.CheckpointMaxAge);
            Assert.Contains("offset-syncs.topic.location=target", layout.MissingTopicHint(Mm2TopicKind.OffsetSyncs));
        }

        [Theory]
        [InlineData(null, "orders", true)]
        [InlineData(null, "my.topic", true)]
        [InlineData(null, "heartbeats", true)]
        [InlineData(null, "__consumer_offsets", false)]
        [InlineData(null, "mm2-offset-syncs.dr.internal", false)]
        [InlineData(null, "connect-offsets-internal", false)]
        [InlineData(null, "dr.orders", false)]            // came from DR: a cycle, MM2 never sends it back
        [InlineData(null, "x.dr.orders", false)]          // a cycle further up the chain
        [InlineData(Mm2Properties, "orders-eu", true)]
        [InlineData(Mm2Properties, "test-topic", true)]
        [InlineData(Mm2Properties, "payments", false)]    // not in topics=
        [InlineData(Mm2Properties, "heartbeats", true)]   // heartbeats are replicated whatever the filter says
        public void Replicates_like_MirrorSourceConnector(string? mm2Properties, string topic, bool replicated)
        {
            Assert.Equal(replicated, new InMemoryFlow(mm2Properties).Layout.Replicates(topic));
        }

        [Theory]
        [InlineData(null, "orders-app", true)]
        [InlineData(null, "console-consumer-4711", false)]
        [InlineData(null, "connect-mirror", false)]
        [InlineData(Mm2Properties, "test-consumer-group", true)]
        [InlineData(Mm2Properties, "orders-app", false)]
        public void Checks_groups_with_MM2s_group_filter_or_its_default(string? mm2Properties, string group, bool checkpointed)
        {
            Assert.Equal(checkpointed, new InMemoryFlow(mm2Properties).Layout.ChecksGroup(group));
        }

        [Fact]
        public void A_custom_separator_names_everything_with_it()
        {
            var environment = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { Separator = "__" });
            var layout = new Mm2FlowLayout(environment);
            Assert.Equal("primary__checkpoints__internal", layout.CheckpointsTopic);
            Assert.Equal("mm2-offset-syncs__dr__internal", layout.OffsetSyncsTopic);
            Assert.Equal("primary__heartbeats", layout.ReplicatedHeartbeatsTopic);
            Assert.Equal("primary__orders", layout.RemoteTopicFor("orders"));
            Assert.False(layout.Replicates("dr__orders"));
        }
    }
}

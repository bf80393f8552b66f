using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>replication.policy.separator "__", with and without replication.policy.internal.topic.separator.enabled (§6.2).</summary>
    public class CustomSeparatorReplicationPolicyTests
    {
        private static readonly ReplicationPolicy Underscores = ReplicationPolicy.Default("__");
        private static readonly ReplicationPolicy UnderscoresDotInternal = ReplicationPolicy.Default("__", internalTopicSeparatorEnabled: false);

        [Fact]
        public void Remote_and_internal_topic_names_use_the_separator()
        {
            Assert.Equal("primary__orders", Underscores.FormatRemoteTopic("primary", "orders"));
            Assert.Equal("primary__checkpoints__internal", Underscores.CheckpointsTopic("primary"));
            Assert.Equal("mm2-offset-syncs__dr__internal", Underscores.OffsetSyncsTopic("dr"));
            Assert.Equal("heartbeats", Underscores.HeartbeatsTopic);
        }

        [Fact]
        public void Kafka_ReplicationPolicyTest_internal_separator_switch()
        {
            Assert.Equal("mm2-offset-syncs.CLUSTER.internal", UnderscoresDotInternal.OffsetSyncsTopic("CLUSTER"));
            Assert.Equal("mm2-offset-syncs__CLUSTER__internal", Underscores.OffsetSyncsTopic("CLUSTER"));
            Assert.Equal("CLUSTER.checkpoints.internal", UnderscoresDotInternal.CheckpointsTopic("CLUSTER"));
            Assert.Equal("CLUSTER__checkpoints__internal", Underscores.CheckpointsTopic("CLUSTER"));
            Assert.Equal("heartbeats", UnderscoresDotInternal.HeartbeatsTopic);
        }

        [Fact]
        public void Remote_topics_still_use_the_custom_separator_when_internal_topics_do_not()
        {
            Assert.Equal("primary__orders", UnderscoresDotInternal.FormatRemoteTopic("primary", "orders"));
            Assert.Equal("primary", UnderscoresDotInternal.TopicSource("primary__orders"));
            Assert.True(UnderscoresDotInternal.IsCheckpointsTopic("primary.checkpoints.internal"));
            Assert.False(UnderscoresDotInternal.IsCheckpointsTopic("primary__checkpoints__internal"));
        }

        [Fact]
        public void Leading_separator_gives_an_empty_source()
        {
            Assert.Equal("", Underscores.TopicSource("__consumer_offsets"));
            Assert.Equal("consumer_offsets", Underscores.UpstreamTopic("__consumer_offsets"));
            Assert.True(Underscores.IsInternalTopic("__consumer_offsets"));
        }

        [Fact]
        public void A_dotted_name_is_local_under_the_underscore_separator()
        {
            Assert.Null(Underscores.TopicSource("primary.orders"));
            Assert.Equal("primary.orders", Underscores.OriginalTopic("primary.orders"));
            Assert.False(Underscores.IsCheckpointsTopic("primary.checkpoints.internal"));
            Assert.True(Underscores.IsInternalTopic("primary.checkpoints.internal"));
            Assert.False(Underscores.IsMm2InternalTopic("primary.checkpoints.internal"));
        }

        [Fact]
        public void A_trailing_separator_is_dropped_like_Java_split_does()
        {
            Assert.Null(Underscores.TopicSource("orders__"));
            Assert.Null(Underscores.TopicSource("orders____"));
            Assert.Equal("a", Underscores.TopicSource("a____b"));
            Assert.Equal("__b", Underscores.UpstreamTopic("a____b"));
            Assert.Equal("b", Underscores.OriginalTopic("a____b"));
        }

        [Fact]
        public void Matches_do_not_overlap()
        {
            // "a___b": Java finds "__" at 1, then scans from 3: parts "a", "_b".
            Assert.Equal("a", Underscores.TopicSource("a___b"));
            Assert.Equal("_b", Underscores.UpstreamTopic("a___b"));
        }

        [Fact]
        public void Kafka_MirrorClientTest_remote_topics_with_a_custom_separator()
        {
            Assert.Null(Underscores.TopicSource("topic1"));
            Assert.Equal("source1", Underscores.TopicSource("source1__topic4"));
            Assert.Equal("source2__topic5", Underscores.UpstreamTopic("source1__source2__topic5"));
            Assert.Equal("topic6", Underscores.OriginalTopic("source3__source4__source5__topic6"));
            Assert.True(Underscores.IsHeartbeatsTopic("primary__heartbeats"));
            Assert.False(Underscores.IsHeartbeatsTopic("primary.heartbeats"));
        }

        [Fact]
        public void From_config_reads_the_internal_switch_only_when_a_separator_is_set()
        {
            // MM2's configure() looks at the switch only inside "if (props.containsKey(SEPARATOR_CONFIG))".
            Assert.Equal("primary.checkpoints.internal", ReplicationPolicy.FromConfig(null, null, false, null).CheckpointsTopic("primary"));
            Assert.Equal("primary.checkpoints.internal", ReplicationPolicy.FromConfig(null, "__", false, null).CheckpointsTopic("primary"));
            Assert.Equal("primary__checkpoints__internal", ReplicationPolicy.FromConfig(null, "__", null, null).CheckpointsTopic("primary"));
            Assert.Equal("primary__checkpoints__internal", ReplicationPolicy.FromConfig(ReplicationPolicy.DefaultPolicyClass, "__", true, null).CheckpointsTopic("primary"));
        }

        [Fact]
        public void From_config_refuses_unknown_policy_classes()
        {
            var e = Assert.Throws<System.ArgumentException>(() => ReplicationPolicy.FromConfig("com.example.PrefixlessPolicy", null, null, null));
            Assert.Contains("com.example.PrefixlessPolicy", e.Message);
            Assert.IsType<IdentityReplicationPolicy>(ReplicationPolicy.FromConfig(ReplicationPolicy.IdentityPolicyClass, null, null, "primary"));
        }
    }
}

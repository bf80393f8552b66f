using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>§6.3 and Kafka's MirrorClientTest identity cases.</summary>
    public class IdentityReplicationPolicyTests
    {
        private static readonly ReplicationPolicy NoAlias = ReplicationPolicy.Identity();
        private static readonly ReplicationPolicy WithAlias = ReplicationPolicy.Identity("primary");

        [Fact]
        public void Topics_keep_their_names_but_heartbeats_are_prefixed()
        {
            Assert.Equal("test-topic", WithAlias.FormatRemoteTopic("primary", "test-topic"));
            Assert.Equal("primary.heartbeats", WithAlias.FormatRemoteTopic("primary", "heartbeats"));
            Assert.Equal("backup.heartbeats", WithAlias.FormatRemoteTopic("backup", "heartbeats"));
        }

        [Fact]
        public void Without_an_alias_a_local_topic_has_no_known_source()
        {
            Assert.Null(NoAlias.TopicSource("test-topic"));
            Assert.Equal("test-topic", NoAlias.UpstreamTopic("test-topic"));
            Assert.Equal("test-topic", NoAlias.OriginalTopic("test-topic"));
            Assert.Equal("primary", NoAlias.TopicSource("primary.heartbeats"));
            Assert.Null(NoAlias.TopicSource("heartbeats"));
        }

        [Fact]
        public void Kafka_MirrorClientTest_testIdentityReplicationTopicSource()
        {
            Assert.Equal("topic1", WithAlias.FormatRemoteTopic("primary", "topic1"));
            Assert.Equal("primary", WithAlias.TopicSource("topic1"));
            Assert.Equal("backup.heartbeats", WithAlias.FormatRemoteTopic("backup", "heartbeats"));
            Assert.Equal("backup", WithAlias.TopicSource("backup.heartbeats"));
        }

        [Fact]
        public void Dotted_names_are_not_split()
        {
            Assert.Equal("my.topic", WithAlias.UpstreamTopic("my.topic"));
            Assert.Equal("my.topic", WithAlias.OriginalTopic("my.topic"));
            Assert.Equal("primary", WithAlias.TopicSource("my.topic"));
        }

        [Fact]
        public void Heartbeat_chains_are_walked_like_the_default_policy()
        {
            Assert.Equal("dr", WithAlias.TopicSource("dr.primary.heartbeats"));
            Assert.Equal("primary.heartbeats", WithAlias.UpstreamTopic("dr.primary.heartbeats"));
            Assert.Equal("heartbeats", WithAlias.OriginalTopic("dr.primary.heartbeats"));
            Assert.True(WithAlias.IsHeartbeatsTopic("dr.primary.heartbeats"));
        }

        [Fact]
        public void The_heartbeat_check_is_a_plain_suffix_match()
        {
            // Kafka's looksLikeHeartbeat: "myheartbeats" counts, so it is split like a default-policy name (and is local).
            Assert.Null(WithAlias.TopicSource("myheartbeats"));
            Assert.Equal("primary.myheartbeats", WithAlias.FormatRemoteTopic("primary", "myheartbeats"));
            Assert.False(WithAlias.IsHeartbeatsTopic("myheartbeats"));
        }

        [Fact]
        public void Internal_topic_names_are_unchanged()
        {
            Assert.Equal("primary.checkpoints.internal", WithAlias.CheckpointsTopic("primary"));
            Assert.Equal("mm2-offset-syncs.dr.internal", WithAlias.OffsetSyncsTopic("dr"));
            Assert.Equal("primary__checkpoints__internal", ReplicationPolicy.Identity("primary", "__").CheckpointsTopic("primary"));
        }
    }
}

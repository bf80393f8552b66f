using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>docs/mm2-internals.md §6.2 (outputs of the real DefaultReplicationPolicy from Kafka 3.9) and Kafka's ReplicationPolicyTest / MirrorClientTest.</summary>
    public class DefaultReplicationPolicyTests
    {
        private static readonly ReplicationPolicy Policy = ReplicationPolicy.Default();

        [Theory]
        //          topic                              topicSource         upstreamTopic           originalTopic     internal heartbeats
        [InlineData("test-topic", null, null, "test-topic", false, false)]
        [InlineData("primary.test-topic", "primary", "test-topic", "test-topic", false, false)]
        [InlineData("dr.primary.test-topic", "dr", "primary.test-topic", "test-topic", false, false)]
        [InlineData("my.topic", "my", "topic", "topic", false, false)]
        [InlineData("primary.my.topic", "primary", "my.topic", "topic", false, false)]
        [InlineData(".hidden", "", "hidden", "hidden", true, false)]
        [InlineData("trailing.", null, null, "trailing.", false, false)]
        [InlineData("a..b", "a", ".b", "b", false, false)]
        [InlineData(".", null, null, ".", true, false)]
        [InlineData("..", null, null, "..", true, false)]
        [InlineData("", null, null, "", false, false)]
        [InlineData("heartbeats", null, null, "heartbeats", false, true)]
        [InlineData("primary.heartbeats", "primary", "heartbeats", "heartbeats", false, true)]
        [InlineData("dr.primary.heartbeats", "dr", "primary.heartbeats", "heartbeats", false, true)]
        [InlineData("primary.checkpoints.internal", "primary", "checkpoints.internal", "internal", true, false)]
        [InlineData("mm2-offset-syncs.dr.internal", "mm2-offset-syncs", "dr.internal", "internal", true, false)]
        [InlineData("__consumer_offsets", null, null, "__consumer_offsets", true, false)]
        [InlineData("x-internal", null, null, "x-internal", true, false)]
        [InlineData("connect-offsets", null, null, "connect-offsets", false, false)]
        public void Every_row_of_the_spec_table(string topic, string? source, string? upstream, string original, bool isInternal, bool isHeartbeats)
        {
            Assert.Equal(source, Policy.TopicSource(topic));
            Assert.Equal(upstream, Policy.UpstreamTopic(topic));
            Assert.Equal(original, Policy.OriginalTopic(topic));
            Assert.Equal(isInternal, Policy.IsInternalTopic(topic));
            Assert.Equal(isHeartbeats, Policy.IsHeartbeatsTopic(topic));
        }

        [Fact]
        public void Only_the_checkpoints_row_is_a_checkpoints_topic()
        {
            Assert.True(Policy.IsCheckpointsTopic("primary.checkpoints.internal"));
            Assert.False(Policy.IsCheckpointsTopic("mm2-offset-syncs.dr.internal"));
            Assert.True(Policy.IsMm2InternalTopic("mm2-offset-syncs.dr.internal"));
            Assert.False(Policy.IsMm2InternalTopic("x-internal"));
        }

        [Fact]
        public void Names_of_the_internal_topics_and_remote_topics()
        {
            Assert.Equal("primary.test-topic", Policy.FormatRemoteTopic("primary", "test-topic"));
            Assert.Equal("primary.checkpoints.internal", Policy.CheckpointsTopic("primary"));
            Assert.Equal("mm2-offset-syncs.dr.internal", Policy.OffsetSyncsTopic("dr"));
            Assert.Equal("heartbeats", Policy.HeartbeatsTopic);
            Assert.Equal("primary.heartbeats", Policy.FormatRemoteTopic("primary", Policy.HeartbeatsTopic));
        }

        [Fact]
        public void A_cycle_back_to_primary_is_visible_in_the_first_segment()
        {
            // dr.primary.x on primary: came from dr, which got it from primary. MM2's isCycle refuses to mirror it to dr
            // again (first segment is the target) and, one hop further, to primary (a visited source).
            Assert.Equal("dr", Policy.TopicSource("dr.primary.x"));
            Assert.Equal("primary", Policy.TopicSource(Policy.UpstreamTopic("dr.primary.x")!));
            Assert.Equal("x", Policy.OriginalTopic("dr.primary.x"));
        }

        [Fact]
        public void The_longest_legal_topic_name_with_one_hop_per_character_pair_resolves()
        {
            // Kafka topic names are at most 249 characters: "a.a.…a.t" has 124 hops.
            var topic = string.Join(".", System.Linq.Enumerable.Repeat("a", 124)) + ".t";
            Assert.Equal(249, topic.Length);
            Assert.Equal("t", Policy.OriginalTopic(topic));
            Assert.Equal("a", Policy.TopicSource(topic));
        }

        [Fact]
        public void Kafka_ReplicationPolicyTest_testInternalTopic()
        {
            Assert.True(Policy.IsInternalTopic("__consumer_offsets"));
            Assert.True(Policy.IsInternalTopic(".hiddentopic"));
            Assert.True(Policy.IsInternalTopic("mm2-offsets.CLUSTER.internal"));
            Assert.True(Policy.IsInternalTopic("mm2-offsets-CLUSTER-internal"));
            Assert.False(Policy.IsInternalTopic("mm2-offsets_CLUSTER_internal"));
        }

        [Theory]
        [InlineData("heartbeats", true)]
        [InlineData("source1.heartbeats", true)]
        [InlineData("source2.source1.heartbeats", true)]
        [InlineData("heartbeats!", false)]
        [InlineData("!heartbeats", false)]
        [InlineData("source1heartbeats", false)]
        [InlineData("source1-heartbeats", false)]
        public void Kafka_MirrorClientTest_testIsHeartbeatTopic(string topic, bool expected)
        {
            Assert.Equal(expected, Policy.IsHeartbeatsTopic(topic));
        }

        [Theory]
        [InlineData("source1.checkpoints.internal", true)]
        [InlineData("checkpoints.internal", false)]
        [InlineData("checkpoints-internal", false)]
        [InlineData("checkpoints.internal!", false)]
        [InlineData("!checkpoints.internal", false)]
        [InlineData("source1checkpointsinternal", false)]
        public void Kafka_MirrorClientTest_testIsCheckpointTopic(string topic, bool expected)
        {
            Assert.Equal(expected, Policy.IsCheckpointsTopic(topic));
        }

        [Fact]
        public void An_empty_separator_is_refused()
        {
            Assert.Throws<System.ArgumentException>(() => ReplicationPolicy.Default(""));
        }
    }
}

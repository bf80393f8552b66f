using System.Collections.Generic;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Lab.Mirror;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    public class MirrorTopicFilterTests
    {
        private static MirrorTopicFilter Filter(string extra = "")
        {
            var config = Mm2Config.Parse("clusters = primary, dr\nprimary.bootstrap.servers = a:1\ndr.bootstrap.servers = b:2\nprimary->dr.enabled = true\n" + extra);
            return new MirrorTopicFilter(config.Settings("primary", "dr"));
        }

        [Theory]
        [InlineData("test-topic", true)]
        [InlineData("heartbeats", true)]                    // always, whatever the filter
        [InlineData("dr.heartbeats", false)]                // came from the target: a cycle
        [InlineData("dr.orders", false)]                    // came from the target: a cycle
        [InlineData("other.dr.orders", false)]              // a cycle one hop further up
        [InlineData("other.orders", true)]                  // from a third cluster: replicated as primary.other.orders
        [InlineData("mm2-offset-syncs.dr.internal", false)] // internal
        [InlineData("primary.checkpoints.internal", false)]
        [InlineData("__consumer_offsets", false)]
        [InlineData("connect-offsets-internal", false)]
        [InlineData("x.replica", false)]                    // MM2's default topics.exclude
        public void MirrorMakers_default_filter(string topic, bool replicated) => Assert.Equal(replicated, Filter().ShouldReplicateTopic(topic));

        [Fact]
        public void A_topic_list_limits_records_and_checkpoints_but_never_heartbeats()
        {
            var filter = Filter("primary->dr.topics = test-topic\ntopics.exclude = test-topic-secret\n");
            Assert.True(filter.ShouldReplicateTopic("test-topic"));
            Assert.False(filter.ShouldReplicateTopic("test-topic-2"));
            Assert.True(filter.ShouldReplicateTopic("heartbeats"));
            Assert.False(filter.ShouldCheckpointTopic("heartbeats"));
            Assert.True(filter.ShouldCheckpointTopic("test-topic"));
        }

        [Fact]
        public void Names_on_the_target_follow_the_policy_and_failback_topics_lose_their_prefix_in_checkpoints()
        {
            var filter = Filter();
            Assert.Equal("primary.test-topic", filter.RemoteTopic("test-topic"));
            Assert.Equal("primary.test-topic", filter.CheckpointTopic("test-topic"));
            Assert.Equal("orders", filter.CheckpointTopic("dr.orders"));   // MirrorCheckpointTask.renameTopicPartition
            Assert.Equal("primary__test-topic", Filter("replication.policy.separator = __\n").RemoteTopic("test-topic"));
        }
    }
}

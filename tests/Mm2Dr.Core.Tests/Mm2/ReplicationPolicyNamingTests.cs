using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    // The module's everyday naming; the full edge-case table from MM2's source lives with the MM2 internals tests.
    public class ReplicationPolicyNamingTests
    {
        [Fact]
        public void Default_policy_prefixes_the_source_alias()
        {
            var policy = ReplicationPolicy.Default();
            Assert.Equal("primary.test-topic", policy.FormatRemoteTopic("primary", "test-topic"));
            Assert.Equal("primary", policy.TopicSource("primary.test-topic"));
            Assert.Equal("test-topic", policy.UpstreamTopic("primary.test-topic"));
            Assert.Equal("test-topic", policy.OriginalTopic("dr.primary.test-topic"));
            Assert.Equal("primary.checkpoints.internal", policy.CheckpointsTopic("primary"));
            Assert.Equal("mm2-offset-syncs.dr.internal", policy.OffsetSyncsTopic("dr"));
            Assert.True(policy.IsHeartbeatsTopic("primary.heartbeats"));
            Assert.True(policy.IsInternalTopic("__consumer_offsets"));
            Assert.False(policy.IsInternalTopic("test-topic"));
        }

        [Fact]
        public void Unknown_policy_classes_are_refused_by_name()
        {
            var ex = Assert.Throws<System.ArgumentException>(() => ReplicationPolicy.FromConfig("com.acme.Policy", null, null, null));
            Assert.Contains("com.acme.Policy", ex.Message);
        }

        [Fact]
        public void The_longest_possible_chain_of_hops_resolves()
        {
            // 249 characters is Kafka's limit for a topic name: 124 hops.
            var topic = string.Concat(System.Linq.Enumerable.Repeat("a.", 124)) + "t";
            Assert.Equal("t", ReplicationPolicy.Default().OriginalTopic(topic));
        }
    }
}

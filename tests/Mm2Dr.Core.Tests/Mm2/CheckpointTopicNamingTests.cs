using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>MirrorCheckpointTask.renameTopicPartition and its inverse (Kafka's MirrorCheckpointTaskTest.testCheckpoint uses source1/target2).</summary>
    public class CheckpointTopicNamingTests
    {
        [Fact]
        public void Kafka_MirrorCheckpointTaskTest_renames()
        {
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "source1", "target2");
            Assert.Equal("source1.topic1", naming.TargetTopicFor("topic1"));
            Assert.Equal("topic5", naming.TargetTopicFor("target2.topic5"));
            Assert.Equal("topic1", naming.SourceTopicFor("source1.topic1"));
            Assert.Equal("target2.topic5", naming.SourceTopicFor("topic5"));
        }

        [Fact]
        public void Failback_over_strips_names_that_contain_the_separator()
        {
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "dr", "primary");
            // On dr, "primary.my.topic" came from primary: MM2 names its checkpoints after originalTopic = "topic".
            Assert.Equal("topic", naming.TargetTopicFor("primary.my.topic"));
        }

        [Fact]
        public void Identity_policy_keeps_names()
        {
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Identity("primary"), "primary", "dr");
            Assert.Equal("orders", naming.TargetTopicFor("orders"));
            Assert.Equal("orders", naming.SourceTopicFor("orders"));
            var noAlias = new CheckpointTopicNaming(ReplicationPolicy.Identity(), "primary", "dr");
            Assert.Equal("orders", noAlias.SourceTopicFor("orders"));
        }

        [Fact]
        public void Custom_separator()
        {
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Default("__"), "primary", "dr");
            Assert.Equal("primary__orders", naming.TargetTopicFor("orders"));
            Assert.Equal("orders", naming.SourceTopicFor("primary__orders"));
        }

        [Fact]
        public void A_name_no_source_topic_maps_to_is_null()
        {
            var naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "primary", "dr");
            Assert.Null(naming.SourceTopicFor("other.orders"));
        }
    }
}

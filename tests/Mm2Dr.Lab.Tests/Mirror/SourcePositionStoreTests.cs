using System.Collections.Generic;
using System.Text;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Time;
using Mm2Dr.Lab.Mirror;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>The mirror's position records use Connect's JSON layout for MirrorSourceConnector's source offsets.</summary>
    public class SourcePositionStoreTests
    {
        private static SourcePositionStore Store() => new SourcePositionStore(
            new ClusterConnection("dr", "127.0.0.1:1", ClusterRole.DR), "primary", "mm2-offsets.primary.internal", new MirrorActivity(SystemClock.Instance, null));

        [Fact]
        public void Keys_and_values_are_Connects_json()
        {
            using var store = Store();
            Assert.Equal("[\"MirrorSourceConnector\",{\"cluster\":\"primary\",\"partition\":2,\"topic\":\"test-topic\"}]", Encoding.UTF8.GetString(store.Key(new TopicPartitionRef("test-topic", 2))));
            Assert.Equal("{\"offset\":41}", Encoding.UTF8.GetString(SourcePositionStore.Value(41)));
        }

        [Fact]
        public void Reading_keeps_the_last_position_of_our_own_partitions_and_skips_everything_else()
        {
            using var store = Store();
            var positions = new Dictionary<TopicPartitionRef, long>();
            var p0 = new TopicPartitionRef("test-topic", 0);
            store.Apply(store.Key(p0), SourcePositionStore.Value(5), positions);
            store.Apply(store.Key(p0), SourcePositionStore.Value(9), positions);

            // A Java worker may order the partition map's keys differently; the value is all that matters.
            store.Apply(Encoding.UTF8.GetBytes("[\"MirrorSourceConnector\",{\"topic\":\"test-topic\",\"partition\":1,\"cluster\":\"primary\"}]"), Encoding.UTF8.GetBytes("{\"offset\":7}"), positions);
            store.Apply(Encoding.UTF8.GetBytes("[\"MirrorSourceConnector\",{\"cluster\":\"other\",\"partition\":0,\"topic\":\"test-topic\"}]"), SourcePositionStore.Value(100), positions);
            store.Apply(Encoding.UTF8.GetBytes("[\"MirrorCheckpointConnector\",{\"group\":\"g\"}]"), SourcePositionStore.Value(100), positions);
            store.Apply(Encoding.UTF8.GetBytes("not json"), SourcePositionStore.Value(100), positions);
            store.Apply(store.Key(new TopicPartitionRef("gone", 0)), SourcePositionStore.Value(3), positions);
            store.Apply(store.Key(new TopicPartitionRef("gone", 0)), null, positions);   // a tombstone forgets it

            Assert.Equal(new Dictionary<TopicPartitionRef, long> { [p0] = 9, [new TopicPartitionRef("test-topic", 1)] = 7 }, positions);
        }
    }
}

using System.Linq;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Integration
{
    public class TopicCatalogMockTests : IClassFixture<MockClusterFixture>
    {
        private readonly MockClusterFixture _fx;

        public TopicCatalogMockTests(MockClusterFixture fx) => _fx = fx;

        [Fact]
        public void Lists_topics_with_per_partition_watermarks()
        {
            var topic = _fx.NewTopic(3);
            _fx.Produce(topic, 30, partition: 1);
            using var admin = _fx.Admin();
            var info = new TopicCatalog(admin, _fx.Policy).Get(topic);
            Assert.Equal(3, info.PartitionCount);
            Assert.Equal("primary", info.Cluster);
            Assert.Equal(_fx.Mock.BootstrapServers, info.BootstrapServers);
            var p1 = info.Partitions.Single(p => p.Partition == 1);
            Assert.Equal(0, p1.LowWatermark);
            Assert.Equal(30, p1.HighWatermark);
            Assert.Equal(30, info.Messages);
            Assert.All(info.Partitions.Where(p => p.Partition != 1), p => Assert.Equal(0, p.HighWatermark));
        }

        [Fact]
        public void Internal_topics_are_hidden_unless_asked_for()
        {
            _fx.Mock.CreateTopic("__hidden_state", 1);
            var visible = _fx.NewTopic(1);
            using var admin = _fx.Admin();
            var catalog = new TopicCatalog(admin, _fx.Policy);
            var names = catalog.List(null, includeInternal: false).Select(t => t.Name).ToList();
            Assert.Contains(visible, names);
            Assert.DoesNotContain("__hidden_state", names);
            Assert.Contains("__hidden_state", catalog.List(null, includeInternal: true).Select(t => t.Name));
        }

        [Fact]
        public void A_missing_topic_is_a_not_found_error_naming_topic_and_cluster()
        {
            using var admin = _fx.Admin();
            var ex = Assert.Throws<Mm2DrException>(() => new TopicCatalog(admin, _fx.Policy).Get("does-not-exist"));
            Assert.Equal(ErrorIds.TopicNotFound, ex.ErrorId);
            Assert.Equal("does-not-exist", ex.Target);
            Assert.Contains("'primary'", ex.Message);
            Assert.Contains(_fx.Mock.BootstrapServers, ex.Message);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Integration
{
    public class TopicAdminLabTests : IClassFixture<LabClusterFixture>
    {
        private readonly LabClusterFixture _fx;

        public TopicAdminLabTests(LabClusterFixture fx) => _fx = fx;

        [Fact]
        public void Creates_a_topic_with_partitions_and_configs_then_deletes_it()
        {
            var name = LabClusterFixture.UniqueName("created");
            using var admin = _fx.Admin();
            var catalog = new TopicCatalog(admin, _fx.Policy);
            catalog.Create(new TopicSpec(name, 6, 1, new Dictionary<string, string> { ["retention.ms"] = "3600000" }));
            var info = catalog.Get(name);
            Assert.Equal(6, info.PartitionCount);
            Assert.Equal(1, info.ReplicationFactor);
            Assert.All(info.Partitions, p => Assert.Equal(0, p.HighWatermark));
            Assert.Contains(name, catalog.ListNames(includeInternal: false));

            catalog.Delete(name);
            Assert.False(catalog.Exists(name));
            var again = Assert.Throws<Mm2DrException>(() => catalog.Delete(name));
            Assert.Equal(ErrorIds.TopicNotFound, again.ErrorId);
            Assert.Equal(name, again.Target);
        }

        [Fact]
        public void Creating_an_existing_topic_is_topic_already_exists()
        {
            var name = LabClusterFixture.UniqueName("dup");
            using var admin = _fx.Admin();
            var catalog = new TopicCatalog(admin, _fx.Policy);
            catalog.Create(new TopicSpec(name, 1, 1));
            var ex = Assert.Throws<Mm2DrException>(() => catalog.Create(new TopicSpec(name, 1, 1)));
            Assert.Equal(ErrorIds.TopicAlreadyExists, ex.ErrorId);
            Assert.Equal(ErrorKind.AlreadyExists, ex.Kind);
            Assert.Contains($"'{name}'", ex.Message);
        }

        [Fact]
        public void Broker_defaults_apply_for_minus_one_and_validate_only_creates_nothing()
        {
            var name = LabClusterFixture.UniqueName("defaults");
            using var admin = _fx.Admin();
            var catalog = new TopicCatalog(admin, _fx.Policy);
            catalog.Create(new TopicSpec(name), validateOnly: true);
            Assert.False(catalog.Exists(name));
            catalog.Create(new TopicSpec(name));
            Assert.Equal(1, catalog.Get(name).PartitionCount);
        }

        [Fact]
        public void An_invalid_replication_factor_is_refused_by_the_broker()
        {
            using var admin = _fx.Admin();
            var ex = Assert.Throws<Mm2DrException>(() => new TopicCatalog(admin, _fx.Policy).Create(new TopicSpec(LabClusterFixture.UniqueName("rf"), 1, 3)));
            Assert.Equal(ErrorIds.InvalidArgument, ex.ErrorId);
        }
    }
}

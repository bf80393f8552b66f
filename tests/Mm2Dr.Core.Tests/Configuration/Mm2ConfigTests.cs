using System;
using System.IO;
using System.Linq;
using Mm2Dr.Core.Configuration;
using Xunit;

namespace Mm2Dr.Core.Tests.Configuration
{
    public class Mm2ConfigTests
    {
        private static string RepoFile(params string[] parts)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Mm2Dr.sln")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            return Path.Combine(new[] { dir!.FullName }.Concat(parts).ToArray());
        }

        [Fact]
        public void The_repository_mm2_properties_describes_primary_to_dr()
        {
            var config = Mm2Config.Load(RepoFile("mirror-maker-config", "mm2.properties"));
            Assert.Equal(new[] { "primary", "dr" }, config.Clusters);
            Assert.Equal("primary", config.PrimaryFlow!.Source);
            Assert.Equal("dr", config.PrimaryFlow.Target);
            Assert.Equal("kafka-1:29092", config.BootstrapServers("primary"));
            var flow = config.Settings("primary", "dr");
            Assert.True(flow.TopicFilter.Matches("test-topic"));
            Assert.False(flow.TopicFilter.Matches("test-topic-2"));
            Assert.True(flow.GroupFilter.Matches("test-consumer-group"));
            Assert.Equal("primary.test-topic", flow.Policy.FormatRemoteTopic("primary", "test-topic"));
            Assert.Equal("primary.checkpoints.internal", flow.CheckpointsTopic);
            Assert.Equal("mm2-offset-syncs.dr.internal", flow.OffsetSyncsTopic);
            Assert.Equal("primary", flow.OffsetSyncsCluster);
            Assert.True(flow.SyncGroupOffsetsEnabled);
            Assert.Equal(TimeSpan.FromSeconds(5), flow.EmitCheckpointsInterval);
            Assert.Equal(TimeSpan.FromSeconds(5), flow.OffsetFlushInterval);
        }

        [Fact]
        public void The_offset_flush_interval_is_a_worker_setting_of_the_target_cluster_as_in_MirrorMakerConfig()
        {
            const string Head = "clusters = a, b\na.bootstrap.servers = x:1\nb.bootstrap.servers = y:2\na->b.enabled = true\n";
            Assert.Equal(TimeSpan.FromMinutes(1), Mm2Config.Parse(Head).Settings("a", "b").OffsetFlushInterval);
            Assert.Equal(TimeSpan.FromMilliseconds(750), Mm2Config.Parse(Head + "b.offset.flush.interval.ms = 750\n").Settings("a", "b").OffsetFlushInterval);

            // workerConfig does not take it from the top level or the flow's keys, so neither does Mm2Dr.
            Assert.Equal(TimeSpan.FromMinutes(1), Mm2Config.Parse(Head + "offset.flush.interval.ms = 750\na->b.offset.flush.interval.ms = 750\n").Settings("a", "b").OffsetFlushInterval);
            Assert.Equal(TimeSpan.FromMinutes(1), Mm2Config.Parse(Head + "a.offset.flush.interval.ms = 750\n").Settings("a", "b").OffsetFlushInterval);

            var bad = Assert.Throws<ConfigurationException>(() => Mm2Config.Parse(Head + "b.offset.flush.interval.ms = soon\n"));
            Assert.Contains("b.offset.flush.interval.ms", bad.Message);
        }

        [Fact]
        public void Defaults_are_MirrorMakers_own()
        {
            var config = Mm2Config.Parse("clusters = a, b\na.bootstrap.servers = x:1\nb.bootstrap.servers = y:2\na->b.enabled = true\n");
            var flow = config.Settings("a", "b");
            Assert.Equal(100, flow.OffsetLagMax);
            Assert.Equal(TimeSpan.FromSeconds(60), flow.EmitCheckpointsInterval);
            Assert.Equal(TimeSpan.FromSeconds(1), flow.EmitHeartbeatsInterval);
            Assert.Equal(TimeSpan.FromSeconds(600), flow.RefreshTopicsInterval);
            Assert.False(flow.SyncGroupOffsetsEnabled);
            Assert.Equal(2, flow.ReplicationFactor);
            Assert.True(flow.TopicFilter.Matches("orders"));
            Assert.False(flow.TopicFilter.Matches("mm2-offsets.b.internal"));
            Assert.False(flow.TopicFilter.Matches("__consumer_offsets"));
            Assert.False(flow.TopicFilter.Matches("x.replica"));
            Assert.False(flow.GroupFilter.Matches("console-consumer-123"));
            Assert.False(flow.GroupFilter.Matches("connect-sink"));
            Assert.True(flow.GroupFilter.Matches("billing"));
        }

        [Fact]
        public void Flow_keys_override_top_level_keys()
        {
            var config = Mm2Config.Parse("clusters=a,b\na.bootstrap.servers=x:1\nb.bootstrap.servers=y:2\na->b.enabled=true\noffset.lag.max=10\na->b.offset.lag.max=7\ntopics=t1\n");
            var flow = config.Settings("a", "b");
            Assert.Equal(7, flow.OffsetLagMax);
            Assert.True(flow.TopicFilter.Matches("t1"));
            Assert.False(flow.TopicFilter.Matches("t2"));
        }

        [Fact]
        public void A_custom_separator_changes_remote_and_internal_names()
        {
            var config = Mm2Config.Parse("clusters=a,b\na.bootstrap.servers=x:1\nb.bootstrap.servers=y:2\na->b.enabled=true\nreplication.policy.separator=__\n");
            var flow = config.Settings("a", "b");
            Assert.Equal("a__orders", flow.Policy.FormatRemoteTopic("a", "orders"));
            Assert.Equal("a__checkpoints__internal", flow.CheckpointsTopic);
        }

        [Fact]
        public void Identity_policy_is_recognized()
        {
            var config = Mm2Config.Parse("clusters=a,b\na.bootstrap.servers=x:1\nb.bootstrap.servers=y:2\na->b.enabled=true\nreplication.policy.class=org.apache.kafka.connect.mirror.IdentityReplicationPolicy\n");
            var flow = config.Settings("a", "b");
            Assert.Equal("Identity", flow.Policy.Name);
            Assert.Equal("orders", flow.Policy.FormatRemoteTopic("a", "orders"));
            Assert.Equal("a.heartbeats", flow.Policy.FormatRemoteTopic("a", "heartbeats"));
        }

        [Theory]
        [InlineData("offset.lag.max = lots", "offset.lag.max", 5)]
        [InlineData("emit.checkpoints.enabled = yes", "emit.checkpoints.enabled", 5)]
        [InlineData("offset-syncs.topic.location = elsewhere", "offset-syncs.topic.location", 5)]
        [InlineData("topics = (unclosed", "topics", 5)]
        [InlineData("replication.policy.class = com.example.MyPolicy", "replication.policy.class", 5)]
        [InlineData("a->c.enabled = true", "a->c.enabled", 5)]
        public void A_bad_value_is_an_error_naming_file_line_and_key(string badLine, string key, int line)
        {
            var text = "clusters=a,b\na.bootstrap.servers=x:1\nb.bootstrap.servers=y:2\na->b.enabled=true\n" + badLine + "\n";
            var ex = Assert.Throws<ConfigurationException>(() => Mm2Config.Parse(text, "mm2.properties"));
            Assert.Equal(line, ex.Line);
            Assert.Equal(key, ex.Key);
            Assert.StartsWith("mm2.properties:" + line + ":", ex.Message);
        }

        [Fact]
        public void Missing_clusters_is_an_error()
        {
            var ex = Assert.Throws<ConfigurationException>(() => Mm2Config.Parse("a.bootstrap.servers=x:1", "m.properties"));
            Assert.Equal("clusters", ex.Key);
        }

        [Fact]
        public void An_enabled_flow_without_a_bootstrap_is_an_error()
        {
            var ex = Assert.Throws<ConfigurationException>(() => Mm2Config.Parse("clusters=a,b\na.bootstrap.servers=x:1\na->b.enabled=true\n", "m.properties"));
            Assert.Equal("b.bootstrap.servers", ex.Key);
            Assert.Equal(3, ex.Line);
        }

        [Fact]
        public void Cluster_client_properties_are_picked_by_alias()
        {
            var config = Mm2Config.Parse("clusters=a,b\na.bootstrap.servers=x:1\nb.bootstrap.servers=y:2\na.security.protocol=SASL_SSL\na.sasl.mechanism=PLAIN\na.consumer.max.poll.records=5\n");
            var props = config.ClusterClientProperties("a");
            Assert.Equal("SASL_SSL", props["security.protocol"]);
            Assert.Equal("PLAIN", props["sasl.mechanism"]);
            Assert.False(props.ContainsKey("consumer.max.poll.records"));
            Assert.Empty(config.ClusterClientProperties("b"));
        }

        [Fact]
        public void Empty_include_list_matches_nothing()
        {
            var filter = new NameFilter(Array.Empty<string>(), Array.Empty<string>());
            Assert.False(filter.Matches("anything"));
        }
    }
}

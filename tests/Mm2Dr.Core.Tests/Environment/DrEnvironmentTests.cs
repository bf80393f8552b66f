using System;
using System.IO;
using System.Linq;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Xunit;

namespace Mm2Dr.Core.Tests.Environment
{
    public class DrEnvironmentTests
    {
        [Fact]
        public void The_default_is_the_compose_stack()
        {
            var env = DrEnvironment.ComposeDefault();
            Assert.Equal("primary", env.Primary.Alias);
            Assert.Equal("localhost:9092", env.Primary.BootstrapServers);
            Assert.Equal("dr", env.Dr.Alias);
            Assert.Equal("localhost:9093", env.Dr.BootstrapServers);
            Assert.Equal("Default", env.Policy.Name);
        }

        [Theory]
        [InlineData("Primary", "primary")]
        [InlineData("primary", "primary")]
        [InlineData("DR", "dr")]
        [InlineData("dr", "dr")]
        public void Clusters_resolve_by_role_or_alias(string selector, string alias)
        {
            Assert.Equal(alias, DrEnvironment.ComposeDefault().Resolve(selector).Alias);
        }

        [Fact]
        public void An_unknown_cluster_lists_what_would_match()
        {
            var ex = Assert.Throws<ArgumentException>(() => DrEnvironment.ComposeDefault().Resolve("staging"));
            Assert.Contains("'staging'", ex.Message);
            Assert.Contains("'primary'", ex.Message);
            Assert.Contains("'dr'", ex.Message);
        }

        [Fact]
        public void Topics_named_as_on_primary_map_to_mm2_names_on_dr_only()
        {
            var env = DrEnvironment.ComposeDefault();
            Assert.Equal("primary.test-topic", env.TopicOn(env.Dr, "test-topic"));
            Assert.Equal("test-topic", env.TopicOn(env.Primary, "test-topic"));
            Assert.Equal("primary.test-topic", env.TopicOn(env.Dr, "primary.test-topic"));
        }

        [Fact]
        public void Mm2_properties_give_aliases_and_policy_but_not_container_addresses()
        {
            var path = Path.GetTempFileName();
            File.WriteAllText(path, "clusters = east, west\neast.bootstrap.servers = kafka-east:29092\nwest.bootstrap.servers = kafka-west:29092\neast->west.enabled = true\nreplication.policy.separator = _\n");
            try
            {
                var env = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { Mm2ConfigPath = path, DrBootstrapServers = "10.0.0.5:9093" });
                Assert.Equal("east", env.Primary.Alias);
                Assert.Equal("west", env.Dr.Alias);
                Assert.Equal("localhost:9092", env.Primary.BootstrapServers);
                Assert.Equal("kafka-east:29092", env.Primary.Mm2BootstrapServers);
                Assert.Equal("10.0.0.5:9093", env.Dr.BootstrapServers);
                Assert.Equal("east_orders", env.TopicOn(env.Dr, "orders"));
                Assert.NotNull(env.FlowSettings);

                var mm2View = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { Mm2ConfigPath = path, UseMm2BootstrapServers = true });
                Assert.Equal("kafka-west:29092", mm2View.Dr.BootstrapServers);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_config_with_no_enabled_flow_is_an_error()
        {
            var path = Path.GetTempFileName();
            File.WriteAllText(path, "clusters = a, b\na.bootstrap.servers = x:1\nb.bootstrap.servers = y:1\n");
            try
            {
                var ex = Assert.Throws<ConfigurationException>(() => DrEnvironmentBuilder.Build(new DrEnvironmentOptions { Mm2ConfigPath = path }));
                Assert.Contains("No replication flow is enabled", ex.Message);
                Assert.Equal(path, ex.File);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Secrets_from_mm2_properties_are_used_but_never_shown()
        {
            var path = Path.GetTempFileName();
            File.WriteAllText(path, "clusters = primary, dr\nprimary.bootstrap.servers = k1:29092\ndr.bootstrap.servers = k2:29093\nprimary->dr.enabled = true\n"
                + "primary.security.protocol = SASL_PLAINTEXT\nprimary.sasl.mechanism = PLAIN\n"
                + "primary.sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username=\"ops\" password=\"TopSecret-123\";\n");
            try
            {
                var env = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { Mm2ConfigPath = path });
                Assert.Equal("SASL_PLAINTEXT", env.Primary.SecurityProtocol);
                Assert.True(env.Primary.HasSecrets);
                Assert.DoesNotContain(env.Primary.Properties.Values, v => v.Contains("TopSecret"));
                Assert.Equal("********", env.Primary.Properties["sasl.password"]);
                Assert.Contains(env.Primary.ClientProperties(), kv => kv.Key == "sasl.password" && kv.Value == "TopSecret-123");
                Assert.Equal("auth failed for ******** at k1", env.Primary.Redact("auth failed for TopSecret-123 at k1"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("localhost")]
        [InlineData("localhost:")]
        [InlineData("localhost:0")]
        [InlineData("localhost:70000")]
        [InlineData("a:1,b")]
        [InlineData(":9092")]
        public void Bad_bootstrap_addresses_are_rejected_by_name(string bootstrap)
        {
            var ex = Assert.Throws<ArgumentException>(() => new ClusterConnection("x", bootstrap, ClusterRole.Other));
            Assert.Contains("Expected", ex.Message);
        }

        [Theory]
        [InlineData("localhost:9092")]
        [InlineData("a:1, b:2")]
        [InlineData("PLAINTEXT://broker:29092")]
        [InlineData("[::1]:9092")]
        public void Good_bootstrap_addresses_are_accepted(string bootstrap)
        {
            var c = new ClusterConnection("x", bootstrap, ClusterRole.Other);
            Assert.DoesNotContain(" ", c.BootstrapServers);
        }

        [Fact]
        public void Primary_and_dr_need_different_aliases()
        {
            var a = new ClusterConnection("same", "a:1", ClusterRole.Primary);
            var b = new ClusterConnection("SAME", "b:1", ClusterRole.DR);
            Assert.Throws<ArgumentException>(() => new DrEnvironment(a, b, Core.Mm2.ReplicationPolicy.Default()));
        }

        [Fact]
        public void Overrides_win_over_the_file_for_policy_and_properties()
        {
            var env = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { ReplicationPolicy = "Identity", PrimaryAlias = "east", DrAlias = "west" });
            Assert.Equal("Identity", env.Policy.Name);
            Assert.Equal("orders", env.TopicOn(env.Dr, "orders"));
            Assert.Equal("east", env.Primary.Alias);
            Assert.Empty(env.Warnings);
            Assert.Equal("default", env.Origin);
            Assert.Equal(2, env.Clusters.Count());
        }
    }
}

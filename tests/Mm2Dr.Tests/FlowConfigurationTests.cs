using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Mm2Dr.TestSupport;
using Xunit;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Tests
{
    /// <summary>The MM2 cmdlets follow mm2.properties (topic filter, offset-syncs location) and never show a secret.</summary>
    public class FlowConfigurationTests : IClassFixture<PowerShellSessionFixture>
    {
        private readonly PowerShellSession _ps;

        public FlowConfigurationTests(PowerShellSessionFixture fixture) => _ps = fixture.Shell;

        [Fact]
        public void Mm2_properties_decide_where_offset_syncs_are_and_which_topics_must_be_on_DR()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            primary.CreateTopic("orders", 2);
            primary.CreateTopic("scratch", 1);                        // not in topics=: nobody expects it on DR
            dr.CreateTopic("primary.orders", 2);
            dr.CreateTopic("primary.checkpoints.internal", 1);
            dr.CreateTopic("heartbeats", 1);
            dr.CreateTopic("mm2-offset-syncs.primary.internal", 1);  // offset-syncs.topic.location = target
            Write(dr.BootstrapServers, "mm2-offset-syncs.primary.internal", new[] { Bytes(new OffsetSync("orders", 1, 7, 5)) }.Select(b => (b.Item1, b.Item2, (DateTimeOffset?)null)));
            Write(dr.BootstrapServers, "heartbeats", new[] { Bytes(new Heartbeat("primary", "dr", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())) }.Select(b => (b.Item1, b.Item2, (DateTimeOffset?)null)));
            var file = Path.Combine(Path.GetTempPath(), $"mm2-{Guid.NewGuid():N}.properties");
            File.WriteAllText(file, "clusters = primary, dr\nprimary.bootstrap.servers = kafka-1:29092\ndr.bootstrap.servers = kafka-2:29093\nprimary->dr.enabled = true\n"
                                   + "primary->dr.topics = orders\noffset-syncs.topic.location = target\nemit.checkpoints.interval.seconds = 5\n");
            try
            {
                _ps.Run("Connect-DrEnvironment -Mm2Config $f -PrimaryBootstrapServers $p -DrBootstrapServers $d",
                    new Dictionary<string, object?> { ["f"] = file, ["p"] = primary.BootstrapServers, ["d"] = dr.BootstrapServers }).ThrowOnError();

                var syncs = _ps.Run("Read-Mm2InternalTopic OffsetSyncs").ThrowOnError().Output.Select(o => (OffsetSyncEntry)o.BaseObject).ToList();
                var entry = Assert.Single(syncs);
                Assert.Equal(("dr", "mm2-offset-syncs.primary.internal", 7L), (entry.Cluster, entry.InternalTopic, entry.UpstreamOffset));

                var checks = _ps.Run("Get-Mm2Status").ThrowOnError().Output.Select(o => (Mm2StatusCheck)o.BaseObject).ToList();
                var syncsTopic = checks.Single(c => c.Check == Mm2StatusCheck.OffsetSyncsTopicCheck);
                Assert.Equal(("dr", "mm2-offset-syncs.primary.internal", CheckStatus.Ok), (syncsTopic.Cluster, syncsTopic.Target, syncsTopic.Status));
                Assert.Equal("1 of 1 replicated topic(s) exist on 'dr' with the primary's partition count.", checks.Single(c => c.Check == Mm2StatusCheck.RemoteTopicCheck).Detail);
                // The checkpoints topic is empty: a warning, with the interval from mm2.properties.
                Assert.Contains("every 5 s", checks.Single(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck).Detail);
                Assert.Equal(CheckStatus.Warning, checks.Last().Status);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Secrets_never_appear_in_what_the_MM2_cmdlets_say()
        {
            var result = _ps.Run(
                "Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -DrBootstrapServers 127.0.0.1:1 "
                + "-DrKafkaConfig @{ 'security.protocol'='SASL_PLAINTEXT'; 'sasl.mechanism'='PLAIN'; 'sasl.username'='ops'; 'sasl.password'='Hunter2-Secret' }\n"
                + "Get-Mm2Status -TimeoutSec 1 -Verbose | Format-List * | Out-String -Width 300\n"
                + "Get-OffsetSync -Group g -TimeoutSec 1 -Verbose\n"
                + "Read-Mm2InternalTopic Heartbeats -TimeoutSec 1 -Verbose");
            Assert.NotEmpty(result.Errors);
            var text = result.AllText + string.Join("\n", result.Errors.Select(e => e.Exception.Message + e.ErrorDetails?.Message + e.TargetObject));
            Assert.Contains("127.0.0.1:1", text);
            Assert.DoesNotContain("Hunter2-Secret", text);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Core.Mm2;
using Mm2Dr.TestSupport;
using Xunit;

namespace Mm2Dr.Tests
{
    /// <summary>Error ids, targets and timing of the MM2 cmdlets, and parameters refused before any cluster is contacted.</summary>
    public class FlowCmdletErrorTests : IClassFixture<PowerShellSessionFixture>
    {
        private readonly PowerShellSession _ps;

        public FlowCmdletErrorTests(PowerShellSessionFixture fixture) => _ps = fixture.Shell;

        private PowerShellSession.Result Connected(TestKafkaCluster primary, string drBootstrap, string script)
            => _ps.Run("Connect-DrEnvironment -PrimaryBootstrapServers $p -DrBootstrapServers $d; " + script,
                new Dictionary<string, object?> { ["p"] = primary.BootstrapServers, ["d"] = drBootstrap });

        [Fact]
        public void A_missing_checkpoints_topic_is_CheckpointsTopicNotFound_with_the_topic_as_target()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            dr.CreateTopic("primary.orders", 1);

            var result = Connected(primary, dr.BootstrapServers, "Get-OffsetSync -Group g");

            var error = result.FirstError!;
            Assert.Equal("CheckpointsTopicNotFound,Mm2Dr.Commands.GetOffsetSyncCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("primary.checkpoints.internal", error.TargetObject);
            Assert.Contains($"does not exist on cluster 'dr' ({dr.BootstrapServers})", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void An_empty_checkpoints_topic_is_a_warning_and_NoCheckpoint_rows()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            primary.CreateTopic("orders", 1);
            dr.CreateTopic("primary.orders", 1);
            dr.CreateTopic("primary.checkpoints.internal", 1);
            KafkaTestClient.Commit(primary.BootstrapServers, "g", ("orders", 0, 0));

            var result = Connected(primary, dr.BootstrapServers, "Get-OffsetSync -Group g -Topic orders");

            Assert.Empty(result.Errors);
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, ((OffsetSyncRow)Assert.Single(result.Output).BaseObject).Status);
            Assert.Contains(result.Warnings, w => w.StartsWith("No checkpoints exist yet in 'primary.checkpoints.internal' on cluster 'dr'"));
        }

        [Fact]
        public void An_unreachable_DR_fails_within_the_timeout_naming_its_bootstrap()
        {
            using var primary = TestKafkaCluster.Start();
            var clock = Stopwatch.StartNew();

            var result = Connected(primary, "127.0.0.1:1", "Get-OffsetSync -Group g -TimeoutSec 2");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.StartsWith("ClusterUnreachable,Mm2Dr.Commands.GetOffsetSyncCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, result.FirstError.CategoryInfo.Category);
            Assert.Contains("127.0.0.1:1", result.FirstError.Exception.Message);
        }

        [Fact]
        public void Status_turns_an_unreachable_DR_into_a_failed_verdict_instead_of_an_error()
        {
            using var primary = TestKafkaCluster.Start();
            var clock = Stopwatch.StartNew();

            var quiet = Connected(primary, "127.0.0.1:1", "Get-Mm2Status -Quiet -TimeoutSec 2");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
            Assert.Empty(quiet.Errors);
            Assert.False((bool)Assert.Single(quiet.Output).BaseObject);
        }

        [Fact]
        public void Reading_a_missing_internal_topic_has_the_kinds_own_id()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();

            var heartbeats = Connected(primary, dr.BootstrapServers, "Read-Mm2InternalTopic Heartbeats -Topic primary.heartbeats").FirstError!;
            var syncs = Connected(primary, dr.BootstrapServers, "Read-Mm2InternalTopic OffsetSyncs").FirstError!;

            Assert.Equal("HeartbeatsTopicNotFound,Mm2Dr.Commands.ReadMm2InternalTopicCommand", heartbeats.FullyQualifiedErrorId);
            Assert.Equal("primary.heartbeats", heartbeats.TargetObject);
            Assert.Equal("OffsetSyncsTopicNotFound,Mm2Dr.Commands.ReadMm2InternalTopicCommand", syncs.FullyQualifiedErrorId);
            Assert.Contains($"'mm2-offset-syncs.dr.internal' does not exist on cluster 'primary' ({primary.BootstrapServers})", syncs.Exception.Message);
        }

        [Fact]
        public void A_watch_reports_an_unreachable_cluster_each_round_and_keeps_watching()
        {
            _ps.Run("Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -DrBootstrapServers 127.0.0.1:1").ThrowOnError();
            var (ps, _, _) = _ps.StartPipeline("Get-ReplicationLag -Watch -Interval 100ms -TimeoutSec 1");
            using (ps)
            {
                using var twoErrors = new System.Threading.ManualResetEventSlim(false);
                ps.Streams.Error.DataAdded += (_, _) =>
                {
                    if (ps.Streams.Error.Count >= 2)
                    {
                        twoErrors.Set();
                    }
                };
                if (ps.Streams.Error.Count >= 2)
                {
                    twoErrors.Set();
                }

                Assert.True(twoErrors.Wait(TimeSpan.FromSeconds(60)), $"{ps.Streams.Error.Count} error(s) arrived");
                Assert.Equal(PSInvocationState.Running, ps.InvocationStateInfo.State);
                ps.Stop();
                Assert.All(ps.Streams.Error.Take(2), e => Assert.StartsWith("ClusterUnreachable,Mm2Dr.Commands.GetReplicationLagCommand", e.FullyQualifiedErrorId));
            }
        }

        [Theory]
        [InlineData("Get-ReplicationLag -Interval 5", "-Interval only makes sense with -Watch")]
        [InlineData("Get-ReplicationLag -Watch -Interval 0", "-Interval must be positive")]
        [InlineData("Get-OffsetSync -Group g -ReadTimeout 0", "-ReadTimeout must be positive")]
        [InlineData("Get-Mm2Status -HeartbeatMaxAge 0", "-HeartbeatMaxAge must be positive")]
        [InlineData("Read-Mm2InternalTopic Checkpoints -ReadTimeout 0 -BootstrapServers 127.0.0.1:1", "-ReadTimeout must be positive")]
        public void Nonsense_parameters_are_refused_before_any_cluster_is_asked(string script, string message)
        {
            var clock = Stopwatch.StartNew();
            var result = _ps.Run("Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -DrBootstrapServers 127.0.0.1:1; " + script);
            Assert.StartsWith("InvalidArgument,", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains(message, result.FirstError.Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}: a cluster was contacted");
        }

        [Fact]
        public void Kind_takes_only_the_three_kinds_and_completes_them()
        {
            var result = _ps.Run("Read-Mm2InternalTopic -Kind Bogus -BootstrapServers 127.0.0.1:1");
            Assert.StartsWith("CannotConvertArgumentNoMessage,Mm2Dr.Commands.ReadMm2InternalTopicCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("Checkpoints", result.FirstError.Exception.Message);

            var line = "Read-Mm2InternalTopic -Kind O";
            var completions = _ps.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").Output.Select(o => o.ToString());
            Assert.Equal(new[] { "OffsetSyncs" }, completions);
        }

        [Fact]
        public void Quiet_is_its_own_parameter_set_with_a_boolean_output()
        {
            var sets = _ps.Run("(Get-Command Get-Mm2Status).ParameterSets | ForEach-Object { $_.Name + ':' + ($_.Parameters.Name -contains 'Quiet') }").ThrowOnError().Output.Select(o => o.ToString());
            Assert.Equal(new[] { "Checks:False", "Quiet:True" }, sets.OrderBy(s => s));
            var types = _ps.Run("(Get-Command Get-Mm2Status).OutputType.Name").Output.Select(o => o.ToString());
            Assert.Contains("System.Boolean", types);
        }
    }
}

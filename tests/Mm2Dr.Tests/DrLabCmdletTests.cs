using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Sockets;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Sites;
using Mm2Dr.Lab;
using Mm2Dr.Lab.Mirror;
using Xunit;

namespace Mm2Dr.Tests
{
    public class DrLabCmdletTests
    {
        [Fact]
        public void Start_DrLab_becomes_the_session_environment_and_every_cmdlet_works_against_it()
        {
            using var s = new DrLabSession();
            Assert.Equal("primary->dr", s.Lab!.Flow);
            Assert.Equal(s.ConfigPath, s.Lab.Mm2Config);
            Assert.Equal(MirrorState.Running, s.Lab.MirrorState);
            var environment = (DrEnvironment)s.Run("Get-DrEnvironment").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal((s.Lab.PrimaryBootstrapServers, s.Lab.DrBootstrapServers, "lab"), (environment.Primary.BootstrapServers, environment.Dr.BootstrapServers, environment.Origin));
            Assert.Equal("kafka-1:29092", environment.Primary.Mm2BootstrapServers);

            // Start-DrLab returned once MM2's topics exist.
            var drTopics = s.Run("Get-KafkaTopic -Cluster DR -IncludeInternal | ForEach-Object Name").ThrowOnError().Output.Select(o => o.ToString()).ToList();
            Assert.Contains("primary.checkpoints.internal", drTopics);
            Assert.Contains("heartbeats", drTopics);
            Assert.Contains("mm2-offsets.primary.internal", drTopics);

            s.Run("New-KafkaTopic test-topic -Partitions 3 | Out-Null; Start-KafkaProducer -Topic test-topic -Count 300 | Out-Null").ThrowOnError();
            DrLabSession.Eventually(() => s.Messages("DR", "primary.test-topic") == 300, "300 records on DR");
            var read = s.Run("Read-KafkaTopic -Cluster DR -Topic test-topic").ThrowOnError().Output;
            Assert.Equal(300, read.Count);

            s.Run("Read-KafkaTopic -Topic test-topic -Group test-consumer-group -MaxMessages 300 | Out-Null").ThrowOnError();
            DrLabSession.Eventually(() => s.Run("Get-OffsetSync -Group test-consumer-group").Output.Count == 3, "checkpoints for three partitions");
            Assert.True((bool)s.Run("Get-Mm2Status -Quiet").Output.Single().BaseObject);

            var info = (DrLabInfo)s.Run("Get-DrLab").ThrowOnError().Output.Single().BaseObject;
            Assert.True(info.RecordsReplicated >= 300);
            Assert.Contains("primary.test-topic", info.Mirror.Topics);
        }

        [Fact]
        public void WhatIf_on_Stop_DrLab_changes_nothing_and_Stop_DrLab_cleans_up_everything()
        {
            using var s = new DrLabSession();
            var whatIf = s.Run("Stop-DrLab -WhatIf");
            whatIf.ThrowOnError();
            Assert.True(PortOpen(s.Lab!.PrimaryBootstrapServers) && PortOpen(s.Lab.DrBootstrapServers));
            Assert.Single(s.Run("Get-DrLab").ThrowOnError().Output);

            s.Run("Stop-DrLab -Confirm:$false").ThrowOnError();
            Assert.False(PortOpen(s.Lab.PrimaryBootstrapServers));
            Assert.False(PortOpen(s.Lab.DrBootstrapServers));
            Assert.StartsWith("DrLabNotRunning", s.Run("Get-DrLab").FirstError!.FullyQualifiedErrorId);
            Assert.Equal("default", ((DrEnvironment)s.Run("Get-DrEnvironment").Output.Single().BaseObject).Origin);
            Assert.Contains(s.Run("Stop-DrLab -Confirm:$false").Warnings, w => w.Contains("nothing to stop"));

            // A new lab can start in the same session, and stopping it brings back the environment set before.
            s.Run("Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -DrBootstrapServers 127.0.0.1:2; Start-DrLab -Mm2Config $config | Out-Null").ThrowOnError();
            Assert.Equal("lab", ((DrEnvironment)s.Run("Get-DrEnvironment").Output.Single().BaseObject).Origin);
            s.Run("Stop-DrLab -Confirm:$false").ThrowOnError();
            Assert.Equal("127.0.0.1:1", ((DrEnvironment)s.Run("Get-DrEnvironment").Output.Single().BaseObject).Primary.BootstrapServers);
        }

        [Fact]
        public void Stop_and_Start_KafkaCluster_take_a_lab_cluster_down_and_back_and_WhatIf_changes_nothing()
        {
            using var s = new DrLabSession();
            var whatIf = s.Run("Stop-KafkaCluster -Cluster Primary -WhatIf -PassThru");
            whatIf.ThrowOnError();
            Assert.Empty(whatIf.Output);
            Assert.True(PortOpen(s.Lab!.PrimaryBootstrapServers));

            var stopped = (KafkaClusterStatus)s.Run("Stop-KafkaCluster -Cluster Primary -PassThru").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(("primary", "lab", SiteClusterState.Stopped), (stopped.Cluster, stopped.Site, stopped.State));
            Assert.False(PortOpen(s.Lab.PrimaryBootstrapServers));
            var statuses = s.Run("Get-KafkaClusterStatus").ThrowOnError().Output.Select(o => (KafkaClusterStatus)o.BaseObject).ToList();
            Assert.Equal(new[] { ("primary", SiteClusterState.Stopped, (bool?)null), ("dr", SiteClusterState.Running, (bool?)true) }, statuses.Select(x => (x.Cluster, x.State, x.Answering)));
            Assert.True((bool)((PSObject)s.Run("(Get-DrLab).PrimaryUp -eq $false").Output.Single()).BaseObject);

            var unreachable = s.Run("Get-KafkaTopic -Cluster Primary -TimeoutSec 2");
            Assert.StartsWith("ClusterUnreachable", unreachable.FirstError!.FullyQualifiedErrorId);
            Assert.Contains(s.Lab.PrimaryBootstrapServers, unreachable.FirstError.Exception.Message);

            // Again: a stopped cluster stays stopped, quietly.
            s.Run("Stop-KafkaCluster -Cluster primary").ThrowOnError();

            var started = (KafkaClusterStatus)s.Run("Start-KafkaCluster -Cluster Primary -PassThru").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal((SiteClusterState.Running, (bool?)true, (int?)1), (started.State, started.Answering, started.Brokers));
            s.Run("Get-KafkaTopic -Cluster Primary -TimeoutSec 5").ThrowOnError();

            // Piped from the status objects, by their Cluster property.
            s.Run("Get-KafkaClusterStatus -Cluster DR | Stop-KafkaCluster -WhatIf").ThrowOnError();
            Assert.True(PortOpen(s.Lab.DrBootstrapServers));
        }

        [Fact]
        public void Set_KafkaCluster_adds_latency_to_every_response_until_set_back_to_zero()
        {
            using var s = new DrLabSession();
            var slow = (KafkaClusterStatus)s.Run("Set-KafkaCluster -Cluster DR -Latency 300ms -PassThru").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(TimeSpan.FromMilliseconds(300), slow.AddedLatency);
            var status = (KafkaClusterStatus)s.Run("Get-KafkaClusterStatus -Cluster DR").ThrowOnError().Output.Single().BaseObject;
            Assert.True(status.ResponseTime >= TimeSpan.FromMilliseconds(300), $"answered in {status.ResponseTime}");
            Assert.Contains("delayed by 300 ms on purpose", status.Detail);

            s.Run("Set-KafkaCluster -Cluster DR -Latency 0").ThrowOnError();
            Assert.Equal(TimeSpan.Zero, ((KafkaClusterStatus)s.Run("Get-KafkaClusterStatus -Cluster DR").Output.Single().BaseObject).AddedLatency);
            Assert.StartsWith("InvalidArgument", s.Run("Set-KafkaCluster -Cluster DR -Latency ([TimeSpan]::FromSeconds(-1))").FirstError!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Suspending_the_mirror_makes_lag_grow_and_resuming_catches_up_without_loss()
        {
            using var s = new DrLabSession();
            s.Run("New-KafkaTopic test-topic -Partitions 1 | Out-Null; Start-KafkaProducer -Topic test-topic -Count 100 | Out-Null").ThrowOnError();
            DrLabSession.Eventually(() => s.Messages("DR", "primary.test-topic") == 100, "100 records on DR");

            s.Run("Suspend-DrMirror -WhatIf").ThrowOnError();
            Assert.Equal(MirrorState.Running, ((DrLabInfo)s.Run("Get-DrLab").Output.Single().BaseObject).MirrorState);

            var suspended = (DrLabInfo)s.Run("Suspend-DrMirror -PassThru").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(MirrorState.Suspended, suspended.MirrorState);
            s.Run("Start-KafkaProducer -Topic test-topic -Count 100 | Out-Null").ThrowOnError();
            var heartbeats = ((DrLabInfo)s.Run("Get-DrLab").Output.Single().BaseObject).Mirror.HeartbeatsWritten;
            DrLabSession.Eventually(() => ((DrLabInfo)s.Run("Get-DrLab").Output.Single().BaseObject).Mirror.HeartbeatsWritten >= heartbeats + 6, "three seconds of a suspended mirror (heartbeats go on)");
            Assert.Equal(100, s.Messages("DR", "primary.test-topic"));
            var lag = s.Run("Get-ReplicationLag -Topic test-topic -WarningAction SilentlyContinue").ThrowOnError().Output.Single();
            Assert.Equal(100L, Convert.ToInt64(lag.Properties["LagMessages"].Value));

            s.Run("Resume-DrMirror").ThrowOnError();
            DrLabSession.Eventually(() => s.Messages("DR", "primary.test-topic") == 200, "the 100 records copied after resuming");
            Assert.Equal(200, s.Run("Read-KafkaTopic -Cluster DR -Topic test-topic").Output.Count);
        }

        [Fact]
        public void Errors_have_stable_ids_categories_and_targets()
        {
            using var s = new DrLabSession(start: false);

            // No site runs a cluster of the default environment (a real cluster): stopping it is refused before anything happens.
            s.Run("Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -DrBootstrapServers 127.0.0.1:2").ThrowOnError();
            var noSite = s.Run("Stop-KafkaCluster -Cluster Primary").FirstError!;
            Assert.Equal("SiteNotAvailable,Mm2Dr.Commands.StopKafkaClusterCommand", noSite.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, noSite.CategoryInfo.Category);
            Assert.Equal("primary", noSite.TargetObject);
            Assert.StartsWith("SiteNotAvailable", s.Run("Start-KafkaCluster -Cluster DR").FirstError!.FullyQualifiedErrorId);
            Assert.StartsWith("SiteNotAvailable", s.Run("Set-KafkaCluster -Cluster DR -Latency 1").FirstError!.FullyQualifiedErrorId);

            // ... but it can still be asked whether it answers.
            var unmanaged = (KafkaClusterStatus)s.Run("Get-KafkaClusterStatus -Cluster Primary -TimeoutSec 1").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(("none", SiteClusterState.Unknown, (bool?)false), (unmanaged.Site, unmanaged.State, unmanaged.Answering));

            var unknown = s.Run("Stop-KafkaCluster -Cluster nowhere").FirstError!;
            Assert.StartsWith("UnknownCluster", unknown.FullyQualifiedErrorId);
            Assert.Equal("nowhere", unknown.TargetObject);

            Assert.StartsWith("DrLabNotRunning", s.Run("Suspend-DrMirror").FirstError!.FullyQualifiedErrorId);
            Assert.StartsWith("DrLabNotRunning", s.Run("Resume-DrMirror").FirstError!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, s.Run("Get-DrLab").FirstError!.CategoryInfo.Category);

            var missing = s.Run("Start-DrLab -Mm2Config ./no-such-mm2.properties").FirstError!;
            Assert.StartsWith("ConfigurationInvalid", missing.FullyQualifiedErrorId);
            File.WriteAllText(Path.Combine(s.Folder, "noflow.properties"), "clusters = primary, dr\nprimary.bootstrap.servers = a:1\ndr.bootstrap.servers = b:2\n");
            var noFlow = s.Run($"Start-DrLab -Mm2Config '{Path.Combine(s.Folder, "noflow.properties")}'").FirstError!;
            Assert.StartsWith("ConfigurationInvalid", noFlow.FullyQualifiedErrorId);
            Assert.Contains("primary->dr.enabled", noFlow.Exception.Message);
            Assert.StartsWith("InvalidArgument", s.Run("Start-DrLab -Mm2Config $config -PrimaryPort 19999 -DrPort 19999").FirstError!.FullyQualifiedErrorId);

            var lab = (DrLabInfo)s.Run("Start-DrLab -Mm2Config $config").ThrowOnError().Output.Single().BaseObject;
            var twice = s.Run("Start-DrLab -Mm2Config $config").FirstError!;
            Assert.StartsWith("DrLabFailed", twice.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, twice.CategoryInfo.Category);

            // A port in use is named.
            var port = int.Parse(lab.PrimaryBootstrapServers.Split(':')[1]);
            using var other = new DrLabSession(start: false);
            var clash = other.Run($"Start-DrLab -Mm2Config '{other.ConfigPath}' -PrimaryPort {port}").FirstError!;
            Assert.StartsWith("DrLabFailed", clash.FullyQualifiedErrorId);
            Assert.Contains($"port {port}", clash.Exception.Message);
            Assert.Equal("primary", clash.TargetObject);
        }

        [Fact]
        public void Lab_clusters_of_the_session_are_stopped_and_started_by_address()
        {
            using var s = new DrLabSession(start: false);
            s.Run("$lab = Start-KafkaLabCluster -Name p; Connect-DrEnvironment -PrimaryBootstrapServers $lab.BootstrapServers -DrBootstrapServers 127.0.0.1:2").ThrowOnError();
            s.Run("Stop-KafkaCluster -Cluster Primary").ThrowOnError();
            Assert.False((bool)s.Run("(Get-KafkaLabCluster -Name p).IsUp").Output.Single().BaseObject);
            s.Run("Start-KafkaCluster -Cluster Primary -TimeoutSec 10").ThrowOnError();
            Assert.True((bool)s.Run("(Get-KafkaLabCluster -Name p).IsUp").Output.Single().BaseObject);
        }

        [Fact]
        public void Start_KafkaCluster_waits_for_an_answer_fails_with_its_own_id_and_stops_promptly_on_ctrl_c()
        {
            using var s = new DrLabSession();

            // A primary that takes an hour to answer anything: started, but never serving.
            s.Run("Set-KafkaCluster -Cluster Primary -Latency 1h; Stop-KafkaCluster -Cluster Primary").ThrowOnError();
            var clock = Stopwatch.StartNew();
            var timedOut = s.Run("Start-KafkaCluster -Cluster Primary -TimeoutSec 2").FirstError!;
            Assert.Equal("ClusterStartTimedOut,Mm2Dr.Commands.StartKafkaClusterCommand", timedOut.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, timedOut.CategoryInfo.Category);
            Assert.Contains("was started by the lab site but did not answer", timedOut.Exception.Message);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

            s.Run("Stop-KafkaCluster -Cluster Primary").ThrowOnError();
            using var running = s.Shell.Start("Start-KafkaCluster -Cluster Primary -TimeoutSec 600");
            Assert.True(running.WaitUntil(() => PortOpen(s.Lab!.PrimaryBootstrapServers), TimeSpan.FromSeconds(20)), "the site did not start the cluster");
            clock.Restart();
            running.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
            Assert.True(running.IsCompleted);
            s.Run("Set-KafkaCluster -Cluster Primary -Latency 0").ThrowOnError();
        }

        [Fact]
        public void The_new_cmdlets_bind_as_documented()
        {
            using var ps = new PowerShellSession();
            string Mandatory(string command) => string.Join(",", ps.Run($"(Get-Command {command}).Parameters.Values | Where-Object {{ $_.Attributes.Mandatory -contains $true }} | ForEach-Object Name | Sort-Object").Output.Select(o => o.ToString()));
            Assert.Equal("Cluster", Mandatory("Stop-KafkaCluster"));
            Assert.Equal("Cluster", Mandatory("Start-KafkaCluster"));
            Assert.Equal("Cluster,Latency", Mandatory("Set-KafkaCluster"));
            Assert.Equal("", Mandatory("Start-DrLab"));
            Assert.Equal("", Mandatory("Get-KafkaClusterStatus"));
            foreach (var command in new[] { "Stop-DrLab", "Stop-KafkaCluster", "Start-KafkaCluster", "Set-KafkaCluster", "Suspend-DrMirror", "Resume-DrMirror" })
            {
                Assert.True((bool)ps.Run($"(Get-Command {command}).Parameters.ContainsKey('WhatIf')").Output.Single().BaseObject, command + " supports -WhatIf");
            }

            Assert.Equal("Medium", ps.Run("[Mm2Dr.Commands.StopKafkaClusterCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").Output.Single().ToString());
            Assert.Equal("Medium", ps.Run("[Mm2Dr.Commands.StopDrLabCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").Output.Single().ToString());
            Assert.Equal(new[] { "Primary", "DR" }, ps.Run("(TabExpansion2 'Stop-KafkaCluster -Cluster ' 27).CompletionMatches.CompletionText | Select-Object -First 2").Output.Select(o => o.ToString()));
        }

        private static bool PortOpen(string bootstrap)
        {
            var parts = bootstrap.Split(':');
            using var client = new TcpClient();
            try
            {
                client.Connect(parts[0], int.Parse(parts[1]));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}

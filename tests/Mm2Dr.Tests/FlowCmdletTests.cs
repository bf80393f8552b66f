using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Tests
{
    /// <summary>
    /// The MM2 cmdlets end to end in a runspace against the two clusters of FlowScenario (see there for the hand-worked
    /// figures). Ages depend on the wall clock here, so they are checked as ranges; the core tests check them exactly.
    /// </summary>
    public class FlowCmdletTests : IClassFixture<FlowSession>
    {
        private const string AllGroups = "g-ahead, g-behind, g-drahead, g-idle, g-insync, g-nocp, g-stale";
        private readonly FlowSession _s;

        public FlowCmdletTests(FlowSession session) => _s = session;

        private PowerShellSession.Result Run(string script) => _s.Shell.Run(script);

        [Fact]
        public void Get_OffsetSync_gives_every_figure_per_group_partition()
        {
            var result = Run($"Get-OffsetSync -Group {AllGroups} -Topic orders, payments");

            Assert.Empty(result.Errors);
            var rows = result.Output.Select(o => (OffsetSyncRow)o.BaseObject).ToList();
            Assert.Equal(new[]
            {
                "g-ahead orders-0 Ahead 120 98 -",
                "g-behind orders-0 Behind 210 98 109",
                "g-drahead orders-1 Ahead 100 100 -",
                "g-idle payments-0 InSync 40 0 -",
                "g-insync orders-0 InSync 150 98 49",
                "g-insync orders-1 InSync 100 100 0",
                "g-nocp orders-0 NoCheckpoint 50 - -",
                "g-stale orders-1 Behind 110 100 10",
            }, rows.Select(r => $"{r.Group} {r.SourceTopic}-{r.Partition} {r.Status} {r.PrimaryCommittedOffset} {r.FailoverOffset?.ToString() ?? "-"} {r.RereadAfterFailoverMessages?.ToString() ?? "-"}"));
            Assert.Equal(98, rows.Single(r => r.Group == "g-insync" && r.Partition == 0).DrCommittedOffset);
            var age = rows[1].CheckpointAge!.Value;
            Assert.InRange(age.TotalSeconds, 30, 300);
            Assert.All(rows, r => Assert.Equal("dr", r.Cluster));
            Assert.Equal(2, result.Warnings.Count);
            Assert.StartsWith("Skipped 2 corrupt record(s) of 10 in 'primary.checkpoints.internal' on cluster 'dr'", result.Warnings[0]);
        }

        [Fact]
        public void Groups_piped_in_are_inspected_together_and_an_empty_pipeline_inspects_nothing()
        {
            var piped = Run("'g-insync', [pscustomobject]@{ Group = 'g-stale' } | Get-OffsetSync -Topic orders").ThrowOnError();
            Assert.Equal(new[] { "g-insync 0", "g-insync 1", "g-stale 1" }, piped.Output.Select(o => (OffsetSyncRow)o.BaseObject).Select(r => $"{r.Group} {r.Partition}"));

            // "No group came down the pipe" must not become "every group": that would list groups (and abort the mock cluster).
            var empty = Run("@() | Get-OffsetSync -Verbose").ThrowOnError();
            Assert.Empty(empty.Output);
            Assert.Contains("No group came down the pipeline", empty.AllText);
        }

        [Fact]
        public void A_named_group_that_exists_nowhere_is_GroupNotFound_and_the_rest_still_comes()
        {
            var result = Run("Get-OffsetSync -Group g-insync, nobody -Topic orders");
            Assert.Equal(new[] { "g-insync 0", "g-insync 1" }, result.Output.Select(o => (OffsetSyncRow)o.BaseObject).Select(r => $"{r.Group} {r.Partition}"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("GroupNotFound,Mm2Dr.Commands.GetOffsetSyncCommand", error.FullyQualifiedErrorId);
            Assert.Equal("nobody", error.TargetObject);
        }

        [Fact]
        public void Get_ReplicationLag_gives_both_log_ends_and_the_lag()
        {
            var result = Run("Get-ReplicationLag").ThrowOnError();

            var samples = result.Output.Select(o => (ReplicationLagSample)o.BaseObject).ToList();
            Assert.Equal(new[] { "invoices-0 10 - -", "orders-0 300 290 6", "orders-1 120 120 0", "payments-0 50 0 50", "shipments-0 0 0 0", "shipments-1 0 0 0", "shipments-2 0 - -" },
                samples.Select(s => $"{s.Topic}-{s.Partition} {s.PrimaryEndOffset} {s.DrEndOffset?.ToString() ?? "-"} {s.LagMessages?.ToString() ?? "-"}"));
            Assert.All(samples, s => Assert.InRange(s.HeartbeatAge!.Value.TotalSeconds, 5, 300));
            Assert.Single(samples.Select(s => s.MeasuredAt).Distinct());
        }

        [Fact]
        public void Get_Mm2Status_lists_the_findings_and_Quiet_answers_false()
        {
            var checks = Run("Get-Mm2Status").ThrowOnError().Output.Select(o => (Mm2StatusCheck)o.BaseObject).ToList();
            Assert.Equal(new[]
            {
                "Cluster Ok", "Cluster Ok", "CheckpointsTopic Ok", "OffsetSyncsTopic Ok", "HeartbeatsTopic Ok", "Heartbeat Ok", "ReplicatedHeartbeat Ok",
                "CorruptRecords Warning", "CheckpointFreshness Warning", "CheckpointFreshness Ok", "RemoteTopic Failed", "RemoteTopic Failed", "RemoteTopic Ok", "Overall Failed",
            }, checks.Select(c => $"{c.Check} {c.Status}"));
            Assert.Equal("g-stale", checks[8].Target);

            var quiet = Run("Get-Mm2Status -Quiet").ThrowOnError();
            Assert.False((bool)Assert.Single(quiet.Output).BaseObject);

            // A 1-second threshold makes g-behind's 30-second-old checkpoint stale (it moved on since); g-insync has not moved.
            var strict = Run("Get-Mm2Status -CheckpointMaxAge 1 -Group g-behind, g-insync").ThrowOnError().Output.Select(o => (Mm2StatusCheck)o.BaseObject)
                .Where(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck).Select(c => $"{c.Target} {c.Status}");
            Assert.Equal(new[] { "g-behind Warning", "1 group(s) Ok" }, strict);
        }

        [Fact]
        public void Read_Mm2InternalTopic_finds_each_topic_and_reports_corrupt_records()
        {
            var checkpoints = Run("Read-Mm2InternalTopic Checkpoints");
            Assert.Equal(8, checkpoints.Output.Count);
            Assert.All(checkpoints.Output, o => Assert.IsType<CheckpointEntry>(o.BaseObject));
            Assert.Contains("Skipped 2 corrupt record(s) of 10 in 'primary.checkpoints.internal' on cluster 'dr'", Assert.Single(checkpoints.Warnings));
            Assert.Contains("partition 0 offset 3", checkpoints.Warnings[0]);

            var syncs = Run("Read-Mm2InternalTopic -Kind OffsetSyncs").Output.Select(o => (OffsetSyncEntry)o.BaseObject).ToList();
            Assert.Equal(5, syncs.Count);
            Assert.All(syncs, e => Assert.Equal(("primary", "mm2-offset-syncs.dr.internal"), (e.Cluster, e.InternalTopic)));

            var replicated = Run("Read-Mm2InternalTopic Heartbeats -Topic primary.heartbeats").ThrowOnError().Output.Select(o => (HeartbeatEntry)o.BaseObject).ToList();
            Assert.Equal(("dr", "primary"), (Assert.Single(replicated).SourceClusterAlias, replicated[0].TargetClusterAlias));

            var first = Run("Read-Mm2InternalTopic Checkpoints -MaxMessages 2").Output;
            Assert.Equal(new long[] { 0, 1 }, first.Select(o => ((CheckpointEntry)o.BaseObject).RecordOffset));

        }

        [Fact]
        public void The_default_views_show_the_columns_an_operator_scans()
        {
            var table = string.Join("\n", Run("Get-OffsetSync -Group g-insync -Topic orders | Out-String -Width 160").ThrowOnError().Output);
            Assert.Contains("Failover", table);
            Assert.Contains("Reread", table);
            Assert.Contains("InSync", table);

            var status = string.Join("\n", Run("Get-Mm2Status | Out-String -Width 200").ThrowOnError().Output);
            Assert.Contains("Overall", status);
            Assert.Contains("primary.invoices", status);
        }

        [Fact]
        public void Completion_offers_the_groups_and_topics_an_inspection_has_seen()
        {
            Run("Get-OffsetSync -Group g-insync, g-idle -Topic orders, payments | Out-Null").ThrowOnError();

            string[] Complete(string line) => Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToArray();
            Assert.Contains("g-insync", Complete("Get-OffsetSync -Group g-in"));
            Assert.Contains("payments", Complete("Get-ReplicationLag -Topic pay"));
        }

        [Fact]
        public void Watch_repeats_with_fresh_timestamps_and_stops_promptly_on_ctrl_c()
        {
            var (ps, output, _) = _s.Shell.StartPipeline("Get-ReplicationLag -Topic orders -Watch -Interval 250ms");
            using (ps)
            {
                Assert.True(WaitFor(output, 6, TimeSpan.FromSeconds(60)), $"only {output.Count} samples arrived");
                var clock = Stopwatch.StartNew();
                ps.Stop();
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
                Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            }

            var samples = output.Select(o => (ReplicationLagSample)o.BaseObject).ToList();
            var rounds = samples.GroupBy(s => s.MeasuredAt).ToList();
            Assert.True(rounds.Count >= 3, $"{rounds.Count} rounds");
            Assert.All(rounds, r => Assert.Equal(new[] { 0, 1 }, r.Select(s => s.Partition)));
            Assert.Equal(rounds.Select(r => r.Key).OrderBy(t => t), rounds.Select(r => r.Key));
        }

        [Fact]
        public void Watch_stops_at_once_while_waiting_for_the_next_round()
        {
            var (ps, output, _) = _s.Shell.StartPipeline("Get-ReplicationLag -Topic orders -Watch -Interval 10m");
            using (ps)
            {
                Assert.True(WaitFor(output, 2, TimeSpan.FromSeconds(60)), "the first round did not arrive");
                var clock = Stopwatch.StartNew();
                ps.Stop();
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {clock.Elapsed}");
            }

            Assert.Equal(2, output.Count);
        }

        private static bool WaitFor(PSDataCollection<PSObject> output, int count, TimeSpan timeout)
        {
            using var arrived = new ManualResetEventSlim(false);
            output.DataAdded += (_, _) =>
            {
                if (output.Count >= count)
                {
                    arrived.Set();
                }
            };
            return output.Count >= count || arrived.Wait(timeout);
        }
    }
}

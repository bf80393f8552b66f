using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Mm2Dr.TestSupport;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>
    /// The inspections over the wire against two separate clusters built by <see cref="FlowScenario"/> (real MM2-format
    /// records, real group commits), with the clock at the scenario's reference time so that ages are exact. Every number
    /// below is worked out by hand in the comments from MM2's rules and the scenario's contents.
    /// </summary>
    public class FlowInspectionIntegrationTests : IClassFixture<FlowScenario>
    {
        private static readonly string[] AllGroups = { "g-ahead", "g-behind", "g-drahead", "g-idle", "g-insync", "g-nocp", "g-stale" };
        private readonly FlowScenario _scenario;

        public FlowInspectionIntegrationTests(FlowScenario scenario) => _scenario = scenario;

        private InspectionContext Open() => InspectionContext.Open(_scenario.Environment, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), CancellationToken.None, new ManualClock(_scenario.Now));

        private static string Row(OffsetSyncRow r)
            => $"{r.Group} {r.TargetTopic}-{r.Partition}: {r.Status} primary={r.PrimaryCommittedOffset?.ToString() ?? "-"} checkpoint={r.CheckpointUpstreamOffset?.ToString() ?? "-"}->{r.CheckpointDownstreamOffset?.ToString() ?? "-"} "
               + $"dr={r.DrCommittedOffset?.ToString() ?? "-"} failover={r.FailoverOffset?.ToString() ?? "-"} sparse={r.SparseRereadMessages?.ToString() ?? "-"} reread={r.RereadAfterFailoverMessages?.ToString() ?? "-"} age={r.CheckpointAge?.TotalSeconds.ToString() ?? "-"}";

        [Fact]
        public void OffsetSync_reports_exactly_what_MM2s_rules_give()
        {
            using var context = Open();

            var report = OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = AllGroups, Topics = new[] { "orders", "payments" } });

            Assert.Equal(new[]
            {
                // Reset back to 120 on the primary below the checkpoint at 150: a failover to 98 would be right for 150, not 120.
                "g-ahead primary.orders-0: Ahead primary=120 checkpoint=150->98 dr=- failover=98 sparse=49 reread=- age=30",
                // 98 = 97 + 1 through 100->97 (upstream 101 at best): 101..149 again (49), plus 210 - 150 = 60 since the checkpoint.
                "g-behind primary.orders-0: Behind primary=210 checkpoint=150->98 dr=- failover=98 sparse=49 reread=109 age=30",
                // DR group at 110, but primary 100 sits exactly on 100->100: DR can be at most 100.
                "g-drahead primary.orders-1: Ahead primary=100 checkpoint=100->100 dr=110 failover=100 sparse=0 reread=- age=30",
                // No offset sync for payments at all: the re-read of its translation cannot be told.
                "g-idle primary.payments-0: InSync primary=40 checkpoint=40->0 dr=- failover=0 sparse=- reread=- age=600",
                // The checkpoint at offset 0 (100->97) was superseded by the one at offset 1.
                "g-insync primary.orders-0: InSync primary=150 checkpoint=150->98 dr=98 failover=98 sparse=49 reread=49 age=30",
                "g-insync primary.orders-1: InSync primary=100 checkpoint=100->100 dr=- failover=100 sparse=0 reread=0 age=30",
                "g-nocp primary.orders-0: NoCheckpoint primary=50 checkpoint=-->- dr=- failover=- sparse=- reread=- age=-",
                // Committed 10 past the 10-minute-old checkpoint.
                "g-stale primary.orders-1: Behind primary=110 checkpoint=100->100 dr=- failover=100 sparse=0 reread=10 age=600",
            }, report.Rows.Select(Row));

            var behind = report.Rows[1];
            Assert.Equal(197, behind.CurrentTranslation!.DownstreamOffset);   // MM2's next checkpoint: 196 + 1 through 200->196
            Assert.Equal(60, behind.CheckpointLagMessages);
            Assert.All(report.Rows.Where(r => r.FailoverOffset.HasValue), r => Assert.Equal(DrOffsetRangeCheck.WithinRange, r.FailoverOffsetRange));
            Assert.Equal(new LogBounds(0, 290), report.Rows[4].DrPartitionBounds);
            Assert.All(report.Rows, r => Assert.Equal(("dr", "primary"), (r.Cluster, r.PrimaryCluster)));

            Assert.Equal(2, report.Warnings.Count);
            Assert.StartsWith("Skipped 2 corrupt record(s) of 10 in 'primary.checkpoints.internal' on cluster 'dr'", report.Warnings[0]);
            Assert.Contains("partition 0 offset 3", report.Warnings[0]);
            Assert.Contains("partition 0 offset 7", report.Warnings[0]);
            Assert.StartsWith("Skipped 1 corrupt record(s) of 6 in 'mm2-offset-syncs.dr.internal' on cluster 'primary'", report.Warnings[1]);
            Assert.Empty(report.Errors);
        }

        [Fact]
        public void Without_groups_every_group_of_the_primary_is_listed_and_checked()
        {
            using var context = Open();

            // The lab broker lists groups, so no -Group means every group, found through the primary's group listing.
            var report = OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Topics = new[] { "orders", "payments" } });

            Assert.Equal(AllGroups.Where(g => report.Rows.Any(r => r.Group == g)), report.Rows.Select(r => r.Group).Distinct());
            Assert.Contains(report.Rows, r => r.Group == "g-nocp" && r.Status == OffsetSyncStatus.NoCheckpoint);
            Assert.Equal(8, report.Rows.Count);
        }

        [Fact]
        public void Without_topics_a_group_with_no_checkpoint_at_all_is_still_reported_from_its_primary_commits()
        {
            using var context = Open();

            // No -Topic: the group's partitions come from its own commits on the primary ("all offsets of the group").
            var report = OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g-nocp" } });

            Assert.Equal(new[] { "orders-0 NoCheckpoint 50" }, report.Rows.Select(r => $"{r.SourceTopic}-{r.Partition} {r.Status} {r.PrimaryCommittedOffset}"));
        }

        [Fact]
        public void Without_topics_the_checkpointed_partitions_are_asked_for_by_name()
        {
            using var context = Open();

            // The partitions named in the group's checkpoints are asked for by name, as well as all of the group's commits.
            var report = OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g-insync" } });

            Assert.Equal(new[] { "orders-0 InSync 150", "orders-1 InSync 100" }, report.Rows.Select(r => $"{r.SourceTopic}-{r.Partition} {r.Status} {r.PrimaryCommittedOffset}"));
        }

        [Fact]
        public void ReplicationLag_reports_both_log_ends_the_lag_and_the_heartbeat_delay()
        {
            using var context = Open();

            var report = ReplicationLagInspector.Measure(context, null);

            Assert.Equal(new[]
            {
                "invoices-0 10 - lag=-",     // not on DR at all
                "orders-0 300 290 lag=6",    // newest sync 200->196: DR end 290 covers primary up to 200 + 94 = 294
                "orders-1 120 120 lag=0",    // newest sync 100->100: 100 + 20 = 120
                "payments-0 50 0 lag=50",    // no sync and nothing on DR: every retained record is outstanding
                "shipments-0 0 0 lag=0",
                "shipments-1 0 0 lag=0",
                "shipments-2 0 - lag=-",     // DR has only two partitions
            }, report.Samples.Select(s => $"{s.Topic}-{s.Partition} {s.PrimaryEndOffset} {s.DrEndOffset?.ToString() ?? "-"} lag={s.LagMessages?.ToString() ?? "-"}"));
            // dr->primary heartbeat emitted at Now-5s, appended on DR at Now-4s (CreateTime: not a measurement).
            Assert.All(report.Samples, s => Assert.Equal(TimeSpan.FromSeconds(5), s.HeartbeatAge));
            Assert.All(report.Samples, s => Assert.Equal(TimeSpan.FromSeconds(1), s.HeartbeatLatency));
            Assert.All(report.Samples, s => Assert.False(s.LatencyIsMeasured));
            Assert.All(report.Samples, s => Assert.Equal(_scenario.Now, s.MeasuredAt));
            Assert.StartsWith("Skipped 1 corrupt record(s) of 6 in 'mm2-offset-syncs.dr.internal'", Assert.Single(report.Warnings));
        }

        [Fact]
        public void Status_finds_every_problem_of_the_scenario_and_nothing_else()
        {
            using var context = Open();

            var report = Mm2StatusInspector.Check(context);

            Assert.Equal(new[]
            {
                "primary Cluster primary Ok",
                "dr Cluster dr Ok",
                "dr CheckpointsTopic primary.checkpoints.internal Ok",
                "primary OffsetSyncsTopic mm2-offset-syncs.dr.internal Ok",
                "dr HeartbeatsTopic heartbeats Ok",
                "dr Heartbeat primary->dr Ok",
                "dr ReplicatedHeartbeat primary.heartbeats Ok",
                "dr CorruptRecords primary.checkpoints.internal Warning",
                "dr CheckpointFreshness g-stale Warning",
                "dr CheckpointFreshness 5 group(s) Ok",
                "dr RemoteTopic primary.invoices Failed",
                "dr RemoteTopic primary.shipments Failed",
                "dr RemoteTopic 2 topic(s) Ok",
                "dr Overall primary->dr Failed",
            }, report.All.Select(c => $"{c.Cluster} {c.Check} {c.Target} {c.Status}"));

            string Detail(string check, string target) => report.All.Single(c => c.Check == check && c.Target == target).Detail;
            Assert.StartsWith("Newest heartbeat (primary->dr) emitted 2 s ago", Detail(Mm2StatusCheck.HeartbeatCheck, "primary->dr"));
            Assert.StartsWith("Newest heartbeat (dr->primary) emitted 5 s ago", Detail(Mm2StatusCheck.ReplicatedHeartbeatCheck, "primary.heartbeats"));
            Assert.StartsWith("Newest checkpoint 10 min 0 s old (threshold 3 min 30 s), yet the group has moved 10 offsets on 1 partition(s) on 'primary'", Detail(Mm2StatusCheck.CheckpointFreshnessCheck, "g-stale"));
            Assert.Equal("4 with a checkpoint within 3 min 30 s, 1 idle since their last checkpoint.", Detail(Mm2StatusCheck.CheckpointFreshnessCheck, "5 group(s)"));
            Assert.StartsWith("Missing on 'dr': 'invoices' (1 partitions)", Detail(Mm2StatusCheck.RemoteTopicCheck, "primary.invoices"));
            Assert.StartsWith("Has 2 partitions where 'shipments' on 'primary' has 3", Detail(Mm2StatusCheck.RemoteTopicCheck, "primary.shipments"));
            Assert.Equal("Broken: 2 of 13 checks failed, 2 warning(s).", report.Overall.Detail);
            Assert.False(report.IsHealthy);
        }

        [Fact]
        public void The_internal_topics_decode_record_by_record_with_the_corrupt_ones_counted()
        {
            using var context = Open();
            var layout = context.Layout;
            var checkpoints = new List<Mm2InternalRecord>();
            var syncs = new List<Mm2InternalRecord>();
            var heartbeats = new List<Mm2InternalRecord>();

            var c = Mm2InternalTopicDump.Read(context.Dr, context.Mm2Topics, layout.CheckpointsTopic, Mm2TopicKind.Checkpoints, "hint", null, new InternalTopicReadOptions(), CancellationToken.None, checkpoints.Add);
            var s = Mm2InternalTopicDump.Read(context.Primary, context.Mm2Topics, layout.OffsetSyncsTopic, Mm2TopicKind.OffsetSyncs, "hint", null, new InternalTopicReadOptions(), CancellationToken.None, syncs.Add);
            var h = Mm2InternalTopicDump.Read(context.Dr, context.Mm2Topics, layout.HeartbeatsTopic, Mm2TopicKind.Heartbeats, "hint", null, new InternalTopicReadOptions(), CancellationToken.None, heartbeats.Add);

            Assert.Equal(new long[] { 0, 1, 2, 4, 5, 6, 8, 9 }, checkpoints.Select(e => e.RecordOffset));
            Assert.Equal((10L, 8L, 2L), (c.Decode.RecordsSeen, c.Decode.Decoded, c.Decode.CorruptSkipped));
            Assert.Equal(new long?[] { 3, 7 }, c.Decode.FirstErrors.Select(e => e.Offset));
            var first = Assert.IsType<CheckpointEntry>(checkpoints[0]);
            Assert.Equal(("g-insync", "primary.orders", 0, 100L, 97L), (first.Group, first.Topic, first.Partition, first.UpstreamOffset, first.DownstreamOffset));
            Assert.Equal(_scenario.Now.AddSeconds(-90), first.Timestamp);

            Assert.Equal(new[] { "orders-0 0->0", "orders-1 0->0", "orders-0 100->97", "orders-1 100->100", "orders-0 200->196" },
                syncs.Cast<OffsetSyncEntry>().Select(e => $"{e.Topic}-{e.Partition} {e.UpstreamOffset}->{e.DownstreamOffset}"));
            Assert.Equal(3, Assert.Single(s.Decode.FirstErrors).Offset);
            Assert.Equal("primary", syncs[0].Cluster);

            Assert.Equal(new[] { _scenario.Now.AddSeconds(-10), _scenario.Now.AddSeconds(-2) }, heartbeats.Cast<HeartbeatEntry>().Select(e => e.EmittedAt!.Value));
            Assert.True(h.Read.ReachedEnd);
        }
    }
}

using System;
using System.Linq;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class Mm2StatusInspectorTests
    {
        /// <summary>Everything as a healthy MM2 leaves it: default thresholds 33 s (heartbeats) and 210 s (checkpoints).</summary>
        private static InMemoryFlow Healthy()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 2, 100, 100).Topic("payments", 1, 10);
            flow.Dr.Topic("primary.orders", 2, 100, 100).Topic("primary.payments", 1, 10);
            flow.Syncs(new OffsetSync("orders", 0, 0, 0));
            flow.Heartbeat("heartbeats", "primary", "dr", 1);
            flow.Heartbeat("primary.heartbeats", "dr", "primary", 3);
            flow.Checkpoints(20, new Checkpoint("g1", "primary.orders", 0, 50, 50, ""), new Checkpoint("g2", "primary.payments", 0, 5, 5, ""));
            return flow;
        }

        private static string Line(Mm2StatusCheck c) => $"{c.Cluster} {c.Check} {c.Target} {c.Status}";

        [Fact]
        public void A_healthy_flow_is_all_Ok_on_a_few_lines()
        {
            var report = Mm2StatusInspector.Check(Healthy().Context());

            Assert.Equal(new[]
            {
                "primary Cluster primary Ok",
                "dr Cluster dr Ok",
                "dr CheckpointsTopic primary.checkpoints.internal Ok",
                "primary OffsetSyncsTopic mm2-offset-syncs.dr.internal Ok",
                "dr HeartbeatsTopic heartbeats Ok",
                "dr Heartbeat primary->dr Ok",
                "dr ReplicatedHeartbeat primary.heartbeats Ok",
                "dr CheckpointFreshness 2 group(s) Ok",
                "dr RemoteTopic 2 topic(s) Ok",
                "dr Overall primary->dr Ok",
            }, report.All.Select(Line));
            Assert.True(report.IsHealthy);
            Assert.Contains("emitted 1 s ago", report.Checks.Single(c => c.Check == Mm2StatusCheck.HeartbeatCheck).Detail);
            Assert.Contains("threshold 33 s", report.Checks.Single(c => c.Check == Mm2StatusCheck.HeartbeatCheck).Detail);
            Assert.Equal("2 with a checkpoint within 3 min 30 s.", report.Checks.Single(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck).Detail);
            Assert.Equal("Healthy: all 9 checks passed.", report.Overall.Detail);
        }

        [Fact]
        public void An_unreachable_primary_is_a_failed_finding_and_DR_is_still_checked()
        {
            var flow = Healthy();
            flow.Primary.Unreachable = true;

            var report = Mm2StatusInspector.Check(flow.Context());

            Assert.Equal(new[]
            {
                "primary Cluster primary Failed",
                "dr Cluster dr Ok",
                "dr CheckpointsTopic primary.checkpoints.internal Ok",
                "dr HeartbeatsTopic heartbeats Ok",
                "dr Heartbeat primary->dr Ok",
                "dr ReplicatedHeartbeat primary.heartbeats Ok",
                "dr CheckpointFreshness 2 group(s) Ok",
                "dr Overall primary->dr Failed",
            }, report.All.Select(Line));
            Assert.Contains("primary-host:9092", report.Checks[0].Detail);
            Assert.Contains("Checks that need this cluster were skipped", report.Checks[0].Detail);
            Assert.False(report.IsHealthy);
            Assert.Equal("Broken: 1 of 7 checks failed.", report.Overall.Detail);
        }

        [Fact]
        public void Stale_heartbeats_fail_and_stale_replicated_ones_warn()
        {
            var flow = Healthy();
            flow.Clock.Advance(TimeSpan.FromSeconds(40));
            var report = Mm2StatusInspector.Check(flow.Context(), new Mm2StatusOptions { CheckpointMaxAge = TimeSpan.FromHours(1) });

            var heartbeat = report.Checks.Single(c => c.Check == Mm2StatusCheck.HeartbeatCheck);
            Assert.Equal(CheckStatus.Failed, heartbeat.Status);
            Assert.Contains("emitted 41 s ago", heartbeat.Detail);
            Assert.Contains("herder has stopped", heartbeat.Detail);
            Assert.Equal(CheckStatus.Warning, report.Checks.Single(c => c.Check == Mm2StatusCheck.ReplicatedHeartbeatCheck).Status);

            var relaxed = Mm2StatusInspector.Check(flow.Context(), new Mm2StatusOptions { HeartbeatMaxAge = TimeSpan.FromMinutes(1), CheckpointMaxAge = TimeSpan.FromHours(1) });
            Assert.Equal(CheckStatus.Ok, relaxed.Status);
        }

        [Fact]
        public void A_heartbeat_of_other_aliases_only_is_named_in_the_failure()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 1);
            flow.Dr.Topic("primary.orders", 1, 1);
            flow.Syncs(new OffsetSync("orders", 0, 0, 0));
            flow.Checkpoints(1, new Checkpoint("g", "primary.orders", 0, 1, 1, ""));
            flow.Heartbeat("heartbeats", "us-east", "dr", 1);

            var report = Mm2StatusInspector.Check(flow.Context());

            var heartbeat = report.Checks.Single(c => c.Check == Mm2StatusCheck.HeartbeatCheck);
            Assert.Equal(CheckStatus.Failed, heartbeat.Status);
            Assert.Contains("heartbeats of us-east->dr only", heartbeat.Detail);
        }

        [Fact]
        public void An_old_checkpoint_warns_only_when_the_group_moved_since()
        {
            var flow = Healthy();
            flow.Checkpoints(600, new Checkpoint("idle", "primary.orders", 0, 40, 40, ""), new Checkpoint("moving", "primary.orders", 1, 40, 40, ""),
                new Checkpoint("gone", "primary.payments", 0, 3, 3, ""), new Checkpoint("rewound", "primary.payments", 0, 9, 9, ""));
            flow.Primary.Commit("idle", "orders", 0, 40).Commit("moving", "orders", 1, 75).Commit("rewound", "payments", 0, 2);
            flow.Primary.AnswersAllOffsets = false;   // the partitions come from the checkpoints, by name

            var report = Mm2StatusInspector.Check(flow.Context());

            var freshness = report.Checks.Where(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck).ToList();
            Assert.Equal(new[] { "moving Warning", "rewound Warning", "4 group(s) Ok" }, freshness.Select(c => $"{c.Target} {c.Status}"));
            Assert.StartsWith("Newest checkpoint 10 min 0 s old (threshold 3 min 30 s), yet the group has moved 35 offsets on 1 partition(s) on 'primary'", freshness[0].Detail);
            Assert.Contains("moved 7 offsets", freshness[1].Detail);
            Assert.Equal("2 with a checkpoint within 3 min 30 s, 1 idle since their last checkpoint, 1 without offsets on 'primary' (deleted or expired; MM2 never removes checkpoints).", freshness[2].Detail);
            Assert.Equal(CheckStatus.Warning, report.Status);
            Assert.True(report.IsHealthy);
            Assert.Equal(new[] { "idle", "moving", "gone", "rewound" }.OrderBy(g => g, StringComparer.Ordinal), flow.Primary.OffsetRequests.Select(r => r.Group).OrderBy(g => g, StringComparer.Ordinal));
        }

        [Fact]
        public void Missing_internal_topics_fail_unless_mm2_properties_turned_them_off()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 1);
            flow.Dr.Topic("primary.orders", 1, 1);
            var failing = Mm2StatusInspector.Check(flow.Context());
            Assert.Equal(new[] { "CheckpointsTopic Failed", "OffsetSyncsTopic Failed", "HeartbeatsTopic Failed" },
                failing.Checks.Where(c => c.Check.EndsWith("Topic") && c.Check != Mm2StatusCheck.RemoteTopicCheck).Select(c => $"{c.Check} {c.Status}"));
            Assert.Contains("Does not exist on cluster 'dr' (dr-host:9093). MM2 creates it when the checkpoint connector of flow primary->dr starts", failing.Checks.Single(c => c.Check == Mm2StatusCheck.CheckpointsTopicCheck).Detail);

            var disabled = new InMemoryFlow("clusters = primary, dr\nprimary.bootstrap.servers = a:1\ndr.bootstrap.servers = b:2\nprimary->dr.enabled = true\nemit.checkpoints.enabled = false\nemit.heartbeats.enabled = false\n");
            disabled.Primary.Topic("orders", 1, 1).Topic("mm2-offset-syncs.dr.internal", 1);
            disabled.Dr.Topic("primary.orders", 1, 1);
            var report = Mm2StatusInspector.Check(disabled.Context());
            Assert.Equal("Does not exist: emit.checkpoints.enabled=false in mm2.properties.", report.Checks.Single(c => c.Check == Mm2StatusCheck.CheckpointsTopicCheck).Detail);
            Assert.Equal(CheckStatus.Warning, report.Checks.Single(c => c.Check == Mm2StatusCheck.HeartbeatsTopicCheck).Status);
            Assert.Equal(CheckStatus.Warning, report.Status);
        }

        [Fact]
        public void Remote_topics_must_exist_with_at_least_the_primarys_partitions()
        {
            var flow = Healthy();
            flow.Primary.Topic("invoices", 1, 1).Topic("shipments", 3).Topic("returns", 1).Topic("dr.orders", 1);
            flow.Dr.Topic("primary.shipments", 2).Topic("primary.returns", 4);

            var report = Mm2StatusInspector.Check(flow.Context());

            Assert.Equal(new[] { "primary.invoices Failed", "primary.returns Warning", "primary.shipments Failed", "2 topic(s) Ok" },
                report.Checks.Where(c => c.Check == Mm2StatusCheck.RemoteTopicCheck).Select(c => $"{c.Target} {c.Status}"));
            Assert.Contains("records of partitions 2..2 are not on 'dr'", report.Checks.Single(c => c.Target == "primary.shipments").Detail);
            Assert.Equal("Broken: 2 of 12 checks failed, 1 warning(s).", report.Overall.Detail);
        }

        [Fact]
        public void An_empty_checkpoints_topic_warns_and_corrupt_records_are_a_finding()
        {
            var flow = Healthy();
            flow.Topics.Add(flow.Layout.Dr, "heartbeats", InMemoryFlow.Now, (new byte[] { 0, 9 }, new byte[] { 0 }));
            var empty = new InMemoryFlow();
            empty.Primary.Topic("orders", 1, 1);
            empty.Dr.Topic("primary.orders", 1, 1);
            empty.RawCheckpoints();

            var corrupt = Mm2StatusInspector.Check(flow.Context()).Checks.Single(c => c.Check == Mm2StatusCheck.CorruptRecordsCheck);
            var none = Mm2StatusInspector.Check(empty.Context()).Checks.Single(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck);

            Assert.Equal(("heartbeats", CheckStatus.Warning), (corrupt.Target, corrupt.Status));
            Assert.Contains("topic 'heartbeats' partition 0 offset 1", corrupt.Detail);
            Assert.Equal(CheckStatus.Warning, none.Status);
            Assert.StartsWith("No checkpoints yet", none.Detail);
        }

        [Fact]
        public void A_read_that_fails_is_a_failed_check_not_an_exception()
        {
            var flow = Healthy();
            flow.Topics.Fail("primary.checkpoints.internal", new Mm2ReadTimeoutException("dr", "primary.checkpoints.internal", ReadPhase.Reading, TimeSpan.FromSeconds(1), 3, 3, 9));

            var check = Mm2StatusInspector.Check(flow.Context()).Checks.Single(c => c.Check == Mm2StatusCheck.CheckpointFreshnessCheck);

            Assert.Equal(CheckStatus.Failed, check.Status);
            Assert.StartsWith("Could not be checked: Timed out after 1 s reading 'primary.checkpoints.internal'", check.Detail);
        }
    }
}

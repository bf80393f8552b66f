using System;
using System.Linq;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>
    /// The orchestration behind Get-OffsetSync, in memory. Offset syncs for orders-0: 0->0, 100->97, 200->196 (the
    /// analysis itself is covered by OffsetSyncAnalysisTests; here: which data is gathered, from where, and how).
    /// </summary>
    public class OffsetSyncInspectorTests
    {
        private static InMemoryFlow Flow()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 2, 300, 120).Topic("payments", 1, 50);
            flow.Dr.Topic("primary.orders", 2, 296, 120);
            flow.Syncs(new OffsetSync("orders", 0, 0, 0), new OffsetSync("orders", 0, 100, 97), new OffsetSync("orders", 0, 200, 196));
            flow.Checkpoints(30, new Checkpoint("g1", "primary.orders", 0, 150, 98, ""), new Checkpoint("g2", "primary.orders", 0, 210, 197, ""));
            flow.Primary.Commit("g1", "orders", 0, 150).Commit("g1", "orders", 1, 60).Commit("g2", "orders", 0, 250);
            flow.Dr.Commit("g1", "primary.orders", 0, 98);
            return flow;
        }

        [Fact]
        public void Named_groups_are_read_in_one_pass_and_never_listed()
        {
            var flow = Flow();
            flow.Primary.CanListGroups = false;

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1", "g2" } });

            Assert.Equal(1, flow.Topics.CheckpointReads);
            Assert.Equal(new[] { "g1: primary.orders-0", "g1: primary.orders-1", "g2: primary.orders-0" }, report.Rows.Select(r => $"{r.Group}: {r.TargetTopic}-{r.Partition}"));
            var g1 = report.Rows[0];
            Assert.Equal(("dr", "primary"), (g1.Cluster, g1.PrimaryCluster));
            Assert.Equal(OffsetSyncStatus.InSync, g1.Status);
            Assert.Equal(98, g1.FailoverOffset);
            Assert.Equal(98, g1.DrCommittedOffset);
            Assert.Equal(49, g1.RereadAfterFailoverMessages);
            Assert.Equal(TimeSpan.FromSeconds(30), g1.CheckpointAge);
            Assert.Equal(new LogBounds(0, 296), g1.DrPartitionBounds);
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, report.Rows[1].Status);
            Assert.Equal(60, report.Rows[1].PrimaryCommittedOffset);
            var g2 = report.Rows[2];
            Assert.Equal(OffsetSyncStatus.Behind, g2.Status);
            Assert.Equal(40, g2.CheckpointLagMessages);
            // 197 = 196 + 1 through 200->196: upstream 201 at best, so 201..209 come again, plus the 40 since.
            Assert.Equal(9, g2.SparseRereadMessages);
            Assert.Equal(49, g2.RereadAfterFailoverMessages);
            Assert.Empty(report.Warnings);
            Assert.Empty(report.Errors);
            Assert.Equal(new[] { "orders" }, report.Topics);
        }

        [Fact]
        public void A_broker_that_cannot_answer_all_offsets_is_asked_for_the_checkpointed_partitions_by_name()
        {
            var flow = Flow();
            flow.Primary.AnswersAllOffsets = false;

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } });

            Assert.Equal(new[] { "g1 (all partitions)", "g1 (1 partitions)" }, flow.Primary.OffsetRequests.Select(r => r.ToString()));
            Assert.Equal(new TopicPartitionRef("orders", 0), flow.Primary.OffsetRequests[1].Partitions!.Single());
            var row = Assert.Single(report.Rows);
            Assert.Equal(150, row.PrimaryCommittedOffset);
            Assert.Equal(OffsetSyncStatus.InSync, row.Status);
        }

        [Fact]
        public void Topic_asks_for_its_partitions_by_name_and_accepts_the_DR_name()
        {
            var flow = Flow();
            flow.Primary.AnswersAllOffsets = false;

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" }, Topics = new[] { "primary.orders" } });

            var request = Assert.Single(flow.Primary.OffsetRequests);
            Assert.Equal(new[] { new TopicPartitionRef("orders", 0), new TopicPartitionRef("orders", 1) }, request.Partitions!.OrderBy(p => p));
            Assert.Equal(new long?[] { 150, 60 }, report.Rows.Select(r => r.PrimaryCommittedOffset));
            // DR is only asked for partitions that exist there.
            Assert.All(flow.Dr.OffsetRequests.SelectMany(r => r.Partitions!), p => Assert.Equal("primary.orders", p.Topic));
        }

        [Fact]
        public void An_unknown_topic_is_a_per_item_error_and_an_unreplicated_one_a_warning()
        {
            var flow = Flow();
            flow.Primary.Topic("__consumer_offsets", 50);

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" }, Topics = new[] { "nope", "__consumer_offsets", "orders" } });

            var error = Assert.Single(report.Errors);
            Assert.Equal(ErrorIds.TopicNotFound, error.ErrorId);
            Assert.Equal("nope", error.Target);
            Assert.Contains("primary-host:9092", error.Message);
            Assert.Contains(report.Warnings, w => w.Contains("'__consumer_offsets' is not replicated by flow primary->dr"));
            Assert.Equal(2, report.Rows.Count);
        }

        [Fact]
        public void A_wildcard_lists_the_primarys_groups_and_keeps_matching_ones()
        {
            var flow = Flow();
            flow.Primary.ExtraGroups.Add("G-other");
            flow.Primary.ExtraGroups.Add("console-consumer-1");

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "G*" } });

            Assert.Equal(1, flow.Primary.GroupListings);
            Assert.Equal(new[] { "G-other", "g1", "g2" }, report.Groups);
            Assert.DoesNotContain(report.Rows, r => r.Group == "G-other");   // it has no offsets anywhere: no rows, and no error for a pattern
            Assert.Empty(report.Errors);
        }

        [Fact]
        public void Without_groups_the_listed_ones_pass_MM2s_group_filter()
        {
            var flow = Flow();
            flow.Primary.Commit("console-consumer-1", "orders", 0, 5).Commit("g3", "payments", 0, 7);

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery());

            Assert.Equal(new[] { "g1", "g2", "g3" }, report.Groups);
            var g3 = report.Rows.Single(r => r.Group == "g3");
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, g3.Status);
            Assert.Equal("primary.payments", g3.TargetTopic);
        }

        [Fact]
        public void A_named_group_with_nothing_anywhere_is_GroupNotFound_naming_both_clusters()
        {
            var report = OffsetSyncInspector.Inspect(Flow().Context(), new OffsetSyncQuery { Groups = new[] { "g1", "ghost" } });

            var error = Assert.Single(report.Errors);
            Assert.Equal(ErrorIds.GroupNotFound, error.ErrorId);
            Assert.Equal("ghost", error.Target);
            Assert.Contains("cluster 'primary' (primary-host:9092)", error.Message);
            Assert.Contains("'primary.checkpoints.internal' on cluster 'dr'", error.Message);
            Assert.All(report.Rows, r => Assert.Equal("g1", r.Group));
        }

        [Fact]
        public void An_empty_checkpoints_topic_is_a_valid_answer_with_a_warning()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 10).Commit("g1", "orders", 0, 10);
            flow.Dr.Topic("primary.orders", 1, 10);
            flow.Syncs(new OffsetSync("orders", 0, 0, 0));
            flow.RawCheckpoints();

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } });

            var row = Assert.Single(report.Rows);
            Assert.Equal(OffsetSyncStatus.NoCheckpoint, row.Status);
            var warning = Assert.Single(report.Warnings);
            Assert.Contains("No checkpoints exist yet in 'primary.checkpoints.internal' on cluster 'dr'", warning);
            Assert.Contains("every 1 min 0 s", warning);
        }

        [Fact]
        public void A_missing_checkpoints_topic_fails_before_any_other_work_naming_topic_and_cluster()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Unreachable = true;   // proves nothing on the primary was touched first

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } }));

            Assert.Equal(ErrorIds.CheckpointsTopicNotFound, e.ErrorId);
            Assert.Equal(ErrorKind.NotFound, e.Kind);
            Assert.Equal("primary.checkpoints.internal", e.Target);
            Assert.Contains("does not exist on cluster 'dr' (dr-host:9093)", e.Message);
            Assert.Contains("checkpoint connector of flow primary->dr", e.Message);
            Assert.Equal(0, flow.Topics.CheckpointReads);
        }

        [Fact]
        public void An_unreachable_DR_fails_with_its_own_error_before_reading()
        {
            var flow = Flow();
            flow.Dr.Unreachable = true;

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } }));

            Assert.Equal(ErrorIds.ClusterUnreachable, e.ErrorId);
            Assert.Contains("dr-host:9093", e.Message);
            Assert.Equal(0, flow.Topics.CheckpointReads);
        }

        [Fact]
        public void Corrupt_checkpoints_are_skipped_and_reported_with_their_offsets()
        {
            var flow = Flow();
            flow.RawCheckpoints((new byte[] { 0xff, 0xff }, new byte[] { 0 }), (new byte[] { 0x00 }, new byte[20]));

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } });

            var warning = Assert.Single(report.Warnings);
            Assert.StartsWith("Skipped 2 corrupt record(s) of 4 in 'primary.checkpoints.internal' on cluster 'dr'", warning);
            Assert.Contains("topic 'primary.checkpoints.internal' partition 0 offset 2", warning);
            Assert.Contains("topic 'primary.checkpoints.internal' partition 0 offset 3", warning);
            Assert.Equal(OffsetSyncStatus.InSync, report.Rows[0].Status);
        }

        [Fact]
        public void Without_offset_syncs_the_rows_come_with_a_warning_and_no_reread_estimate()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 300).Commit("g1", "orders", 0, 150);
            flow.Dr.Topic("primary.orders", 1, 296);
            flow.Checkpoints(30, new Checkpoint("g1", "primary.orders", 0, 150, 98, ""));

            var report = OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } });

            var row = Assert.Single(report.Rows);
            Assert.Equal(OffsetSyncStatus.InSync, row.Status);
            Assert.Null(row.RereadAfterFailoverMessages);
            Assert.Contains(report.Warnings, w => w.StartsWith("Offset syncs could not be read") && w.Contains("'mm2-offset-syncs.dr.internal' does not exist on cluster 'primary'"));
        }

        [Fact]
        public void A_checkpoint_read_that_runs_out_of_time_says_how_far_it_got()
        {
            var flow = Flow();
            flow.Topics.Fail("primary.checkpoints.internal", new Mm2ReadTimeoutException("dr", "primary.checkpoints.internal", ReadPhase.Reading, TimeSpan.FromSeconds(30), 1200, 1200, 5000));

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(flow.Context(), new OffsetSyncQuery { Groups = new[] { "g1" } }));

            Assert.Equal(ErrorIds.InternalTopicReadTimedOut, e.ErrorId);
            Assert.Equal(ErrorKind.Timeout, e.Kind);
            Assert.Equal("primary.checkpoints.internal", e.Target);
            Assert.Contains("reached offset 1200 of end offset 5000 after 1200 records", e.Message);
            Assert.Contains("dr-host:9093", e.Message);
        }
    }
}

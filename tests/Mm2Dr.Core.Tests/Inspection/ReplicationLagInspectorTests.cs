using System;
using System.Linq;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class ReplicationLagInspectorTests
    {
        private static InMemoryFlow Flow()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 2, 300, 120).Topic("payments", 1, 50).Topic("invoices", 1, 10).Topic("__consumer_offsets", 3);
            flow.Dr.Topic("primary.orders", 2, 290, 120).Topic("primary.payments", 1, 0);
            flow.Syncs(new OffsetSync("orders", 0, 200, 196), new OffsetSync("orders", 1, 100, 100));
            flow.Heartbeat("primary.heartbeats", "dr", "primary", 5);
            return flow;
        }

        [Fact]
        public void Every_replicated_partition_gets_both_log_ends_and_the_lag_through_the_newest_sync()
        {
            var report = ReplicationLagInspector.Measure(Flow().Context(), null);

            Assert.Equal(new[] { "invoices-0", "orders-0", "orders-1", "payments-0" }, report.Samples.Select(s => $"{s.Topic}-{s.Partition}"));
            Assert.Equal(new long[] { 10, 300, 120, 50 }, report.Samples.Select(s => s.PrimaryEndOffset));
            Assert.Equal(new long?[] { null, 290, 120, 0 }, report.Samples.Select(s => s.DrEndOffset));
            // orders-0: 200->196, DR end 290 covers primary up to 200 + 94 = 294 of 300. payments: nothing on DR yet.
            Assert.Equal(new long?[] { null, 6, 0, 50 }, report.Samples.Select(s => s.LagMessages));
            Assert.Contains("does not exist on DR", report.Samples[0].Explanation);
            Assert.All(report.Samples, s => Assert.Equal(TimeSpan.FromSeconds(5), s.HeartbeatAge));
            Assert.All(report.Samples, s => Assert.Equal(InMemoryFlow.Now, s.MeasuredAt));
            Assert.All(report.Samples, s => Assert.Equal(("dr", "primary"), (s.Cluster, s.PrimaryCluster)));
            Assert.Equal("primary.orders", report.Samples[1].DrTopic);
            Assert.Empty(report.Warnings);
            Assert.Equal(new[] { "invoices", "orders", "payments" }, report.Topics);
        }

        [Fact]
        public void Topic_narrows_the_measure_and_names_missing_topics()
        {
            var report = ReplicationLagInspector.Measure(Flow().Context(), new[] { "ord*", "ghost" });

            Assert.Equal(new[] { "orders-0", "orders-1" }, report.Samples.Select(s => $"{s.Topic}-{s.Partition}"));
            Assert.Equal(ErrorIds.TopicNotFound, Assert.Single(report.Errors).ErrorId);
        }

        [Fact]
        public void Without_replicated_heartbeats_the_delay_is_unknown_and_said_so()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 10);
            flow.Dr.Topic("primary.orders", 1, 10);
            flow.Syncs(new OffsetSync("orders", 0, 0, 0));

            var report = ReplicationLagInspector.Measure(flow.Context(), null);

            var sample = Assert.Single(report.Samples);
            Assert.Equal(0, sample.LagMessages);
            Assert.Null(sample.HeartbeatAge);
            Assert.Contains("'primary.heartbeats' does not exist on cluster 'dr'", Assert.Single(report.Warnings));
        }

        [Fact]
        public void A_missing_offset_syncs_topic_leaves_the_lag_unknown_with_a_warning()
        {
            var flow = new InMemoryFlow();
            flow.Primary.Topic("orders", 1, 10);
            flow.Dr.Topic("primary.orders", 1, 8);
            flow.Heartbeat("primary.heartbeats", "dr", "primary", 1);

            var report = ReplicationLagInspector.Measure(flow.Context(), null);

            Assert.Null(Assert.Single(report.Samples).LagMessages);
            Assert.Contains("mm2-offset-syncs.dr.internal", Assert.Single(report.Warnings));
        }

        [Fact]
        public void An_offset_syncs_read_that_runs_out_of_time_is_an_error_not_a_guess()
        {
            var flow = Flow();
            flow.Topics.Fail("mm2-offset-syncs.dr.internal", new Mm2ReadTimeoutException("primary", "mm2-offset-syncs.dr.internal", ReadPhase.Reading, TimeSpan.FromSeconds(30), 7, 7, 90));

            var e = Assert.Throws<Mm2DrException>(() => ReplicationLagInspector.Measure(flow.Context(), null));

            Assert.Equal(ErrorIds.InternalTopicReadTimedOut, e.ErrorId);
            Assert.Contains("reached offset 7 of end offset 90", e.Message);
        }
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Mm2Dr.Core.Topics;
using Mm2Dr.TestSupport;
using Xunit;
using static Mm2Dr.TestSupport.KafkaTestClient;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Inspection
{
    /// <summary>What the inspections do over the wire when the checkpoints topic is missing or empty, a read runs out of time, or DR is down.</summary>
    public class InspectionFailureIntegrationTests
    {
        private static DrEnvironment Environment(TestKafkaCluster primary, TestKafkaCluster dr)
            => DrEnvironmentBuilder.Build(new DrEnvironmentOptions { PrimaryBootstrapServers = primary.BootstrapServers, DrBootstrapServers = dr.BootstrapServers });

        [Fact]
        public void A_missing_checkpoints_topic_is_CheckpointsTopicNotFound_naming_topic_and_cluster()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            dr.CreateTopic("primary.orders", 1);
            using var context = InspectionContext.Open(Environment(primary, dr), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), CancellationToken.None);
            var clock = Stopwatch.StartNew();

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g" } }));

            Assert.Equal(ErrorIds.CheckpointsTopicNotFound, e.ErrorId);
            Assert.Equal("primary.checkpoints.internal", e.Target);
            Assert.Contains($"does not exist on cluster 'dr' ({dr.BootstrapServers})", e.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}: found by metadata, not by the read deadline");
        }

        [Fact]
        public void An_empty_checkpoints_topic_gives_NoCheckpoint_rows_and_a_warning()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            primary.CreateTopic("orders", 1);
            primary.CreateTopic("mm2-offset-syncs.dr.internal", 1);
            dr.CreateTopic("primary.orders", 1);
            dr.CreateTopic("primary.checkpoints.internal", 1);
            Fill(primary.BootstrapServers, "orders", 0, 20);
            Commit(primary.BootstrapServers, "g", ("orders", 0, 20));
            using var context = InspectionContext.Open(Environment(primary, dr), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), CancellationToken.None);

            var report = OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g" }, Topics = new[] { "orders" } });

            var row = Assert.Single(report.Rows);
            Assert.Equal((OffsetSyncStatus.NoCheckpoint, (long?)20, (long?)null), (row.Status, row.PrimaryCommittedOffset, row.FailoverOffset));
            Assert.StartsWith("No checkpoints exist yet in 'primary.checkpoints.internal' on cluster 'dr'", Assert.Single(report.Warnings));
        }

        [Fact]
        public void A_read_deadline_that_runs_out_is_an_error_saying_how_far_it_got()
        {
            using var primary = TestKafkaCluster.Start();
            using var dr = TestKafkaCluster.Start();
            dr.CreateTopic("primary.checkpoints.internal", 1);
            var checkpoints = Enumerable.Range(0, 12).Select(i => Bytes(new Checkpoint("g", "primary.t", i, i, i, "")));
            Write(dr.BootstrapServers, "primary.checkpoints.internal", checkpoints.Select(b => (b.Item1, b.Item2, (DateTimeOffset?)null)));

            // The clock jumps past the deadline once the read knows its end offset: deterministic, no sleeping.
            var clock = new ManualClock(DateTimeOffset.UnixEpoch);
            using var context = InspectionContext.Open(Environment(primary, dr), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), CancellationToken.None, clock);

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g" } }, p =>
            {
                if (p.Activity.Contains("checkpoints") && p.Fraction == 0)
                {
                    clock.Advance(TimeSpan.FromSeconds(6));
                }
            }));

            Assert.Equal(ErrorIds.InternalTopicReadTimedOut, e.ErrorId);
            Assert.Equal(ErrorKind.Timeout, e.Kind);
            Assert.Equal("primary.checkpoints.internal", e.Target);
            Assert.Contains("Timed out after 5 s reading 'primary.checkpoints.internal' partition 0 on cluster 'dr': reached offset 0 of end offset 12 after 0 records", e.Message);
            Assert.Contains(dr.BootstrapServers, e.Message);
        }

        [Fact]
        public void An_unreachable_DR_fails_within_the_request_timeout_naming_its_bootstrap()
        {
            using var primary = TestKafkaCluster.Start();
            var environment = DrEnvironmentBuilder.Build(new DrEnvironmentOptions { PrimaryBootstrapServers = primary.BootstrapServers, DrBootstrapServers = "127.0.0.1:1" });
            using var context = InspectionContext.Open(environment, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), CancellationToken.None);
            var clock = Stopwatch.StartNew();

            var e = Assert.Throws<Mm2DrException>(() => OffsetSyncInspector.Inspect(context, new OffsetSyncQuery { Groups = new[] { "g" } }));

            Assert.Equal(ErrorIds.ClusterUnreachable, e.ErrorId);
            Assert.Contains("127.0.0.1:1", e.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }

        [Fact]
        public void Many_groups_offsets_come_back_right_with_several_requests_in_flight()
        {
            using var cluster = TestKafkaCluster.Start();
            cluster.CreateTopic("orders", 3);
            var groups = Enumerable.Range(0, 20).Select(i => $"group-{i:D2}").ToArray();
            for (var i = 0; i < groups.Length; i++)
            {
                Commit(cluster.BootstrapServers, groups[i], ("orders", i % 3, 1000 + i));
            }

            var connection = new ClusterConnection("primary", cluster.BootstrapServers, ClusterRole.Primary);
            using var admin = new KafkaAdmin(connection, TimeSpan.FromSeconds(10), CancellationToken.None);
            var catalog = new ConsumerGroupCatalog(admin, new TopicCatalog(admin, ReplicationPolicy.Default()));
            var partitions = Enumerable.Range(0, 3).Select(p => new TopicPartitionRef("orders", p)).ToArray();
            var progress = new System.Collections.Generic.List<int>();

            var offsets = catalog.CommittedOffsets(groups.Select(g => new GroupOffsetsRequest(g, partitions)).ToList(), parallelism: 4, progress.Add);

            Assert.Equal(groups, offsets.Keys.OrderBy(g => g, StringComparer.Ordinal));
            for (var i = 0; i < groups.Length; i++)
            {
                var only = Assert.Single(offsets[groups[i]]);
                Assert.Equal((new TopicPartitionRef("orders", i % 3), 1000L + i), (only.Key, only.Value));
            }

            Assert.Equal(Enumerable.Range(1, 20), progress);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Xunit;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>The checkpoint reader over the real Kafka protocol against librdkafka's mock cluster (as the DR cluster).</summary>
    public class CheckpointReaderIntegrationTests
    {
        private const string CheckpointsTopic = "primary.checkpoints.internal";
        private static readonly ReplicationPolicy Policy = ReplicationPolicy.Default();

        [Fact]
        public void Reads_all_groups_in_one_pass_skipping_and_counting_corrupt_records()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            Write(dr, CheckpointsTopic, new (byte[]?, byte[]?)[]
            {
                Bytes(new Checkpoint("orders", "primary.orders", 0, 100, 98, "")),
                Bytes(new Checkpoint("orders", "primary.orders", 1, 50, 50, "m")),
                (new byte[] { 0xff, 0xff, 0x00 }, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 42 }),  // offset 2: negative length, truncated
                Bytes(new Checkpoint("billing", "primary.invoices", 0, 7, 7, "")),
                (CheckpointCodec.EncodeKey(new Checkpoint("orders", "primary.orders", 0, 0, 0, "")), null),  // offset 4: tombstone
                (GoldenVectors.Bytes("deadbeef"), GoldenVectors.Bytes("0000" + "0000000000000001")),         // offset 5: garbage
                Bytes(new Checkpoint("orders", "primary.orders", 0, 120, 117, "")),
            });

            var reader = new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy);
            var callingThread = System.Environment.CurrentManagedThreadId;
            var progress = new List<ReadProgress>();
            var threads = new HashSet<int>();
            var options = new InternalTopicReadOptions
            {
                Timeout = TimeSpan.FromSeconds(30),
                ProgressEveryRecords = 2,
                Progress = p =>
                {
                    progress.Add(p);
                    threads.Add(System.Environment.CurrentManagedThreadId);
                },
            };

            var snapshot = reader.Read("primary", GroupSelector.All, options);

            Assert.Equal(new[] { "billing", "orders" }, snapshot.GroupIds);
            Assert.Equal(117, snapshot.Find("orders", "primary.orders", 0)!.Checkpoint.DownstreamOffset);
            Assert.Equal(6, snapshot.Find("orders", "primary.orders", 0)!.RecordOffset);
            Assert.Equal(new[] { 117L, 50L }, snapshot.TranslateOffsets("orders").Select(o => o.Offset));
            Assert.Equal(2, snapshot.Decode.CorruptSkipped);
            Assert.Equal(1, snapshot.Decode.NullKeyOrValueSkipped);
            Assert.Equal(new long?[] { 2, 5 }, snapshot.Decode.FirstErrors.Select(e => e.Offset));
            Assert.All(snapshot.Decode.FirstErrors, e => Assert.Equal(CheckpointsTopic, e.Topic));
            Assert.All(snapshot.Decode.FirstErrors, e => Assert.Equal(0, e.Partition));

            var read = snapshot.Read!;
            Assert.Equal(CheckpointsTopic, read.Topic);
            Assert.Equal("dr", read.ClusterAlias);
            Assert.Equal(0, read.LogStartOffset);
            Assert.Equal(7, read.EndOffset);
            Assert.Equal(7, read.RecordsRead);

            Assert.Equal(new[] { callingThread }, threads);
            Assert.Equal(0, progress.First().RecordsRead);
            Assert.Equal(7, progress.Last().RecordsRead);
            Assert.Equal(7, progress.Last().TotalRecords);
            Assert.Equal(1.0, progress.Last().Fraction);
            Assert.Contains(progress, p => p.RecordsRead == 4);
        }

        [Fact]
        public void Records_written_after_the_read_started_are_not_part_of_it()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            Write(dr, CheckpointsTopic, new[] { Bytes(new Checkpoint("g", "primary.t", 0, 10, 10, "")), Bytes(new Checkpoint("g", "primary.t", 1, 10, 10, "")) });

            // The first progress call comes after the end offset was captured and before consuming starts.
            var options = new InternalTopicReadOptions
            {
                Progress = p =>
                {
                    if (p.RecordsRead == 0)
                    {
                        Write(dr, CheckpointsTopic, new[] { Bytes(new Checkpoint("g", "primary.t", 0, 99, 99, "")), Bytes(new Checkpoint("late", "primary.t", 0, 1, 1, "")) });
                    }
                },
            };

            var snapshot = new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", null, options);

            Assert.Equal(2, snapshot.Read!.EndOffset);
            Assert.Equal(2, snapshot.Read.RecordsRead);
            Assert.Equal(10, snapshot.Find("g", "primary.t", 0)!.Checkpoint.DownstreamOffset);
            Assert.Equal(new[] { "g" }, snapshot.GroupIds);
        }

        [Fact]
        public void A_selected_group_only_keeps_its_own_checkpoints()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            Write(dr, CheckpointsTopic, new[]
            {
                Bytes(new Checkpoint("orders-eu", "primary.orders", 0, 10, 10, "")),
                Bytes(new Checkpoint("orders-us", "primary.orders", 0, 20, 20, "")),
                Bytes(new Checkpoint("billing", "primary.orders", 0, 30, 30, "")),
            });

            var snapshot = new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", GroupSelector.Wildcard("orders-*"));
            Assert.Equal(new[] { "orders-eu", "orders-us" }, snapshot.GroupIds);
            Assert.Equal(3, snapshot.Decode.Decoded);
        }

        [Fact]
        public void An_empty_checkpoints_topic_is_a_valid_empty_result()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            var progress = new List<ReadProgress>();

            var snapshot = new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy)
                .Read("primary", null, new InternalTopicReadOptions { Progress = progress.Add });

            Assert.Equal(0, snapshot.Count);
            Assert.Equal(0, snapshot.Read!.EndOffset);
            Assert.Equal(0, snapshot.Read.RecordsRead);
            Assert.Equal(1.0, Assert.Single(progress).Fraction);
        }

        [Fact]
        public void A_missing_checkpoints_topic_is_a_specific_error_found_through_metadata_not_the_deadline()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic("something-else", 1);
            var stopwatch = Stopwatch.StartNew();

            var e = Assert.Throws<Mm2TopicNotFoundException>(() =>
                new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", null, new InternalTopicReadOptions { Timeout = TimeSpan.FromSeconds(60) }));

            Assert.Equal("primary.checkpoints.internal", e.Topic);
            Assert.Equal("dr", e.ClusterAlias);
            Assert.Contains("does not exist on cluster 'dr'", e.Message);
            Assert.Contains("primary->dr", e.Message);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
        }

        [Fact]
        public void A_custom_separator_reads_the_topic_MM2_named_with_it()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic("primary__checkpoints__internal", 1);
            Write(dr, "primary__checkpoints__internal", new[] { Bytes(new Checkpoint("g", "primary__orders", 0, 5, 5, "")) });

            var snapshot = new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), ReplicationPolicy.Default("__")).Read("primary");
            Assert.Equal(5, snapshot.TranslateOffsets("g").Single().Offset);
        }

        [Fact]
        public void A_deadline_that_runs_out_is_an_error_saying_how_far_the_read_got()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            Write(dr, CheckpointsTopic, Enumerable.Range(0, 50).Select(i => Bytes(new Checkpoint("g", "primary.t", i, i, i, ""))));

            // The clock jumps past the deadline after the 10th record: deterministic, no sleeping.
            var clock = new ManualClock(DateTimeOffset.UnixEpoch);
            var options = new InternalTopicReadOptions
            {
                Timeout = TimeSpan.FromSeconds(5),
                Clock = clock,
                ProgressEveryRecords = 10,
                Progress = p =>
                {
                    if (p.RecordsRead == 10)
                    {
                        clock.Advance(TimeSpan.FromSeconds(6));
                    }
                },
            };

            var e = Assert.Throws<Mm2ReadTimeoutException>(() => new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", null, options));

            Assert.Equal(ReadPhase.Reading, e.Phase);
            Assert.Equal(10, e.RecordsRead);
            Assert.Equal(10, e.OffsetReached);
            Assert.Equal(50, e.EndOffset);
            Assert.Contains("reached offset 10 of end offset 50 after 10 records", e.Message);
            Assert.Contains(CheckpointsTopic, e.Message);
        }

        [Fact]
        public void An_unreachable_cluster_times_out_in_the_metadata_phase()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            dr.SetDown();

            var e = Assert.Throws<Mm2ReadTimeoutException>(() =>
                new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", null, new InternalTopicReadOptions { Timeout = TimeSpan.FromSeconds(1) }));

            Assert.Equal(ReadPhase.Metadata, e.Phase);
            Assert.Equal(0, e.RecordsRead);
            Assert.Null(e.EndOffset);
        }

        [Fact]
        public void Cancellation_stops_the_read()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic(CheckpointsTopic, 1);
            Write(dr, CheckpointsTopic, Enumerable.Range(0, 20).Select(i => Bytes(new Checkpoint("g", "primary.t", i, i, i, ""))));
            using var cancellation = new CancellationTokenSource();
            var options = new InternalTopicReadOptions { ProgressEveryRecords = 5, Progress = p => { if (p.RecordsRead == 5) { cancellation.Cancel(); } } };

            Assert.ThrowsAny<OperationCanceledException>(() =>
                new CheckpointReader(Connection(dr, "dr", ClusterRole.DR), Policy).Read("primary", null, options, cancellation.Token));
        }
    }
}

using System;
using System.Collections.Generic;
using Confluent.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class LagFiguresTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly CheckpointTopicNaming Naming = new CheckpointTopicNaming(ReplicationPolicy.Default(), "primary", "dr");

        private static OffsetSyncStore Store(params OffsetSync[] syncs)
        {
            var store = new OffsetSyncStore(initializationMustReadToEnd: false);
            foreach (var s in syncs)
            {
                store.Apply(s);
            }

            store.MarkReadToEnd();
            return store;
        }

        private static ReplicationLagRow Lag(LogBounds primary, LogBounds? dr, OffsetSyncStore store)
        {
            var drPartitions = new Dictionary<TopicPartition, LogBounds>();
            if (dr.HasValue)
            {
                drPartitions[new TopicPartition("primary.orders", 0)] = dr.Value;
            }

            return Assert.Single(LagFigures.ReplicationLag(new Dictionary<TopicPartition, LogBounds> { [new TopicPartition("orders", 0)] = primary }, drPartitions, store, Naming));
        }

        [Fact]
        public void Replication_lag_maps_the_DR_log_end_through_the_newest_sync()
        {
            // Sync 200->196; DR ends at 290, i.e. 94 records after the sync: primary up to 294 at least; primary ends at 300.
            var row = Lag(new LogBounds(0, 300), new LogBounds(0, 290), Store(new OffsetSync("orders", 0, 100, 97), new OffsetSync("orders", 0, 200, 196)));
            Assert.Equal("primary.orders", row.TargetTopic);
            Assert.Equal(200, row.LatestSync!.UpstreamOffset);
            Assert.Equal(294, row.ReplicatedUpToOffset);
            Assert.Equal(6, row.LagMessages);
        }

        [Fact]
        public void Replication_lag_is_never_negative()
        {
            // Upstream gaps after the sync make the 1:1 mapping overshoot the primary log end.
            var row = Lag(new LogBounds(0, 250), new LogBounds(0, 260), Store(new OffsetSync("orders", 0, 200, 196)));
            Assert.Equal(0, row.LagMessages);
        }

        [Fact]
        public void Nothing_replicated_yet_counts_every_retained_primary_record()
        {
            var row = Lag(new LogBounds(40, 300), new LogBounds(0, 0), Store());
            Assert.Equal(260, row.LagMessages);
        }

        [Fact]
        public void Unknown_lag_is_explained()
        {
            Assert.Null(Lag(new LogBounds(0, 300), null, Store()).LagMessages);
            Assert.Contains("does not exist on DR", Lag(new LogBounds(0, 300), null, Store()).Explanation);

            var noSync = Lag(new LogBounds(0, 300), new LogBounds(0, 10), Store());
            Assert.Null(noSync.LagMessages);
            Assert.Contains("No offset sync", noSync.Explanation);

            var truncated = Lag(new LogBounds(0, 300), new LogBounds(0, 100), Store(new OffsetSync("orders", 0, 200, 196)));
            Assert.Null(truncated.LagMessages);
            Assert.Contains("truncated or recreated", truncated.Explanation);
        }

        [Fact]
        public void Checkpoint_lag_per_group_partition()
        {
            var rows = LagFigures.CheckpointLag(
                new Dictionary<GroupTopicPartition, long>
                {
                    [new GroupTopicPartition("g", "orders", 0)] = 250,
                    [new GroupTopicPartition("g", "orders", 1)] = 7,
                },
                new Dictionary<GroupTopicPartition, CheckpointRecord>
                {
                    [new GroupTopicPartition("g", "primary.orders", 0)] = new CheckpointRecord(new Checkpoint("g", "primary.orders", 0, 200, 196, ""), 3, Now.AddMinutes(-2)),
                },
                Naming,
                Now);

            Assert.Equal(2, rows.Count);
            Assert.Equal(50, rows[0].LagMessages);
            Assert.Equal(200, rows[0].CheckpointUpstreamOffset);
            Assert.Equal(TimeSpan.FromMinutes(2), rows[0].CheckpointAge);
            Assert.Equal("primary.orders", rows[0].TargetTopic);
            Assert.Null(rows[1].LagMessages);
            Assert.Null(rows[1].CheckpointAge);
        }

        [Fact]
        public void Replication_latency_comes_from_the_newest_replicated_heartbeat()
        {
            var records = new[]
            {
                Beat(0, "dr", "primary", Now.AddSeconds(-5), Now.AddSeconds(-4)),
                Beat(1, "other", "primary", Now.AddSeconds(-3), Now.AddSeconds(-1)),
            };
            var snapshot = HeartbeatReader.FromRecords("primary.heartbeats", records, new ManualClock(Now));

            var latest = LagFigures.ReplicationLatency(snapshot)!;

            Assert.Equal("other", latest.SourceClusterAlias);
            Assert.Equal(TimeSpan.FromSeconds(2), latest.ReplicationLatency);
            Assert.Equal(TimeSpan.FromSeconds(3), latest.Age);
            Assert.Null(LagFigures.ReplicationLatency(HeartbeatReader.FromRecords("primary.heartbeats", Array.Empty<RawRecord>(), new ManualClock(Now))));
        }

        private static RawRecord Beat(long offset, string source, string target, DateTimeOffset emitted, DateTimeOffset appended)
        {
            var h = new Heartbeat(source, target, emitted.ToUnixTimeMilliseconds());
            return new RawRecord(HeartbeatCodec.EncodeKey(h), HeartbeatCodec.EncodeValue(h), new RecordLocation("primary.heartbeats", 0, offset), appended, TimestampType.LogAppendTime);
        }
    }
}

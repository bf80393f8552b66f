using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class Mm2InternalTopicDumpTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        private static RawRecord Record(string topic, long offset, (byte[]? Key, byte[]? Value) bytes)
            => new RawRecord(bytes.Key, bytes.Value, new RecordLocation(topic, 0, offset), At, Confluent.Kafka.TimestampType.CreateTime);

        [Fact]
        public void Checkpoints_decode_to_entries_with_their_place_in_the_topic()
        {
            var dump = new Mm2InternalTopicDump("dr", Mm2TopicKind.Checkpoints);
            var entry = Assert.IsType<CheckpointEntry>(dump.Add(Record("primary.checkpoints.internal", 7, Bytes(new Checkpoint("g", "primary.orders", 2, 150, 98, "meta")))));

            Assert.Equal(("dr", "primary.checkpoints.internal", 0, 7L), (entry.Cluster, entry.InternalTopic, entry.RecordPartition, entry.RecordOffset));
            Assert.Equal(("g", "primary.orders", 2, 150L, 98L, "meta"), (entry.Group, entry.Topic, entry.Partition, entry.UpstreamOffset, entry.DownstreamOffset, entry.Metadata));
            Assert.Equal(At, entry.Timestamp);
            Assert.Equal(Mm2TopicKind.Checkpoints, entry.Kind);
        }

        [Fact]
        public void Offset_syncs_and_heartbeats_decode_too()
        {
            var syncs = new Mm2InternalTopicDump("primary", Mm2TopicKind.OffsetSyncs);
            var sync = Assert.IsType<OffsetSyncEntry>(syncs.Add(Record("mm2-offset-syncs.dr.internal", 0, Bytes(new OffsetSync("orders", 1, 1000, 998)))));
            Assert.Equal(("orders", 1, 1000L, 998L), (sync.Topic, sync.Partition, sync.UpstreamOffset, sync.DownstreamOffset));

            var heartbeats = new Mm2InternalTopicDump("dr", Mm2TopicKind.Heartbeats);
            var heartbeat = Assert.IsType<HeartbeatEntry>(heartbeats.Add(Record("heartbeats", 0, Bytes(new Heartbeat("primary", "dr", 1700000000000)))));
            Assert.Equal(("primary", "dr"), (heartbeat.SourceClusterAlias, heartbeat.TargetClusterAlias));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), heartbeat.EmittedAt);
        }

        [Fact]
        public void Corrupt_and_null_records_are_skipped_and_counted()
        {
            var dump = new Mm2InternalTopicDump("dr", Mm2TopicKind.Heartbeats);
            Assert.Null(dump.Add(Record("heartbeats", 0, (new byte[] { 0, 7, 1 }, new byte[10]))));
            Assert.Null(dump.Add(Record("heartbeats", 1, (HeartbeatCodec.EncodeKey(new Heartbeat("a", "b", 1)), null))));
            // A value cut short: the timestamp needs 8 bytes after the version. (A checkpoint would decode: the format tolerates extra bytes.)
            Assert.Null(dump.Add(Record("heartbeats", 2, (HeartbeatCodec.EncodeKey(new Heartbeat("a", "b", 1)), new byte[] { 0, 0, 0, 0, 1 }))));

            var report = dump.Report();
            Assert.Equal((3L, 0L, 2L, 1L), (report.RecordsSeen, report.Decoded, report.CorruptSkipped, report.NullKeyOrValueSkipped));
            var warning = DecodeWarnings.Describe("heartbeats", "dr", report)!;
            Assert.StartsWith("Skipped 2 corrupt record(s) of 3 in 'heartbeats' on cluster 'dr'; results are computed without them. They: [1] Cannot decode MM2 heartbeat record key", warning);
            Assert.Contains("at topic 'heartbeats' partition 0 offset 0", warning);
            Assert.Contains("[2] Cannot decode MM2 heartbeat record", warning);
            Assert.Contains("offset 2", warning);
            Assert.Null(DecodeWarnings.Describe("heartbeats", "dr", DecodeReport.Empty));
        }

        [Fact]
        public void Read_stops_at_the_limit_and_streams_in_offset_order()
        {
            var flow = new InMemoryFlow();
            flow.Syncs(Enumerable.Range(0, 5).Select(i => new OffsetSync("orders", 0, i * 100, i * 90)).ToArray());
            var seen = new List<Mm2InternalRecord>();

            var summary = Mm2InternalTopicDump.Read(flow.Primary, flow.Topics, "mm2-offset-syncs.dr.internal", Mm2TopicKind.OffsetSyncs, "hint", 3, new InternalTopicReadOptions(), CancellationToken.None, seen.Add);

            Assert.Equal(new long[] { 0, 100, 200 }, seen.Cast<OffsetSyncEntry>().Select(e => e.UpstreamOffset));
            Assert.Equal(3, summary.Read.RecordsRead);
            Assert.False(summary.Read.ReachedEnd);
            Assert.Equal(3, summary.Decode.Decoded);
        }

        [Theory]
        [InlineData(Mm2TopicKind.Checkpoints, ErrorIds.CheckpointsTopicNotFound)]
        [InlineData(Mm2TopicKind.OffsetSyncs, ErrorIds.OffsetSyncsTopicNotFound)]
        [InlineData(Mm2TopicKind.Heartbeats, ErrorIds.HeartbeatsTopicNotFound)]
        public void A_missing_topic_has_an_id_per_kind_and_names_topic_cluster_and_bootstrap(Mm2TopicKind kind, string errorId)
        {
            var flow = new InMemoryFlow();

            var e = Assert.Throws<Mm2DrException>(() => Mm2InternalTopicDump.Read(flow.Dr, flow.Topics, "no-such", kind, flow.Layout.MissingTopicHint(kind), null, new InternalTopicReadOptions(), CancellationToken.None, _ => { }));

            Assert.Equal(errorId, e.ErrorId);
            Assert.Equal("no-such", e.Target);
            Assert.StartsWith("Topic 'no-such' does not exist on cluster 'dr' (dr-host:9093).", e.Message);
            Assert.Empty(flow.Topics.Reads);   // found through the cluster's topic list, before any read
        }

        [Fact]
        public void An_unreachable_cluster_fails_before_the_read()
        {
            var flow = new InMemoryFlow();
            flow.Dr.Unreachable = true;

            var e = Assert.Throws<Mm2DrException>(() => Mm2InternalTopicDump.Read(flow.Dr, flow.Topics, "heartbeats", Mm2TopicKind.Heartbeats, "hint", null, new InternalTopicReadOptions(), CancellationToken.None, _ => { }));

            Assert.Equal(ErrorIds.ClusterUnreachable, e.ErrorId);
            Assert.Empty(flow.Topics.Reads);
        }
    }
}

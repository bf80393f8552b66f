using System;
using System.Linq;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class OffsetSyncReaderIntegrationTests
    {
        private static readonly ReplicationPolicy Policy = ReplicationPolicy.Default();

        [Fact]
        public void Reads_the_offset_syncs_topic_on_the_source_cluster_into_the_store()
        {
            using var primary = RdKafkaMockCluster.Start();
            using var dr = RdKafkaMockCluster.Start();
            primary.CreateTopic("mm2-offset-syncs.dr.internal", 1);
            Write(primary, "mm2-offset-syncs.dr.internal", new (byte[]?, byte[]?)[]
            {
                Bytes(new OffsetSync("orders", 0, 0, 0)),
                Bytes(new OffsetSync("orders", 0, 100, 97)),
                (GoldenVectors.Bytes("000a746573742d746f706963"), GoldenVectors.Bytes("00")),  // truncated key and value
                Bytes(new OffsetSync("orders", 1, 40, 40)),
                Bytes(new OffsetSync("orders", 0, 200, 196)),
            });

            var reader = new OffsetSyncReader(Connection(primary, "primary", ClusterRole.Primary), Connection(dr, "dr", ClusterRole.DR), Policy);
            Assert.Equal("mm2-offset-syncs.dr.internal", reader.OffsetSyncsTopic);
            Assert.Equal("primary", reader.TopicCluster.Alias);

            var snapshot = reader.Read();

            Assert.True(snapshot.Store.IsReadToEnd);
            Assert.Equal(4, snapshot.Store.SyncsApplied);
            Assert.Equal(1, snapshot.Decode.CorruptSkipped);
            Assert.Equal(2, snapshot.Decode.FirstErrors.Single().Offset);
            Assert.Equal(5, snapshot.Read!.EndOffset);
            Assert.Equal(98, snapshot.Store.TranslateDownstream("orders", 0, 150));
            Assert.Equal(196, snapshot.Store.TranslateDownstream("orders", 0, 200));
            Assert.Equal(41, snapshot.Store.TranslateDownstream("orders", 1, 45));
        }

        [Fact]
        public void Must_read_to_end_keeps_only_the_last_sync_per_partition()
        {
            using var primary = RdKafkaMockCluster.Start();
            primary.CreateTopic("mm2-offset-syncs.dr.internal", 1);
            Write(primary, "mm2-offset-syncs.dr.internal", new[] { Bytes(new OffsetSync("orders", 0, 0, 0)), Bytes(new OffsetSync("orders", 0, 100, 97)) });
            var reader = new OffsetSyncReader(Connection(primary, "primary", ClusterRole.Primary), new ClusterConnection("dr", "127.0.0.1:9", ClusterRole.DR), Policy);

            var snapshot = reader.Read(initializationMustReadToEnd: true);

            Assert.Equal(-1, snapshot.Store.TranslateDownstream("orders", 0, 50));
            Assert.Single(snapshot.Store.RetainedSyncsFor("orders", 0));
        }

        [Fact]
        public void With_location_target_the_topic_is_named_after_the_source_and_read_on_the_target()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic("mm2-offset-syncs.primary.internal", 1);
            Write(dr, "mm2-offset-syncs.primary.internal", new[] { Bytes(new OffsetSync("orders", 0, 10, 12)) });
            // The source is never contacted in this mode.
            var reader = new OffsetSyncReader(new ClusterConnection("primary", "127.0.0.1:9", ClusterRole.Primary), Connection(dr, "dr", ClusterRole.DR), Policy, OffsetSyncsTopicLocation.Target);

            var snapshot = reader.Read();

            Assert.Equal("mm2-offset-syncs.primary.internal", snapshot.Read!.Topic);
            Assert.Equal("dr", snapshot.Read.ClusterAlias);
            Assert.Equal(13, snapshot.Store.TranslateDownstream("orders", 0, 11));
        }

        [Fact]
        public void A_missing_offset_syncs_topic_names_the_location_setting()
        {
            using var primary = RdKafkaMockCluster.Start();
            primary.CreateTopic("unrelated", 1);
            var reader = new OffsetSyncReader(Connection(primary, "primary", ClusterRole.Primary), new ClusterConnection("dr", "127.0.0.1:9", ClusterRole.DR), Policy);

            var e = Assert.Throws<Mm2TopicNotFoundException>(() => reader.Read(new InternalTopicReadOptions { Timeout = TimeSpan.FromSeconds(30) }));
            Assert.Equal("mm2-offset-syncs.dr.internal", e.Topic);
            Assert.Contains("offset-syncs.topic.location=target", e.Message);
        }

        [Fact]
        public void The_in_memory_path_builds_the_same_store()
        {
            var records = new[] { new OffsetSync("orders", 0, 0, 0), new OffsetSync("orders", 0, 100, 97) }
                .Select((s, i) => new RawRecord(OffsetSyncCodec.EncodeKey(s), OffsetSyncCodec.EncodeValue(s), new RecordLocation("mm2-offset-syncs.dr.internal", 0, i)));
            var snapshot = OffsetSyncReader.FromRecords(records);
            Assert.Equal(98, snapshot.Store.TranslateDownstream("orders", 0, 150));
            Assert.Null(snapshot.Read);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>Wire-level answers that Confluent.Kafka cannot provoke: exact error codes and closed connections.</summary>
    public class ProtocolErrorTests : BrokerTest
    {
        [Fact]
        public void ApiVersions_advertises_exactly_the_checklist_ranges()
        {
            using var broker = StartBroker();
            using var raw = new RawKafkaConnection(broker);
            // v3: header v2 (tag byte), compact strings, tag byte; response header v0, flexible body.
            var reader = raw.RoundTrip(new RequestBuilder(18, 3, 1).Raw(0).Raw(5).Raw((byte)'t', (byte)'e', (byte)'s', (byte)'t').Raw(2, (byte)'1').Raw(0), 1);
            Assert.Equal(0, reader.ReadInt16());
            var count = (int)reader.ReadUnsignedVarint() - 1;
            var ranges = new List<string>();
            for (var i = 0; i < count; i++)
            {
                ranges.Add($"{reader.ReadInt16()}:{reader.ReadInt16()}-{reader.ReadInt16()}");
                reader.SkipTaggedFields();
            }

            Assert.Equal("0:3-7, 1:4-11, 2:1-5, 3:1-8, 8:0-7, 9:1-5, 10:0-2, 11:0-5, 12:0-3, 13:0-1, 14:0-3, 15:0-4, 16:0-2, 18:0-3, 19:0-4, 20:0-3, 22:0-1, 32:0-1, 37:0-1, 42:0-1, 47:0-0",
                string.Join(", ", ranges.OrderBy(r => int.Parse(r.Split(':')[0]))));
            Assert.Equal(0, reader.ReadInt32());
            reader.SkipTaggedFields();
            Assert.Equal(0, reader.Remaining);

            // An unknown newer version: v0 body, UNSUPPORTED_VERSION, only ApiVersions' own range.
            var unsupported = raw.RoundTrip(new RequestBuilder(18, 9, 2).Raw(1, 2, 3), 2);
            Assert.Equal((short)ErrorCode.UnsupportedVersion, unsupported.ReadInt16());
            Assert.Equal(1, unsupported.ReadInt32());
            Assert.Equal((18, 0, 3), ((int)unsupported.ReadInt16(), (int)unsupported.ReadInt16(), (int)unsupported.ReadInt16()));
            Assert.Equal(0, unsupported.Remaining);
        }

        [Theory]
        [InlineData(99, 0)]   // unknown API key
        [InlineData(0, 2)]    // Produce v2: below the advertised range
        [InlineData(1, 12)]   // Fetch v12: flexible, not advertised
        [InlineData(60, 0)]   // DescribeCluster: deliberately not implemented
        public void Unknown_keys_and_unsupported_versions_close_only_that_connection(short apiKey, short version)
        {
            using var broker = StartBroker();
            using var bad = new RawKafkaConnection(broker);
            using var good = new RawKafkaConnection(broker);
            bad.Send(new RequestBuilder(apiKey, version, 7).Int32(0).Frame());
            Assert.True(bad.IsClosedByBroker());
            // The other connection is still served.
            Assert.Equal((short)ErrorCode.UnknownTopicOrPartition, RawRequests.ListOffsets(good, 1, "none", 0, -1).Error);
        }

        [Fact]
        public void An_oversized_request_closes_the_connection()
        {
            using var broker = StartBroker(o => o.MaxRequestBytes = 64 * 1024);
            using var raw = new RawKafkaConnection(broker);
            raw.Send(new byte[] { 0, 0x10, 0, 0 }); // 1 MiB announced
            Assert.True(raw.IsClosedByBroker());
            using var negative = new RawKafkaConnection(broker);
            negative.Send(new byte[] { 0xFF, 0xFF, 0xFF, 0xF0 });
            Assert.True(negative.IsClosedByBroker());
            Assert.True(broker.IsUp);
        }

        [Fact]
        public void Produce_errors_are_Kafkas_and_store_nothing()
        {
            using var broker = StartBroker(o => o.AutoCreateTopics = false);
            Clients.CreateTopic(broker, "strict", 1);
            using var raw = new RawKafkaConnection(broker);
            var good = TestRecordBatch.Build(new[] { "a", "b" }, 1000);
            Assert.Equal((0, 0L), RawRequests.Produce(raw, 1, "strict", 0, good));

            var corrupt = (byte[])good.Clone();
            corrupt[corrupt.Length - 1] ^= 0xFF;
            Assert.Equal((short)ErrorCode.CorruptMessage, RawRequests.Produce(raw, 2, "strict", 0, corrupt).Error);

            var notFromZero = (byte[])good.Clone();
            notFromZero[7] = 5; // BaseOffset 5: outside the CRC, refused as INVALID_RECORD (k39 UnifiedLog.scala:1133-1136)
            Assert.Equal((short)ErrorCode.InvalidRecord, RawRequests.Produce(raw, 3, "strict", 0, notFromZero).Error);

            // A producer id without a sequence is refused (k39 LogValidator.validateBatch).
            Assert.Equal((short)ErrorCode.InvalidRecord, RawRequests.Produce(raw, 10, "strict", 0, TestRecordBatch.Build(new[] { "x" }, 1, producerId: 5, producerEpoch: 0, baseSequence: -1)).Error);

            Assert.Equal((short)ErrorCode.CorruptMessage, RawRequests.Produce(raw, 4, "strict", 0, good.Take(30).ToArray()).Error);
            Assert.Equal((short)ErrorCode.InvalidRecord, RawRequests.Produce(raw, 5, "strict", 0, null).Error);
            Assert.Equal((short)ErrorCode.UnknownTopicOrPartition, RawRequests.Produce(raw, 6, "missing", 0, good).Error);
            Assert.Equal((short)ErrorCode.UnknownTopicOrPartition, RawRequests.Produce(raw, 7, "strict", 3, good).Error);

            var badAcks = TestRecordBatch.ProduceRequest(8, "strict", 0, good, acks: 2);
            Assert.Equal((short)ErrorCode.InvalidRequiredAcks, TestRecordBatch.ReadProduceResponse(raw.RoundTrip(badAcks, 8)).Error);

            Assert.Equal((0, -1L, 2L), RawRequests.ListOffsets(raw, 9, "strict", 0, -1));
        }

        [Fact]
        public void Acks_zero_gets_no_response_and_the_next_answer_is_in_order()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "fire-and-forget", 1);
            using var raw = new RawKafkaConnection(broker);
            raw.Send(TestRecordBatch.ProduceRequest(1, "fire-and-forget", 0, TestRecordBatch.Build(new[] { "x" }, 1), acks: 0).Frame());
            // The next response on the connection belongs to request 2: request 1 had none.
            Assert.Equal((0, -1L, 1L), RawRequests.ListOffsets(raw, 2, "fire-and-forget", 0, -1));
        }

        [Fact]
        public void Fetch_reports_unknown_partitions_and_offsets_out_of_range()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "fetched", 1);
            using var raw = new RawKafkaConnection(broker);
            RawRequests.Produce(raw, 1, "fetched", 0, TestRecordBatch.Build(new[] { "a", "b", "c" }, 1));
            Assert.Equal((short)ErrorCode.OffsetOutOfRange, RawRequests.Fetch(raw, 2, "fetched", 0, 4).Error);
            Assert.Equal((short)ErrorCode.OffsetOutOfRange, RawRequests.Fetch(raw, 3, "fetched", 0, -1).Error);
            Assert.Equal((short)ErrorCode.UnknownTopicOrPartition, RawRequests.Fetch(raw, 4, "fetched", 1, 0).Error);
            Assert.Equal((short)ErrorCode.UnknownTopicOrPartition, RawRequests.Fetch(raw, 5, "nope", 0, 0).Error);
            var atEnd = RawRequests.Fetch(raw, 6, "fetched", 0, 3);
            Assert.Equal((0, 3L, 0), (atEnd.Error, atEnd.HighWatermark, atEnd.Records.Length));

            // Offset 1 lies inside the first batch: Kafka returns the whole batch from its start (k39 LogSegment.java:432-460).
            var inside = RawRequests.Fetch(raw, 7, "fetched", 0, 1);
            Assert.Equal(0L, Mm2Dr.Lab.Records.RecordBatchLayout.BaseOffset(inside.Records));

            // A limit smaller than the batch still returns the whole first batch (KIP-74).
            var small = RawRequests.Fetch(raw, 8, "fetched", 0, 0, maxBytes: 10);
            Assert.Equal(Mm2Dr.Lab.Records.RecordBatchLayout.BatchLength(small.Records) + 12, small.Records.Length);
        }
    }
}

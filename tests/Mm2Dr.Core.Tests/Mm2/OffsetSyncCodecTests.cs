using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.Core.Tests.Mm2.GoldenVectors;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class OffsetSyncCodecTests
    {
        private static readonly RecordLocation Where = new RecordLocation("mm2-offset-syncs.dr.internal", 0, 9);

        [Fact]
        public void O1_encodes_to_the_golden_bytes()
        {
            var o1 = new OffsetSync("test-topic", 2, 1000, 998);
            Assert.Equal(O1Key, Hex(OffsetSyncCodec.EncodeKey(o1)));
            Assert.Equal(O1Value, Hex(OffsetSyncCodec.EncodeValue(o1)));
        }

        [Fact]
        public void O1_golden_bytes_decode()
        {
            Assert.Equal(new OffsetSync("test-topic", 2, 1000, 998), OffsetSyncCodec.Decode(Bytes(O1Key), Bytes(O1Value)));
        }

        [Fact]
        public void The_value_has_no_version_header()
        {
            // A checkpoint-style "0000" prefix would shift every field: 18 bytes decode, but as different numbers.
            var sync = OffsetSyncCodec.Decode(Bytes(O1Key), Bytes("0000" + O1Value));
            Assert.NotEqual(1000, sync.UpstreamOffset);
        }

        [Fact]
        public void A_truncated_value_is_a_format_error()
        {
            var e = Assert.Throws<Mm2RecordFormatException>(() => OffsetSyncCodec.Decode(Bytes(O1Key), Bytes(O1Value.Substring(0, 30)), Where));
            Assert.Equal("offset", e.Field);
            Assert.Equal(Mm2RecordKind.OffsetSync, e.RecordKind);
            Assert.Contains("offset-sync record value field 'offset' at topic 'mm2-offset-syncs.dr.internal' partition 0 offset 9", e.Message);
        }

        [Fact]
        public void A_negative_topic_length_is_a_format_error()
        {
            var e = Assert.Throws<Mm2RecordFormatException>(() => OffsetSyncCodec.Decode(Bytes("ffff00000002"), Bytes(O1Value), Where));
            Assert.Equal("topic", e.Field);
            Assert.Equal(RecordPart.Key, e.Part);
        }

        [Fact]
        public void Trailing_bytes_are_ignored()
        {
            Assert.Equal(new OffsetSync("test-topic", 2, 1000, 998), OffsetSyncCodec.Decode(Bytes(O1Key + "ff"), Bytes(O1Value + "010203")));
        }
    }
}

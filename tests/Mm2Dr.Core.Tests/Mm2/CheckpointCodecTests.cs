using System;
using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.Core.Tests.Mm2.GoldenVectors;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class CheckpointCodecTests
    {
        private static readonly RecordLocation Where = new RecordLocation("primary.checkpoints.internal", 0, 17);

        [Fact]
        public void C1_encodes_to_the_golden_bytes()
        {
            var c1 = new Checkpoint("test-consumer-group", "test-topic", 0, 42, 40, "");
            Assert.Equal(C1Key, Hex(CheckpointCodec.EncodeKey(c1)));
            Assert.Equal(C1Value, Hex(CheckpointCodec.EncodeValue(c1)));
            Assert.Equal(37, CheckpointCodec.EncodeKey(c1).Length);
            Assert.Equal(20, CheckpointCodec.EncodeValue(c1).Length);
        }

        [Fact]
        public void C1_golden_bytes_decode()
        {
            var c = CheckpointCodec.Decode(Bytes(C1Key), Bytes(C1Value));
            Assert.Equal(new Checkpoint("test-consumer-group", "test-topic", 0, 42, 40, ""), c);
            Assert.Equal(0, c.Version);
        }

        [Fact]
        public void C2_with_the_remote_topic_name_round_trips_through_the_golden_bytes()
        {
            var c2 = new Checkpoint("test-consumer-group", "primary.test-topic", 0, 42, 40, "");
            Assert.Equal(C2Key, Hex(CheckpointCodec.EncodeKey(c2)));
            Assert.Equal(C2Value, Hex(CheckpointCodec.EncodeValue(c2)));
            Assert.Equal(c2, CheckpointCodec.Decode(Bytes(C2Key), Bytes(C2Value)));
        }

        [Fact]
        public void Metadata_and_unicode_group_names_round_trip()
        {
            var c = new Checkpoint("grüppe-日本-😀", "primary.orders", 7, long.MaxValue, 0, "meta: ✓");
            var key = CheckpointCodec.EncodeKey(c);
            // "grüppe-日本-😀" is 6+1+1+6+1+4 = 19 UTF-8 bytes, not 12 UTF-16 units.
            Assert.Equal("0013", Hex(key).Substring(0, 4));
            Assert.Equal(c, CheckpointCodec.Decode(key, CheckpointCodec.EncodeValue(c)));
        }

        [Fact]
        public void A_truncated_int64_is_a_format_error_naming_record_and_field()
        {
            // "0000" + 15 bytes: upstreamOffset fits, the downstream "offset" INT64 has only 7 bytes.
            var value = Bytes("0000" + "000000000000002a" + "00000000000000");
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(Bytes(C1Key), value, Where));
            Assert.Equal("offset", e.Field);
            Assert.Equal(RecordPart.Value, e.Part);
            Assert.Equal("primary.checkpoints.internal", e.Topic);
            Assert.Equal(0, e.Partition);
            Assert.Equal(17, e.Offset);
            Assert.Contains("topic 'primary.checkpoints.internal' partition 0 offset 17", e.Message);
            Assert.Contains("INT64 needs 8 bytes", e.Message);
        }

        [Fact]
        public void A_negative_string_length_in_the_key_is_a_format_error()
        {
            var key = Bytes("ffff" + "746573742d746f706963" + "00000000");
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(key, Bytes(C1Value), Where));
            Assert.Equal(RecordPart.Key, e.Part);
            Assert.Equal("group", e.Field);
            Assert.Contains("-1 cannot be negative", e.Message);
        }

        [Fact]
        public void A_string_longer_than_the_record_is_a_format_error()
        {
            // Length 19, but only "te" follows.
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(Bytes("00137465"), Bytes(C1Value), Where));
            Assert.Equal("group", e.Field);
            Assert.Contains("length 19 needs 19 bytes, only 2 available", e.Message);
        }

        [Fact]
        public void A_missing_partition_field_is_a_format_error()
        {
            var key = Bytes("0013746573742d636f6e73756d65722d67726f7570000a746573742d746f706963000000");
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(key, Bytes(C1Value), Where));
            Assert.Equal("partition", e.Field);
        }

        [Fact]
        public void Invalid_utf8_is_a_format_error()
        {
            var key = Bytes("0002c328" + "0001" + "74" + "00000000");
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(key, Bytes(C1Value), Where));
            Assert.Equal("group", e.Field);
            Assert.Contains("not valid UTF-8", e.Message);
        }

        [Fact]
        public void Trailing_bytes_after_the_known_fields_are_ignored_as_Kafka_does()
        {
            var c = CheckpointCodec.Decode(Bytes(C1Key + "abcdef"), Bytes(C1Value + "010203"));
            Assert.Equal(new Checkpoint("test-consumer-group", "test-topic", 0, 42, 40, ""), c);
        }

        [Fact]
        public void Version_1_is_decoded_with_the_version_0_layout()
        {
            var c = CheckpointCodec.Decode(Bytes(C1Key), Bytes("0001" + C1Value.Substring(4)));
            Assert.Equal(1, c.Version);
            Assert.Equal(42, c.UpstreamOffset);
            Assert.Equal(40, c.DownstreamOffset);
            Assert.Equal("", c.Metadata);
        }

        [Fact]
        public void The_version_is_written_into_the_header()
        {
            var c = new Checkpoint("test-consumer-group", "test-topic", 0, 42, 40, "") { Version = 1 };
            Assert.Equal("0001" + C1Value.Substring(4), Hex(CheckpointCodec.EncodeValue(c)));
        }

        [Fact]
        public void A_null_value_is_refused_by_the_codec()
        {
            var e = Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(Bytes(C1Key), null, Where));
            Assert.Contains("tombstone", e.Message);
            Assert.Throws<Mm2RecordFormatException>(() => CheckpointCodec.Decode(null, Bytes(C1Value), Where));
        }

        [Fact]
        public void Strings_longer_than_int16_cannot_be_encoded()
        {
            var c = new Checkpoint(new string('g', short.MaxValue + 1), "t", 0, 1, 1, "");
            var e = Assert.Throws<ArgumentException>(() => CheckpointCodec.EncodeKey(c));
            Assert.Contains("32767", e.Message);
            var ok = new Checkpoint(new string('g', short.MaxValue), "t", 0, 1, 1, "");
            Assert.Equal(ok, CheckpointCodec.Decode(CheckpointCodec.EncodeKey(ok), CheckpointCodec.EncodeValue(ok)));
        }

        [Fact]
        public void Null_strings_cannot_be_encoded()
        {
            Assert.Throws<ArgumentNullException>(() => CheckpointCodec.EncodeValue(new Checkpoint("g", "t", 0, 1, 1, null!)));
        }

        [Fact]
        public void Negative_offsets_decode_as_written()
        {
            // MM2 never emits them (it filters downstream -1), but old MM2 versions did; the reader must see them to flag them.
            var c = new Checkpoint("g", "t", 0, -5, -1, "");
            Assert.Equal(c, CheckpointCodec.Decode(CheckpointCodec.EncodeKey(c), CheckpointCodec.EncodeValue(c)));
        }
    }
}

using System;
using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.Core.Tests.Mm2.GoldenVectors;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class HeartbeatCodecTests
    {
        [Fact]
        public void H1_encodes_to_the_golden_bytes()
        {
            var h1 = new Heartbeat("primary", "dr", 1700000000000);
            Assert.Equal(H1Key, Hex(HeartbeatCodec.EncodeKey(h1)));
            Assert.Equal(H1Value, Hex(HeartbeatCodec.EncodeValue(h1)));
        }

        [Fact]
        public void H1_golden_bytes_decode()
        {
            var h = HeartbeatCodec.Decode(Bytes(H1Key), Bytes(H1Value));
            Assert.Equal(new Heartbeat("primary", "dr", 1700000000000), h);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), h.Timestamp);
        }

        [Fact]
        public void Version_1_is_decoded_with_the_version_0_layout()
        {
            var h = HeartbeatCodec.Decode(Bytes(H1Key), Bytes("0001" + H1Value.Substring(4)));
            Assert.Equal(1, h.Version);
            Assert.Equal(1700000000000, h.TimestampMs);
        }

        [Fact]
        public void Trailing_bytes_are_ignored()
        {
            Assert.Equal(1700000000000, HeartbeatCodec.Decode(Bytes(H1Key + "00"), Bytes(H1Value + "010203")).TimestampMs);
        }

        [Fact]
        public void A_truncated_timestamp_is_a_format_error()
        {
            var e = Assert.Throws<Mm2RecordFormatException>(() => HeartbeatCodec.Decode(Bytes(H1Key), Bytes("0000" + "0000018bcfe568"), new RecordLocation("heartbeats", 0, 3)));
            Assert.Equal("timestamp", e.Field);
            Assert.Equal(3, e.Offset);
        }

        [Fact]
        public void A_negative_alias_length_is_a_format_error()
        {
            var e = Assert.Throws<Mm2RecordFormatException>(() => HeartbeatCodec.Decode(Bytes("00077072696d617279ffff"), Bytes(H1Value)));
            Assert.Equal("targetClusterAlias", e.Field);
            Assert.Contains("unknown location", e.Message);
        }

        [Fact]
        public void A_timestamp_outside_the_calendar_has_no_date_but_still_decodes()
        {
            var h = new Heartbeat("a", "b", long.MaxValue);
            var decoded = HeartbeatCodec.Decode(HeartbeatCodec.EncodeKey(h), HeartbeatCodec.EncodeValue(h));
            Assert.Equal(long.MaxValue, decoded.TimestampMs);
            Assert.Null(decoded.Timestamp);
        }
    }
}

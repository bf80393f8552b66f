using System.Linq;
using Mm2Dr.Core.Mm2;
using Xunit;
using static Mm2Dr.Core.Tests.Mm2.GoldenVectors;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class TolerantRecordDecoderTests
    {
        private static RawRecord At(long offset, string? keyHex, string? valueHex)
            => new RawRecord(keyHex == null ? null : Bytes(keyHex), valueHex == null ? null : Bytes(valueHex), new RecordLocation("primary.checkpoints.internal", 0, offset));

        [Fact]
        public void Corrupt_and_null_records_are_skipped_and_counted_separately()
        {
            var decoder = TolerantRecordDecoder.ForCheckpoints(maxErrorsKept: 2);
            var records = new[]
            {
                At(0, C1Key, C1Value),
                At(1, C1Key, null),                    // tombstone
                At(2, "ffff", C1Value),                // negative length
                At(3, C1Key, "0000"),                  // truncated
                At(4, "deadbeef", "00"),               // garbage
                At(5, C2Key, "0001" + C1Value.Substring(4)),
                At(6, null, C1Value),                  // null key
            };

            var decoded = decoder.DecodeAll(records).ToList();
            var report = decoder.Report();

            Assert.Equal(2, decoded.Count);
            Assert.Equal(7, report.RecordsSeen);
            Assert.Equal(2, report.Decoded);
            Assert.Equal(2, report.NullKeyOrValueSkipped);
            Assert.Equal(3, report.CorruptSkipped);
            Assert.Equal(1, report.UnexpectedVersion);
            Assert.True(report.HasCorruptRecords);
            Assert.Equal(new long?[] { 2, 3 }, report.FirstErrors.Select(e => e.Offset));
        }

        [Fact]
        public void A_clean_stream_reports_no_corruption()
        {
            var decoder = TolerantRecordDecoder.ForOffsetSyncs();
            Assert.True(decoder.TryDecode(new RawRecord(Bytes(O1Key), Bytes(O1Value), default), out var sync));
            Assert.Equal(998, sync!.DownstreamOffset);
            var report = decoder.Report();
            Assert.False(report.HasCorruptRecords);
            Assert.Empty(report.FirstErrors);
            Assert.Equal("1 records: 1 decoded, 0 corrupt skipped, 0 null skipped", report.ToString());
        }

        [Fact]
        public void Heartbeat_decoder_flags_unexpected_versions()
        {
            var decoder = TolerantRecordDecoder.ForHeartbeats();
            Assert.True(decoder.TryDecode(new RawRecord(Bytes(H1Key), Bytes("0002" + H1Value.Substring(4)), default), out _));
            Assert.Equal(1, decoder.Report().UnexpectedVersion);
        }
    }
}

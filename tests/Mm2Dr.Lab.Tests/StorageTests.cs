using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mm2Dr.Lab.Records;
using Mm2Dr.Lab.Storage;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>Unit checks of the pieces the protocol tests rely on.</summary>
    public class StorageTests : BrokerTest
    {
        [Fact]
        public void Crc32C_matches_the_standard_check_value()
        {
            // The CRC-32C check value of "123456789" (RFC 3720 / iSCSI).
            Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
            Assert.Equal(0u, Crc32C.Compute(Array.Empty<byte>()));
            var longer = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
            Assert.Equal(BitwiseCrc32C(longer), Crc32C.Compute(longer));
            // The array overload takes the hardware path on .NET 6+; every offset/length mix must agree with the tables.
            Assert.True(Crc32C.IsHardwareAccelerated, "expected BitOperations.Crc32C to be found on .NET 10");
            for (var offset = 0; offset < 9; offset++)
            {
                for (var length = 0; length < 40; length++)
                {
                    Assert.Equal(Crc32C.Compute(longer.AsSpan(offset, length)), Crc32C.Compute(longer, offset, length));
                }
            }

            Assert.Equal(Crc32C.Compute(longer.AsSpan(3)), Crc32C.Compute(longer, 3, longer.Length - 3));
        }

        private static uint BitwiseCrc32C(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
                }
            }

            return ~crc;
        }

        [Fact]
        public void A_log_assigns_offsets_and_reads_from_the_batch_holding_an_offset()
        {
            var log = PartitionLog.CreateInMemory("t", 0);
            var first = TestRecordBatch.Build(new[] { "a", "b", "c" }, 100);
            var second = TestRecordBatch.Build(new[] { "d", "e" }, 200);
            Assert.Equal(0, log.Append(first, null).BaseOffset);
            Assert.Equal(3, log.Append(second, null).BaseOffset);
            Assert.Equal(5, log.LogEndOffset);

            var into = new List<ArraySegment<byte>>();
            Assert.Equal(second.Length, log.Read(4, 1 << 20, false, into));
            Assert.Equal(3, RecordBatchLayout.BaseOffset(into.Single()));

            // A byte limit cuts the trailing batch; with wholeFirstBatch the first batch is never cut.
            into.Clear();
            Assert.Equal(first.Length + 10, log.Read(0, first.Length + 10, false, into));
            into.Clear();
            Assert.Equal(first.Length, log.Read(0, 5, true, into));
            into.Clear();
            Assert.Equal(5, log.Read(0, 5, false, into));
        }

        [Fact]
        public void The_time_index_finds_the_first_record_at_or_after_a_timestamp()
        {
            var log = PartitionLog.CreateInMemory("t", 0);
            log.Append(TestRecordBatch.Build(new[] { "a", "b", "c" }, 100), null);  // 100, 101, 102
            log.Append(TestRecordBatch.Build(new[] { "d", "e" }, 50), null);        // 50, 51 (older)
            log.Append(TestRecordBatch.Build(new[] { "f", "g" }, 300), null);       // 300, 301
            Assert.Equal((0L, 100L), log.FindOffsetForTimestamp(0));
            Assert.Equal((1L, 101L), log.FindOffsetForTimestamp(101));
            Assert.Equal((5L, 300L), log.FindOffsetForTimestamp(103));
            Assert.Equal((6L, 301L), log.FindOffsetForTimestamp(301));
            Assert.Null(log.FindOffsetForTimestamp(302));
        }

        [Fact]
        public void Chunks_grow_and_keep_every_batch_contiguous()
        {
            var store = new ChunkStore();
            var first = store.Reserve(100);
            var huge = store.Reserve(20 * 1024 * 1024);
            Assert.Equal((0, 0), first);
            Assert.Equal(1, huge.Chunk);
            Assert.True(store.Chunk(1).Length >= 20 * 1024 * 1024);
        }
    }
}

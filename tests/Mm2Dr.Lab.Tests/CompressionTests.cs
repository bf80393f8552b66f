using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Confluent.Kafka;
using Mm2Dr.Lab.Records;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class CompressionTests : BrokerTest
    {
        [Theory]
        [InlineData(CompressionType.Gzip)]
        [InlineData(CompressionType.Snappy)]
        [InlineData(CompressionType.Lz4)]
        [InlineData(CompressionType.Zstd)]
        public void Compressed_batches_are_stored_smaller_and_read_back_intact(CompressionType codec)
        {
            using var broker = StartBroker();
            var topic = "codec-" + codec.ToString().ToLowerInvariant();
            Clients.CreateTopic(broker, topic, 1);
            var values = Enumerable.Range(0, 500).Select(i => string.Concat(Enumerable.Repeat("compressible-" + (i % 7), 40))).ToList();
            using (var producer = Clients.Producer(broker, c =>
                   {
                       c.CompressionType = codec;
                       c.LingerMs = 50;
                   }))
            {
                Clients.ProduceAll(producer, topic, values.Select(v => new Message<string, string> { Value = v, Headers = new Headers { { "h", new byte[] { 1 } } } }));
            }

            var read = Clients.ReadPartition(broker, topic, 0, 500);
            Assert.Equal(values, read.Select(r => r.Message.Value));
            Assert.All(read, r => Assert.Equal(new byte[] { 1 }, r.Message.Headers.GetLastBytes("h")));

            using var raw = new RawKafkaConnection(broker);
            var (_, _, records) = RawRequests.Fetch(raw, 1, topic, 0, 0, maxBytes: 50 << 20);
            Assert.Equal((int)codec, RecordBatchLayout.Codec(records));
            Assert.True(records.Length < values.Sum(v => v.Length) / 4, $"{records.Length} stored bytes for {values.Sum(v => v.Length)} bytes of values");
        }

        /// <summary>Kafka's Java producer frames snappy the xerial way; the broker must read that too (for timestamp lookups).</summary>
        [Fact]
        public void Xerial_framed_snappy_batches_are_searchable_by_timestamp()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "xerial", 1);
            var plain = TestRecordBatch.Build(Enumerable.Range(0, 10).Select(i => "value-" + i).ToList(), baseTimestamp: 5000);
            var records = plain.AsSpan(RecordBatchLayout.HeaderSize).ToArray();
            var framed = new List<byte>();
            framed.AddRange(new byte[] { 0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1 });
            foreach (var chunk in new[] { records.AsSpan(0, 40).ToArray(), records.AsSpan(40).ToArray() })
            {
                var block = Snappier.Snappy.CompressToArray(chunk);
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, block.Length);
                framed.AddRange(length);
                framed.AddRange(block);
            }

            var batch = new byte[RecordBatchLayout.HeaderSize + framed.Count];
            plain.AsSpan(0, RecordBatchLayout.HeaderSize).CopyTo(batch);
            framed.CopyTo(batch, RecordBatchLayout.HeaderSize);
            BinaryPrimitives.WriteInt32BigEndian(batch.AsSpan(8), batch.Length - 12);
            BinaryPrimitives.WriteInt16BigEndian(batch.AsSpan(21), (short)CompressionCodec.Snappy);
            BinaryPrimitives.WriteUInt32BigEndian(batch.AsSpan(17), Crc32C.Compute(batch.AsSpan(21)));

            using var raw = new RawKafkaConnection(broker);
            Assert.Equal((0, 0L), RawRequests.Produce(raw, 1, "xerial", 0, batch));
            Assert.Equal((0, 5007L, 7L), RawRequests.ListOffsets(raw, 2, "xerial", 0, 5007));

            var read = Clients.ReadPartition(broker, "xerial", 0, 10);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => "value-" + i), read.Select(r => r.Message.Value));
        }

        [Fact]
        public void Gzip_payloads_decompress_to_the_original_records()
        {
            var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("abc", 1000)));
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, true))
            {
                gzip.Write(data, 0, data.Length);
            }

            Assert.Equal(data, BatchDecompressor.Decompress(CompressionCodec.Gzip, buffer.ToArray()));
        }
    }
}

using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using K4os.Compression.LZ4.Streams;

namespace Mm2Dr.Lab.Records
{
    /// <summary>
    /// Inflates the records section of a compressed batch. Only the timestamp lookup of ListOffsets needs this; the
    /// produce and fetch paths keep compressed batches exactly as the producer sent them.
    /// </summary>
    internal static class BatchDecompressor
    {
        // Kafka's Java client wraps snappy in xerial's stream framing (k39 SnappyFactory → SnappyOutputStream):
        // an 8-byte magic, two int32 versions, then [int32 length][raw snappy block] chunks. librdkafka writes raw
        // snappy but reads both (lrd216 rdkafka_msgset_reader.c, "xerial" handling), so the broker must read both.
        private static readonly byte[] XerialMagic = { 0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0 };
        private const int XerialHeaderSize = 16;

        public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> compressed)
        {
            switch (codec)
            {
                case CompressionCodec.None:
                    return compressed.ToArray();
                case CompressionCodec.Gzip:
                    return InflateStream(new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress));
                case CompressionCodec.Snappy:
                    return DecompressSnappy(compressed);
                case CompressionCodec.Lz4:
                    return InflateStream(LZ4Stream.Decode(new MemoryStream(compressed.ToArray())));
                case CompressionCodec.Zstd:
                    return InflateStream(new ZstdSharp.DecompressionStream(new MemoryStream(compressed.ToArray())));
                default:
                    throw new InvalidDataException($"Unknown compression codec {(int)codec}.");
            }
        }

        private static byte[] InflateStream(Stream stream)
        {
            using (stream)
            using (var output = new MemoryStream())
            {
                stream.CopyTo(output);
                return output.ToArray();
            }
        }

        private static byte[] DecompressSnappy(ReadOnlySpan<byte> compressed)
        {
            if (compressed.Length < XerialHeaderSize || !compressed.Slice(0, XerialMagic.Length).SequenceEqual(XerialMagic))
            {
                return Snappier.Snappy.DecompressToArray(compressed);
            }

            using var output = new MemoryStream();
            var position = XerialHeaderSize;
            while (position < compressed.Length)
            {
                if (compressed.Length - position < 4)
                {
                    throw new InvalidDataException("Truncated xerial snappy chunk header.");
                }

                var chunkLength = BinaryPrimitives.ReadInt32BigEndian(compressed.Slice(position));
                position += 4;
                if (chunkLength < 0 || chunkLength > compressed.Length - position)
                {
                    throw new InvalidDataException("Xerial snappy chunk overruns the batch.");
                }

                var block = Snappier.Snappy.DecompressToArray(compressed.Slice(position, chunkLength));
                output.Write(block, 0, block.Length);
                position += chunkLength;
            }

            return output.ToArray();
        }
    }
}

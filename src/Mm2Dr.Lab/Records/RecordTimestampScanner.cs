using System;
using System.IO;

namespace Mm2Dr.Lab.Records
{
    /// <summary>
    /// Walks the records of one stored batch to find the first record whose timestamp is at least a target, as
    /// Kafka's timestamp lookup does inside the batch it located (k39 FileRecords.java:336-349).
    /// </summary>
    internal static class RecordTimestampScanner
    {
        /// <returns>(offset, timestamp) of the first matching record at or after <paramref name="minOffset"/>, or null.</returns>
        public static (long Offset, long Timestamp)? FindFirstAtOrAfter(ReadOnlySpan<byte> batch, long targetTimestamp, long minOffset)
        {
            var baseOffset = RecordBatchLayout.BaseOffset(batch);
            if (RecordBatchLayout.IsLogAppendTime(batch))
            {
                // Every record of a LogAppendTime batch carries the batch MaxTimestamp (k39 DefaultRecordBatch.java:577).
                var appendTime = RecordBatchLayout.MaxTimestamp(batch);
                var first = Math.Max(baseOffset, minOffset);
                var last = baseOffset + RecordBatchLayout.LastOffsetDelta(batch);
                return appendTime >= targetTimestamp && first <= last ? (first, appendTime) : ((long, long)?)null;
            }

            var baseTimestamp = RecordBatchLayout.BaseTimestamp(batch);
            var count = RecordBatchLayout.RecordCount(batch);
            var codec = (CompressionCodec)RecordBatchLayout.Codec(batch);
            var payload = batch.Slice(RecordBatchLayout.HeaderSize);
            byte[]? inflated = null;
            if (codec != CompressionCodec.None)
            {
                inflated = BatchDecompressor.Decompress(codec, payload);
                payload = inflated;
            }

            var position = 0;
            for (var i = 0; i < count; i++)
            {
                var length = ReadVarint(payload, ref position);
                var recordEnd = position + (int)length;
                if (length < 0 || recordEnd > payload.Length)
                {
                    throw new InvalidDataException("Record overruns its batch.");
                }

                position++; // attributes
                var timestampDelta = ReadVarlong(payload, ref position);
                var offsetDelta = ReadVarint(payload, ref position);
                var offset = baseOffset + offsetDelta;
                var timestamp = baseTimestamp + timestampDelta;
                if (timestamp >= targetTimestamp && offset >= minOffset)
                {
                    return (offset, timestamp);
                }

                position = recordEnd;
            }

            return null;
        }

        private static long ReadVarint(ReadOnlySpan<byte> data, ref int position)
        {
            var raw = ReadUnsigned(data, ref position, 5);
            return (int)((uint)raw >> 1) ^ -(int)(raw & 1);
        }

        private static long ReadVarlong(ReadOnlySpan<byte> data, ref int position)
        {
            var raw = ReadUnsigned(data, ref position, 10);
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        private static ulong ReadUnsigned(ReadOnlySpan<byte> data, ref int position, int maxBytes)
        {
            ulong value = 0;
            for (var i = 0; i < maxBytes; i++)
            {
                if (position >= data.Length)
                {
                    throw new InvalidDataException("Truncated varint in a record.");
                }

                var b = data[position++];
                value |= (ulong)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw new InvalidDataException("Varint too long in a record.");
        }
    }
}

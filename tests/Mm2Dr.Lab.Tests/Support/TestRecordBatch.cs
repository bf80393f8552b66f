using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using Mm2Dr.Lab.Records;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Builds uncompressed magic-2 record batches by hand (for duplicates, gaps and corrupt CRCs).</summary>
    internal static class TestRecordBatch
    {
        public static byte[] Build(IReadOnlyList<string> values, long baseTimestamp, long producerId = -1, short producerEpoch = -1, int baseSequence = -1)
        {
            var records = new List<byte>();
            for (var i = 0; i < values.Count; i++)
            {
                var body = new List<byte> { 0 }; // attributes
                WriteVarlong(body, i);           // timestamp delta
                WriteVarlong(body, i);           // offset delta
                WriteVarlong(body, -1);          // null key
                var value = Encoding.UTF8.GetBytes(values[i]);
                WriteVarlong(body, value.Length);
                body.AddRange(value);
                WriteVarlong(body, 0);           // no headers
                WriteVarlong(records, body.Count);
                records.AddRange(body);
            }

            var batch = new byte[RecordBatchLayout.HeaderSize + records.Count];
            var span = batch.AsSpan();
            BinaryPrimitives.WriteInt64BigEndian(span.Slice(0), 0);
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(8), batch.Length - 12);
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(12), -1);
            batch[16] = 2;
            BinaryPrimitives.WriteInt16BigEndian(span.Slice(21), 0);
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(23), values.Count - 1);
            BinaryPrimitives.WriteInt64BigEndian(span.Slice(27), baseTimestamp);
            BinaryPrimitives.WriteInt64BigEndian(span.Slice(35), baseTimestamp + values.Count - 1);
            BinaryPrimitives.WriteInt64BigEndian(span.Slice(43), producerId);
            BinaryPrimitives.WriteInt16BigEndian(span.Slice(51), producerEpoch);
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(53), baseSequence);
            BinaryPrimitives.WriteInt32BigEndian(span.Slice(57), values.Count);
            records.CopyTo(batch, RecordBatchLayout.HeaderSize);
            BinaryPrimitives.WriteUInt32BigEndian(span.Slice(17), Crc32C.Compute(span.Slice(21)));
            return batch;
        }

        private static void WriteVarlong(List<byte> into, long value)
        {
            var zigzag = (ulong)((value << 1) ^ (value >> 63));
            while (zigzag >= 0x80)
            {
                into.Add((byte)(zigzag | 0x80));
                zigzag >>= 7;
            }

            into.Add((byte)zigzag);
        }

        /// <summary>A Produce v7 request for one partition.</summary>
        public static RequestBuilder ProduceRequest(int correlationId, string topic, int partition, byte[]? batch, short acks = -1) =>
            new RequestBuilder(0, 7, correlationId)
                .String(null).Int16(acks).Int32(10000)
                .Int32(1).String(topic)
                .Int32(1).Int32(partition).Bytes(batch);

        /// <summary>Reads a Produce v7 response for one partition: (error, base offset).</summary>
        public static (short Error, long BaseOffset) ReadProduceResponse(Mm2Dr.Lab.Protocol.KafkaReader reader)
        {
            reader.ReadInt32();
            reader.ReadString();
            reader.ReadInt32();
            reader.ReadInt32();
            var error = reader.ReadInt16();
            var baseOffset = reader.ReadInt64();
            return (error, baseOffset);
        }
    }
}

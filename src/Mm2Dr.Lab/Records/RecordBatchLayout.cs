using System;
using System.Buffers.Binary;

namespace Mm2Dr.Lab.Records
{
    /// <summary>
    /// Field positions of a magic-2 record batch (k39 DefaultRecordBatch.java:44-129) and accessors that read or patch
    /// them in place. The broker never re-encodes a batch: it validates, patches BaseOffset (outside the CRC) and stores.
    /// </summary>
    internal static class RecordBatchLayout
    {
        public const int BaseOffsetAt = 0;
        public const int BatchLengthAt = 8;
        public const int PartitionLeaderEpochAt = 12;
        public const int MagicAt = 16;
        public const int CrcAt = 17;
        public const int AttributesAt = 21;
        public const int LastOffsetDeltaAt = 23;
        public const int BaseTimestampAt = 27;
        public const int MaxTimestampAt = 35;
        public const int ProducerIdAt = 43;
        public const int ProducerEpochAt = 51;
        public const int BaseSequenceAt = 53;
        public const int RecordCountAt = 57;
        public const int HeaderSize = 61;

        /// <summary>Bytes before the BatchLength-counted part: BaseOffset and BatchLength themselves.</summary>
        public const int LogOverhead = 12;

        public const int CompressionMask = 0x07;
        public const int TimestampTypeLogAppendTime = 0x08;
        public const int TransactionalFlag = 0x10;
        public const int ControlFlag = 0x20;

        public static long BaseOffset(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch.Slice(BaseOffsetAt));

        public static int BatchLength(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch.Slice(BatchLengthAt));

        public static sbyte Magic(ReadOnlySpan<byte> batch) => (sbyte)batch[MagicAt];

        public static uint Crc(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadUInt32BigEndian(batch.Slice(CrcAt));

        public static short Attributes(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt16BigEndian(batch.Slice(AttributesAt));

        public static int LastOffsetDelta(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch.Slice(LastOffsetDeltaAt));

        public static long BaseTimestamp(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch.Slice(BaseTimestampAt));

        public static long MaxTimestamp(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch.Slice(MaxTimestampAt));

        public static long ProducerId(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt64BigEndian(batch.Slice(ProducerIdAt));

        public static short ProducerEpoch(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt16BigEndian(batch.Slice(ProducerEpochAt));

        public static int BaseSequence(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch.Slice(BaseSequenceAt));

        public static int RecordCount(ReadOnlySpan<byte> batch) => BinaryPrimitives.ReadInt32BigEndian(batch.Slice(RecordCountAt));

        public static int Codec(ReadOnlySpan<byte> batch) => Attributes(batch) & CompressionMask;

        public static bool IsLogAppendTime(ReadOnlySpan<byte> batch) => (Attributes(batch) & TimestampTypeLogAppendTime) != 0;

        /// <summary>CRC-32C over attributes→end (k39 DefaultRecordBatch.java:65-69, 397-399).</summary>
        public static uint ComputeCrc(ReadOnlySpan<byte> batch) => Crc32C.Compute(batch.Slice(AttributesAt));

        /// <summary>The same over a batch in an array, which lets the hardware CRC path run.</summary>
        public static uint ComputeCrc(byte[] array, int offset, int length) =>
            Crc32C.Compute(array, offset + AttributesAt, length - AttributesAt);

        public static void SetBaseOffset(Span<byte> batch, long baseOffset) => BinaryPrimitives.WriteInt64BigEndian(batch.Slice(BaseOffsetAt), baseOffset);

        public static void SetPartitionLeaderEpoch(Span<byte> batch, int epoch) => BinaryPrimitives.WriteInt32BigEndian(batch.Slice(PartitionLeaderEpochAt), epoch);

        /// <summary>
        /// Turns a CreateTime batch into a LogAppendTime one: these bytes are inside the CRC, so it is recomputed, as
        /// Kafka's setMaxTimestamp does (k39 DefaultRecordBatch.java:370-381, LogValidator.java:286-291).
        /// </summary>
        public static void StampLogAppendTime(byte[] array, int offset, int length, long timestamp)
        {
            var batch = new Span<byte>(array, offset, length);
            var attributes = (short)(Attributes(batch) | TimestampTypeLogAppendTime);
            BinaryPrimitives.WriteInt16BigEndian(batch.Slice(AttributesAt), attributes);
            BinaryPrimitives.WriteInt64BigEndian(batch.Slice(MaxTimestampAt), timestamp);
            BinaryPrimitives.WriteUInt32BigEndian(batch.Slice(CrcAt), ComputeCrc(array, offset, length));
        }
    }
}

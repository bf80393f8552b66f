using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Byte-exact encoding of MM2 offset-sync records (OffsetSync.KEY_SCHEMA, VALUE_SCHEMA).
    /// Key: STRING topic, INT32 partition. Value: INT64 upstreamOffset, INT64 offset — no version header.
    /// </summary>
    public static class OffsetSyncCodec
    {
        public static byte[] EncodeKey(OffsetSync sync)
        {
            if (sync == null)
            {
                throw new ArgumentNullException(nameof(sync));
            }

            var writer = KafkaSchemaWriter.WithCapacity(KafkaSchemaWriter.SizeOfString(sync.Topic, "topic") + 4);
            writer.WriteString(sync.Topic);
            writer.WriteInt32(sync.Partition);
            return writer.ToArray();
        }

        public static byte[] EncodeValue(OffsetSync sync)
        {
            if (sync == null)
            {
                throw new ArgumentNullException(nameof(sync));
            }

            var writer = KafkaSchemaWriter.WithCapacity(16);
            writer.WriteInt64(sync.UpstreamOffset);
            writer.WriteInt64(sync.DownstreamOffset);
            return writer.ToArray();
        }

        public static OffsetSync Decode(byte[]? key, byte[]? value, RecordLocation location = default)
        {
            NullBytes.Reject(key, value, Mm2RecordKind.OffsetSync, location);

            // Key before value, in MM2's order (OffsetSync.deserializeRecord).
            var keyReader = new KafkaSchemaReader(key!, Mm2RecordKind.OffsetSync, RecordPart.Key, location);
            var topic = keyReader.ReadString("topic");
            var partition = keyReader.ReadInt32("partition");

            var valueReader = new KafkaSchemaReader(value!, Mm2RecordKind.OffsetSync, RecordPart.Value, location);
            var upstream = valueReader.ReadInt64("upstreamOffset");
            var downstream = valueReader.ReadInt64("offset");
            return new OffsetSync(topic, partition, upstream, downstream);
        }

        public static OffsetSync Decode(in RawRecord record) => Decode(record.Key, record.Value, record.Location);
    }
}

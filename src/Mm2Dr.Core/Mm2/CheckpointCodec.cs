using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Byte-exact encoding of MM2 checkpoint records (Checkpoint.KEY_SCHEMA, HEADER_SCHEMA + VALUE_SCHEMA_V0).
    /// Key: STRING group, STRING topic, INT32 partition. Value: INT16 version, INT64 upstreamOffset, INT64 offset, STRING metadata.
    /// </summary>
    public static class CheckpointCodec
    {
        public static byte[] EncodeKey(Checkpoint checkpoint)
        {
            if (checkpoint == null)
            {
                throw new ArgumentNullException(nameof(checkpoint));
            }

            var size = KafkaSchemaWriter.SizeOfString(checkpoint.ConsumerGroupId, "group")
                       + KafkaSchemaWriter.SizeOfString(checkpoint.Topic, "topic")
                       + 4;
            var writer = KafkaSchemaWriter.WithCapacity(size);
            writer.WriteString(checkpoint.ConsumerGroupId);
            writer.WriteString(checkpoint.Topic);
            writer.WriteInt32(checkpoint.Partition);
            return writer.ToArray();
        }

        /// <summary>Writes <see cref="Checkpoint.Version"/> as the header, then the version-0 fields.</summary>
        public static byte[] EncodeValue(Checkpoint checkpoint)
        {
            if (checkpoint == null)
            {
                throw new ArgumentNullException(nameof(checkpoint));
            }

            var size = 2 + 8 + 8 + KafkaSchemaWriter.SizeOfString(checkpoint.Metadata, "metadata");
            var writer = KafkaSchemaWriter.WithCapacity(size);
            writer.WriteInt16(checkpoint.Version);
            writer.WriteInt64(checkpoint.UpstreamOffset);
            writer.WriteInt64(checkpoint.DownstreamOffset);
            writer.WriteString(checkpoint.Metadata);
            return writer.ToArray();
        }

        /// <summary>Decodes a checkpoint; throws <see cref="Mm2RecordFormatException"/> naming the record and field on malformed bytes.</summary>
        public static Checkpoint Decode(byte[]? key, byte[]? value, RecordLocation location = default) => Decode(key, value, location, null);

        /// <summary>Decoding with group and topic names shared through <paramref name="names"/> (one string per distinct name).</summary>
        internal static Checkpoint Decode(byte[]? key, byte[]? value, RecordLocation location, Utf8NamePool? names)
        {
            NullBytes.Reject(key, value, Mm2RecordKind.Checkpoint, location);

            // Value before key, in MM2's order, so that a record broken in both places reports the same problem.
            var valueReader = new KafkaSchemaReader(value!, Mm2RecordKind.Checkpoint, RecordPart.Value, location);
            var version = valueReader.ReadInt16("version");
            var upstream = valueReader.ReadInt64("upstreamOffset");
            var downstream = valueReader.ReadInt64("offset");
            var metadata = valueReader.ReadString("metadata");

            var keyReader = new KafkaSchemaReader(key!, Mm2RecordKind.Checkpoint, RecordPart.Key, location);
            var group = keyReader.ReadString("group", names);
            var topic = keyReader.ReadString("topic", names);
            var partition = keyReader.ReadInt32("partition");

            return new Checkpoint(group, topic, partition, upstream, downstream, metadata) { Version = version };
        }

        public static Checkpoint Decode(in RawRecord record) => Decode(record.Key, record.Value, record.Location);
    }
}

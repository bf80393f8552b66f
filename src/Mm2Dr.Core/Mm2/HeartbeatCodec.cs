using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Byte-exact encoding of MM2 heartbeat records (Heartbeat.KEY_SCHEMA, HEADER_SCHEMA + VALUE_SCHEMA_V0).
    /// Key: STRING sourceClusterAlias, STRING targetClusterAlias. Value: INT16 version, INT64 timestamp.
    /// </summary>
    public static class HeartbeatCodec
    {
        public static byte[] EncodeKey(Heartbeat heartbeat)
        {
            if (heartbeat == null)
            {
                throw new ArgumentNullException(nameof(heartbeat));
            }

            var size = KafkaSchemaWriter.SizeOfString(heartbeat.SourceClusterAlias, "sourceClusterAlias")
                       + KafkaSchemaWriter.SizeOfString(heartbeat.TargetClusterAlias, "targetClusterAlias");
            var writer = KafkaSchemaWriter.WithCapacity(size);
            writer.WriteString(heartbeat.SourceClusterAlias);
            writer.WriteString(heartbeat.TargetClusterAlias);
            return writer.ToArray();
        }

        public static byte[] EncodeValue(Heartbeat heartbeat)
        {
            if (heartbeat == null)
            {
                throw new ArgumentNullException(nameof(heartbeat));
            }

            var writer = KafkaSchemaWriter.WithCapacity(10);
            writer.WriteInt16(heartbeat.Version);
            writer.WriteInt64(heartbeat.TimestampMs);
            return writer.ToArray();
        }

        public static Heartbeat Decode(byte[]? key, byte[]? value, RecordLocation location = default)
        {
            NullBytes.Reject(key, value, Mm2RecordKind.Heartbeat, location);

            // Value before key, in MM2's order (Heartbeat.deserializeRecord).
            var valueReader = new KafkaSchemaReader(value!, Mm2RecordKind.Heartbeat, RecordPart.Value, location);
            var version = valueReader.ReadInt16("version");
            var timestamp = valueReader.ReadInt64("timestamp");

            var keyReader = new KafkaSchemaReader(key!, Mm2RecordKind.Heartbeat, RecordPart.Key, location);
            var source = keyReader.ReadString("sourceClusterAlias");
            var target = keyReader.ReadString("targetClusterAlias");
            return new Heartbeat(source, target, timestamp) { Version = version };
        }

        public static Heartbeat Decode(in RawRecord record) => Decode(record.Key, record.Value, record.Location);
    }
}

using System;
using System.Buffers.Binary;
using System.Text;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Reads the legacy Kafka protocol primitives MM2 serializes with (org.apache.kafka.common.protocol.types):
    /// big-endian INT16/INT32/INT64 and STRING = INT16 byte length + UTF-8. Fields are read in declaration order;
    /// bytes left over after the last field are ignored, as Kafka's Schema.read ignores them.
    /// A mutable struct so that decoding a record allocates nothing but the strings it returns.
    /// </summary>
    internal struct KafkaSchemaReader
    {
        // Strict: Java would silently turn invalid bytes into U+FFFD, but MM2 never writes invalid UTF-8, so invalid
        // bytes mean corruption, and a replaced group name would never match the group the user asked for anyway.
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly byte[] _buffer;
        private readonly Mm2RecordKind _kind;
        private readonly RecordPart _part;
        private readonly RecordLocation _location;
        private int _position;

        public KafkaSchemaReader(byte[] buffer, Mm2RecordKind kind, RecordPart part, RecordLocation location)
        {
            _buffer = buffer;
            _kind = kind;
            _part = part;
            _location = location;
            _position = 0;
        }

        public int Remaining => _buffer.Length - _position;

        public short ReadInt16(string field)
        {
            Require(2, field, "INT16");
            var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_buffer, _position, 2));
            _position += 2;
            return value;
        }

        public int ReadInt32(string field)
        {
            Require(4, field, "INT32");
            var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_buffer, _position, 4));
            _position += 4;
            return value;
        }

        public long ReadInt64(string field)
        {
            Require(8, field, "INT64");
            var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_buffer, _position, 8));
            _position += 8;
            return value;
        }

        public string ReadString(string field) => ReadString(field, null);

        /// <summary>Reads a STRING, taking repeated values from <paramref name="pool"/> instead of decoding them again.</summary>
        public string ReadString(string field, Utf8NamePool? pool)
        {
            Require(2, field, "STRING length");
            var length = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_buffer, _position, 2));
            if (length < 0)
            {
                // Kafka's STRING is never null: -1 (ffff) is an error here, unlike NULLABLE_STRING.
                throw Fail(field, $"string length {length} cannot be negative (hex {(ushort)length:x4}).");
            }

            _position += 2;
            if (length > Remaining)
            {
                throw Fail(field, $"string of length {length} needs {length} bytes, only {Remaining} available.");
            }

            if (length == 0)
            {
                return string.Empty;
            }

            var hash = 0;
            var pooled = pool?.Find(_buffer, _position, length, out hash);
            if (pooled != null)
            {
                _position += length;
                return pooled;
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(_buffer, _position, length);
            }
            catch (DecoderFallbackException e)
            {
                throw Fail(field, $"the {length} string bytes are not valid UTF-8.", e);
            }

            pool?.Add(_buffer, _position, length, hash, text);
            _position += length;
            return text;
        }

        private void Require(int bytes, string field, string typeName)
        {
            if (Remaining < bytes)
            {
                throw Fail(field, $"{typeName} needs {bytes} bytes at byte {_position}, only {Remaining} available (record {_part.ToString().ToLowerInvariant()} is {_buffer.Length} bytes).");
            }
        }

        private Mm2RecordFormatException Fail(string field, string problem, Exception? inner = null)
            => new Mm2RecordFormatException(_kind, _part, field, _location, problem, inner);
    }
}

using System;
using System.Buffers.Binary;
using System.Text;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Writes the legacy Kafka protocol primitives in declaration order with no framing, exactly as Kafka's
    /// Schema.write does, so that records we produce are indistinguishable from MM2's.
    /// </summary>
    internal struct KafkaSchemaWriter
    {
        // Strict: an unpaired surrogate cannot round-trip, so refuse it rather than write something else.
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly byte[] _buffer;
        private int _position;

        private KafkaSchemaWriter(int size)
        {
            _buffer = new byte[size];
            _position = 0;
        }

        public static KafkaSchemaWriter WithCapacity(int size) => new KafkaSchemaWriter(size);

        /// <summary>Encoded size of a STRING field: 2-byte length plus UTF-8 bytes.</summary>
        public static int SizeOfString(string value, string field)
        {
            if (value == null)
            {
                // Kafka's STRING type rejects null ("null is not a String").
                throw new ArgumentNullException(field, $"MM2 field '{field}' is a non-nullable STRING.");
            }

            int byteCount;
            try
            {
                byteCount = StrictUtf8.GetByteCount(value);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException($"MM2 field '{field}' contains text that is not valid Unicode: {e.Message}", field, e);
            }

            if (byteCount > short.MaxValue)
            {
                throw new ArgumentException($"MM2 field '{field}' is {byteCount} UTF-8 bytes; Kafka's STRING type allows at most {short.MaxValue}.", field);
            }

            return 2 + byteCount;
        }

        public void WriteInt16(short value)
        {
            BinaryPrimitives.WriteInt16BigEndian(new Span<byte>(_buffer, _position, 2), value);
            _position += 2;
        }

        public void WriteInt32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(new Span<byte>(_buffer, _position, 4), value);
            _position += 4;
        }

        public void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(new Span<byte>(_buffer, _position, 8), value);
            _position += 8;
        }

        /// <summary>Caller must have sized the buffer with <see cref="SizeOfString"/>, which validates the value.</summary>
        public void WriteString(string value)
        {
            var position = _position + 2;
            var written = StrictUtf8.GetBytes(value, 0, value.Length, _buffer, position);
            BinaryPrimitives.WriteInt16BigEndian(new Span<byte>(_buffer, _position, 2), (short)written);
            _position = position + written;
        }

        public byte[] ToArray()
        {
            if (_position != _buffer.Length)
            {
                throw new InvalidOperationException($"Encoded {_position} bytes into a buffer sized for {_buffer.Length}.");
            }

            return _buffer;
        }
    }
}

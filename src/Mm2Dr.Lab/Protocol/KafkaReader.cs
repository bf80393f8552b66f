using System;
using System.Buffers.Binary;
using System.Text;

namespace Mm2Dr.Lab.Protocol
{
    /// <summary>
    /// Reads Kafka's big-endian primitives from one request frame. Every read is bounds-checked so that a lying
    /// length prefix becomes a <see cref="MalformedRequestException"/> instead of a crash or a huge allocation.
    /// </summary>
    internal sealed class KafkaReader
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;

        public KafkaReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
        }

        public int Remaining => _end - _position;

        public byte[] Buffer => _buffer;

        public int Position => _position;

        private int Take(int count)
        {
            if (count < 0 || count > _end - _position)
            {
                throw new MalformedRequestException($"Request truncated: needed {count} bytes, {_end - _position} left.");
            }

            var at = _position;
            _position += count;
            return at;
        }

        public sbyte ReadInt8() => (sbyte)_buffer[Take(1)];

        public bool ReadBoolean() => _buffer[Take(1)] != 0;

        public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_buffer, Take(2), 2));

        public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_buffer, Take(4), 4));

        public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_buffer, Take(8), 8));

        public string ReadString()
        {
            var s = ReadNullableString();
            if (s == null)
            {
                throw new MalformedRequestException("A non-nullable string was null.");
            }

            return s;
        }

        public string? ReadNullableString()
        {
            var length = ReadInt16();
            if (length < 0)
            {
                return null;
            }

            var at = Take(length);
            return Encoding.UTF8.GetString(_buffer, at, length);
        }

        /// <summary>Nullable int32-length bytes as a view into the frame (no copy).</summary>
        public ArraySegment<byte>? ReadNullableBytes()
        {
            var length = ReadInt32();
            if (length < 0)
            {
                return null;
            }

            var at = Take(length);
            return new ArraySegment<byte>(_buffer, at, length);
        }

        public byte[] ReadBytesCopy()
        {
            var segment = ReadNullableBytes();
            if (segment == null)
            {
                return Array.Empty<byte>();
            }

            var copy = new byte[segment.Value.Count];
            System.Buffer.BlockCopy(_buffer, segment.Value.Offset, copy, 0, copy.Length);
            return copy;
        }

        /// <summary>An int32 array count; -1 means null. Each element needs at least <paramref name="minElementSize"/> bytes, which bounds the count by what is left.</summary>
        public int ReadArrayCount(int minElementSize = 1)
        {
            var count = ReadInt32();
            if (count < -1 || (count > 0 && (long)count * minElementSize > Remaining))
            {
                throw new MalformedRequestException($"Array count {count} does not fit in the {Remaining} bytes left.");
            }

            return count;
        }

        public uint ReadUnsignedVarint()
        {
            uint value = 0;
            for (var shift = 0; shift <= 28; shift += 7)
            {
                var b = _buffer[Take(1)];
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw new MalformedRequestException("Unsigned varint longer than 5 bytes.");
        }

        public string? ReadCompactNullableString()
        {
            var lengthPlusOne = ReadUnsignedVarint();
            if (lengthPlusOne == 0)
            {
                return null;
            }

            var length = checked((int)(lengthPlusOne - 1));
            var at = Take(length);
            return Encoding.UTF8.GetString(_buffer, at, length);
        }

        /// <summary>Skips a flexible-version tagged-field section; the lab broker knows no tags.</summary>
        public void SkipTaggedFields()
        {
            var count = ReadUnsignedVarint();
            for (var i = 0u; i < count; i++)
            {
                ReadUnsignedVarint();
                var size = ReadUnsignedVarint();
                if (size > int.MaxValue)
                {
                    throw new MalformedRequestException("Tagged field too large.");
                }

                Take((int)size);
            }
        }
    }
}

using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Mm2Dr.Lab.Protocol
{
    /// <summary>
    /// Builds one response frame. Most bytes go into a pooled buffer; stored record batches are attached by
    /// reference (<see cref="AppendBorrowed"/>) so that a fetch response sends log bytes without copying them.
    /// The first four bytes are the frame size, patched by <see cref="Complete"/>.
    /// </summary>
    internal sealed class ResponseWriter : IDisposable
    {
        private byte[] _buffer;
        private int _length;
        private int _segmentStart;
        private List<ArraySegment<byte>>? _segments;
        private long _borrowedBytes;

        public ResponseWriter(int correlationId, bool flexibleHeader, int initialCapacity = 256)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
            WriteInt32(0);
            WriteInt32(correlationId);
            if (flexibleHeader)
            {
                WriteUnsignedVarint(0);
            }
        }

        /// <summary>Body bytes written so far (owned plus borrowed), excluding the size prefix.</summary>
        public long BodyLength => _length - 4 + _borrowedBytes;

        private void Ensure(int extra)
        {
            if (_length + extra <= _buffer.Length)
            {
                return;
            }

            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
            System.Buffer.BlockCopy(_buffer, 0, bigger, 0, _length);
            // Segments already cut from the old buffer must keep pointing at live bytes, so re-point them.
            if (_segments != null)
            {
                for (var i = 0; i < _segments.Count; i++)
                {
                    var s = _segments[i];
                    if (s.Array == _buffer)
                    {
                        _segments[i] = new ArraySegment<byte>(bigger, s.Offset, s.Count);
                    }
                }
            }

            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        public void WriteInt8(sbyte value)
        {
            Ensure(1);
            _buffer[_length++] = (byte)value;
        }

        public void WriteBoolean(bool value) => WriteInt8(value ? (sbyte)1 : (sbyte)0);

        public void WriteInt16(short value)
        {
            Ensure(2);
            BinaryPrimitives.WriteInt16BigEndian(new Span<byte>(_buffer, _length, 2), value);
            _length += 2;
        }

        public void WriteInt32(int value)
        {
            Ensure(4);
            BinaryPrimitives.WriteInt32BigEndian(new Span<byte>(_buffer, _length, 4), value);
            _length += 4;
        }

        public void WriteInt64(long value)
        {
            Ensure(8);
            BinaryPrimitives.WriteInt64BigEndian(new Span<byte>(_buffer, _length, 8), value);
            _length += 8;
        }

        public void WriteString(string value) => WriteNullableString(value);

        public void WriteNullableString(string? value)
        {
            if (value == null)
            {
                WriteInt16(-1);
                return;
            }

            var count = Encoding.UTF8.GetByteCount(value);
            WriteInt16(checked((short)count));
            Ensure(count);
            Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length);
            _length += count;
        }

        public void WriteBytes(byte[] value) => WriteBytes(new ArraySegment<byte>(value));

        public void WriteBytes(ArraySegment<byte> value)
        {
            WriteInt32(value.Count);
            Ensure(value.Count);
            System.Buffer.BlockCopy(value.Array!, value.Offset, _buffer, _length, value.Count);
            _length += value.Count;
        }

        public void WriteArrayLength(int count) => WriteInt32(count);

        public void WriteUnsignedVarint(uint value)
        {
            Ensure(5);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[_length++] = (byte)value;
        }

        public void WriteEmptyTaggedFields() => WriteUnsignedVarint(0);

        /// <summary>Attaches bytes owned elsewhere (an immutable stored batch); they are sent in place.</summary>
        public void AppendBorrowed(ArraySegment<byte> bytes)
        {
            if (bytes.Count == 0)
            {
                return;
            }

            _segments ??= new List<ArraySegment<byte>>();
            if (_length > _segmentStart)
            {
                _segments.Add(new ArraySegment<byte>(_buffer, _segmentStart, _length - _segmentStart));
            }

            _segments.Add(bytes);
            _borrowedBytes += bytes.Count;
            _segmentStart = _length;
        }

        /// <summary>Patches the size prefix and returns the frame as the list of segments to send.</summary>
        public IList<ArraySegment<byte>> Complete()
        {
            var size = checked((int)(_length - 4 + _borrowedBytes));
            BinaryPrimitives.WriteInt32BigEndian(new Span<byte>(_buffer, 0, 4), size);
            if (_segments == null)
            {
                return new[] { new ArraySegment<byte>(_buffer, 0, _length) };
            }

            if (_length > _segmentStart)
            {
                _segments.Add(new ArraySegment<byte>(_buffer, _segmentStart, _length - _segmentStart));
                _segmentStart = _length;
            }

            return _segments;
        }

        /// <summary>The owned bytes written so far (no borrowed segments), for tests and diagnostics.</summary>
        public ArraySegment<byte> OwnedBytes => new ArraySegment<byte>(_buffer, 0, _length);

        public void Dispose()
        {
            var buffer = _buffer;
            _buffer = Array.Empty<byte>();
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}

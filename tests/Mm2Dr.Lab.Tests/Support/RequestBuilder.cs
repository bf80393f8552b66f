using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Writes Kafka request frames by hand, for the protocol paths Confluent.Kafka cannot reach.</summary>
    internal sealed class RequestBuilder
    {
        private readonly List<byte> _bytes = new List<byte>();

        public RequestBuilder(short apiKey, short apiVersion, int correlationId, string? clientId = "raw-test")
        {
            Int16(apiKey).Int16(apiVersion).Int32(correlationId).String(clientId);
        }

        public RequestBuilder Int8(sbyte v)
        {
            _bytes.Add((byte)v);
            return this;
        }

        public RequestBuilder Int16(short v)
        {
            var b = new byte[2];
            BinaryPrimitives.WriteInt16BigEndian(b, v);
            _bytes.AddRange(b);
            return this;
        }

        public RequestBuilder Int32(int v)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, v);
            _bytes.AddRange(b);
            return this;
        }

        public RequestBuilder Int64(long v)
        {
            var b = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(b, v);
            _bytes.AddRange(b);
            return this;
        }

        public RequestBuilder String(string? s)
        {
            if (s == null)
            {
                return Int16(-1);
            }

            var b = Encoding.UTF8.GetBytes(s);
            Int16((short)b.Length);
            _bytes.AddRange(b);
            return this;
        }

        public RequestBuilder Bytes(byte[]? b)
        {
            if (b == null)
            {
                return Int32(-1);
            }

            Int32(b.Length);
            _bytes.AddRange(b);
            return this;
        }

        public RequestBuilder Raw(params byte[] b)
        {
            _bytes.AddRange(b);
            return this;
        }

        /// <summary>The frame with its int32 size prefix.</summary>
        public byte[] Frame()
        {
            var frame = new byte[4 + _bytes.Count];
            BinaryPrimitives.WriteInt32BigEndian(frame, _bytes.Count);
            _bytes.CopyTo(frame, 4);
            return frame;
        }
    }
}

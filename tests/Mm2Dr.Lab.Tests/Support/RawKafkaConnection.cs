using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>A bare TCP connection to the broker: send frames, read response bodies (after the correlation id).</summary>
    internal sealed class RawKafkaConnection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;

        public RawKafkaConnection(LabBroker broker)
        {
            _client = new TcpClient();
            _client.Connect("127.0.0.1", broker.Port);
            _client.ReceiveTimeout = 10000;
            _stream = _client.GetStream();
        }

        public void Send(byte[] bytes) => _stream.Write(bytes, 0, bytes.Length);

        /// <summary>Reads one response; returns a reader positioned after the correlation id, which must match.</summary>
        public KafkaReader Receive(int expectedCorrelationId)
        {
            var sizeBytes = ReadExactly(4);
            var size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
            var body = ReadExactly(size);
            var reader = new KafkaReader(body, 0, body.Length);
            var correlationId = reader.ReadInt32();
            if (correlationId != expectedCorrelationId)
            {
                throw new InvalidDataException($"Correlation id {correlationId}, expected {expectedCorrelationId}.");
            }

            return reader;
        }

        public KafkaReader RoundTrip(RequestBuilder request, int correlationId)
        {
            Send(request.Frame());
            return Receive(correlationId);
        }

        /// <summary>True when the broker closed the connection (read returns end of stream or a reset).</summary>
        public bool IsClosedByBroker()
        {
            try
            {
                var buffer = new byte[1];
                return _stream.Read(buffer, 0, 1) == 0;
            }
            catch (IOException)
            {
                return true;
            }
        }

        private byte[] ReadExactly(int count)
        {
            var buffer = new byte[count];
            var read = 0;
            while (read < count)
            {
                var n = _stream.Read(buffer, read, count - read);
                if (n == 0)
                {
                    throw new EndOfStreamException("Broker closed the connection.");
                }

                read += n;
            }

            return buffer;
        }

        public void Dispose() => _client.Dispose();
    }
}

using System;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Hand-built requests and response readers for single-partition calls.</summary>
    internal static class RawRequests
    {
        public static (short Error, long HighWatermark, byte[] Records) Fetch(RawKafkaConnection connection, int correlationId, string topic, int partition, long offset, int maxBytes = 1 << 20, int maxWaitMs = 0)
        {
            var request = new RequestBuilder(1, 11, correlationId)
                .Int32(-1).Int32(maxWaitMs).Int32(1).Int32(maxBytes).Int8(0).Int32(0).Int32(-1)
                .Int32(1).String(topic).Int32(1).Int32(partition).Int32(-1).Int64(offset).Int64(-1).Int32(maxBytes)
                .Int32(0).String("");
            var reader = connection.RoundTrip(request, correlationId);
            reader.ReadInt32(); // throttle
            reader.ReadInt16(); // error
            reader.ReadInt32(); // session
            reader.ReadInt32(); // topics
            reader.ReadString();
            reader.ReadInt32(); // partitions
            reader.ReadInt32(); // index
            var error = reader.ReadInt16();
            var hwm = reader.ReadInt64();
            reader.ReadInt64(); // lso
            reader.ReadInt64(); // log start
            reader.ReadInt32(); // aborted (empty)
            reader.ReadInt32(); // preferred replica
            var records = reader.ReadNullableBytes();
            return (error, hwm, records?.ToArray() ?? Array.Empty<byte>());
        }

        public static (short Error, long Timestamp, long Offset) ListOffsets(RawKafkaConnection connection, int correlationId, string topic, int partition, long timestamp, short version = 5)
        {
            var request = new RequestBuilder(2, version, correlationId).Int32(-1);
            if (version >= 2)
            {
                request.Int8(0);
            }

            request.Int32(1).String(topic).Int32(1).Int32(partition);
            if (version >= 4)
            {
                request.Int32(-1);
            }

            request.Int64(timestamp);
            var reader = connection.RoundTrip(request, correlationId);
            if (version >= 2)
            {
                reader.ReadInt32();
            }

            reader.ReadInt32();
            reader.ReadString();
            reader.ReadInt32();
            reader.ReadInt32();
            var error = reader.ReadInt16();
            return (error, reader.ReadInt64(), reader.ReadInt64());
        }

        public static long InitProducerId(RawKafkaConnection connection, int correlationId)
        {
            var reader = connection.RoundTrip(new RequestBuilder(22, 1, correlationId).String(null).Int32(-1), correlationId);
            reader.ReadInt32();
            Xunit.Assert.Equal(0, reader.ReadInt16());
            var producerId = reader.ReadInt64();
            Xunit.Assert.Equal(0, reader.ReadInt16());
            return producerId;
        }

        public static (short Error, long BaseOffset) Produce(RawKafkaConnection connection, int correlationId, string topic, int partition, byte[]? batch) =>
            TestRecordBatch.ReadProduceResponse(connection.RoundTrip(TestRecordBatch.ProduceRequest(correlationId, topic, partition, batch), correlationId));
    }
}

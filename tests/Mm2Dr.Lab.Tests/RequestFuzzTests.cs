using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>
    /// Throws junk at the request parser — random bytes, truncated frames, lying lengths, huge size prefixes, unknown
    /// keys and byte-flipped copies of valid requests — and checks that the broker keeps serving and the stored data
    /// stays exactly as it was. Seeded, so a failure reproduces.
    /// </summary>
    public class RequestFuzzTests : BrokerTest
    {
        private const int Seed = 20240601;
        private const int Connections = 400;

        private static List<byte[]> ValidRequests() => new List<byte[]>
        {
            new RequestBuilder(18, 3, 1).Raw(0).Raw(1).Raw(1).Raw(0).Frame(),
            new RequestBuilder(3, 8, 1).Int32(1).String("fuzz-scratch").Int8(1).Int8(0).Int8(0).Frame(),
            new RequestBuilder(3, 1, 1).Int32(-1).Frame(),
            TestRecordBatch.ProduceRequest(1, "fuzz-scratch", 0, TestRecordBatch.Build(new[] { "junk" }, 1)).Frame(),
            new RequestBuilder(1, 11, 1).Int32(-1).Int32(50).Int32(1).Int32(1000).Int8(0).Int32(0).Int32(-1)
                .Int32(1).String("precious").Int32(1).Int32(0).Int32(-1).Int64(0).Int64(-1).Int32(1000).Int32(0).String("").Frame(),
            new RequestBuilder(2, 5, 1).Int32(-1).Int8(0).Int32(1).String("precious").Int32(1).Int32(0).Int32(-1).Int64(-2).Frame(),
            new RequestBuilder(10, 2, 1).String("fuzz-group").Int8(0).Frame(),
            new RequestBuilder(11, 5, 1).String("fuzz-group").Int32(6000).Int32(100).String("").String(null).String("consumer")
                .Int32(1).String("range").Bytes(new byte[] { 0, 0, 0, 0, 0, 1, 0, 1, (byte)'x', 0, 0, 0, 0 }).Frame(),
            new RequestBuilder(14, 3, 1).String("fuzz-group").Int32(1).String("m").String(null).Int32(0).Frame(),
            new RequestBuilder(12, 3, 1).String("fuzz-group").Int32(1).String("m").String(null).Frame(),
            new RequestBuilder(8, 7, 1).String("fuzz-group").Int32(-1).String("").String(null)
                .Int32(1).String("fuzz-scratch").Int32(1).Int32(0).Int64(1).Int32(-1).String("meta").Frame(),
            new RequestBuilder(9, 5, 1).String("fuzz-group").Int32(-1).Frame(),
            new RequestBuilder(15, 4, 1).Int32(1).String("fuzz-group").Int8(0).Frame(),
            new RequestBuilder(16, 2, 1).Frame(),
            new RequestBuilder(19, 4, 1).Int32(1).String("fuzz-created").Int32(2).Int16(1).Int32(0).Int32(0).Int32(1000).Int8(0).Frame(),
            new RequestBuilder(32, 1, 1).Int32(1).Int8(2).String("fuzz-scratch").Int32(-1).Int8(0).Frame(),
            new RequestBuilder(22, 1, 1).String(null).Int32(-1).Frame(),
            new RequestBuilder(47, 0, 1).String("fuzz-group").Int32(1).String("fuzz-scratch").Int32(1).Int32(0).Frame(),
        };

        private static byte[] Junk(Random random, List<byte[]> valid)
        {
            switch (random.Next(7))
            {
                case 0: // random bytes, no framing at all
                    return Bytes(random, random.Next(1, 300));
                case 1: // a plausible size prefix and random body
                {
                    var body = Bytes(random, random.Next(0, 300));
                    return Prefix(body.Length).Concat(body).ToArray();
                }

                case 2: // a valid request, truncated
                {
                    var v = valid[random.Next(valid.Count)];
                    return v.Take(random.Next(1, v.Length)).ToArray();
                }

                case 3: // a valid request whose size prefix lies
                {
                    var v = (byte[])valid[random.Next(valid.Count)].Clone();
                    Prefix(Math.Max(0, v.Length - 4 + random.Next(-20, 20))).CopyTo(v, 0);
                    return v;
                }

                case 4: // huge or negative size prefix
                    return Prefix(random.Next(2) == 0 ? int.MaxValue - random.Next(1000) : -random.Next(1, int.MaxValue)).Concat(Bytes(random, 16)).ToArray();
                case 5: // unknown API key or version in an otherwise fine frame
                {
                    var body = new RequestBuilder((short)random.Next(-5, 200), (short)random.Next(-2, 40), 1).Raw(Bytes(random, random.Next(0, 50))).Frame();
                    return body;
                }

                default: // a valid request with some bytes flipped (length fields included)
                {
                    var v = (byte[])valid[random.Next(valid.Count)].Clone();
                    var flips = random.Next(1, 6);
                    for (var i = 0; i < flips; i++)
                    {
                        v[random.Next(4, v.Length)] = (byte)random.Next(256);
                    }

                    return v;
                }
            }
        }

        private static byte[] Bytes(Random random, int count)
        {
            var b = new byte[count];
            random.NextBytes(b);
            return b;
        }

        private static byte[] Prefix(int size) => new[] { (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size };

        [Fact]
        public void Junk_requests_never_stop_the_broker_or_touch_stored_data()
        {
            var log = new LogCollector();
            using var broker = StartBroker(o =>
            {
                o.MaxRequestBytes = 1 << 20;
                o.Log = log.Add;
            });
            Clients.CreateTopic(broker, "precious", 1);
            Clients.CreateTopic(broker, "fuzz-scratch", 1);
            using (var raw = new RawKafkaConnection(broker))
            {
                for (var i = 0; i < 10; i++)
                {
                    Assert.Equal(0, RawRequests.Produce(raw, i, "precious", 0, TestRecordBatch.Build(new[] { "p" + i, "q" + i }, 1000 + i)).Error);
                }
            }

            byte[] before;
            using (var raw = new RawKafkaConnection(broker))
            {
                before = RawRequests.Fetch(raw, 1, "precious", 0, 0).Records;
            }

            var random = new Random(Seed);
            var valid = ValidRequests();
            var inputs = Enumerable.Range(0, Connections).Select(_ => Junk(random, valid)).ToList();
            Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, input =>
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", broker.Port);
                client.ReceiveTimeout = 2000;
                var stream = client.GetStream();
                try
                {
                    stream.Write(input, 0, input.Length);
                    // End of stream tells the broker no more bytes are coming, so it answers what it can and closes.
                    client.Client.Shutdown(SocketShutdown.Send);
                    var sink = new byte[4096];
                    while (stream.Read(sink, 0, sink.Length) > 0)
                    {
                    }
                }
                catch (IOException)
                {
                    // Reset by the broker, or nothing more to read: both fine.
                }
            });

            Assert.True(broker.IsUp);
            // Junk is refused by the decoder, never by the catch-all that guards against bugs.
            Assert.Contains(log.Lines, l => l.StartsWith("Closing", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Lines, l => l.Contains("unexpected error"));
            using (var raw = new RawKafkaConnection(broker))
            {
                Assert.Equal(before, RawRequests.Fetch(raw, 1, "precious", 0, 0).Records);
                Assert.Equal((0, -1L, 20L), RawRequests.ListOffsets(raw, 2, "precious", 0, -1));
                Assert.Equal((0, 20L), RawRequests.Produce(raw, 3, "precious", 0, TestRecordBatch.Build(new[] { "after" }, 5000)));
            }

            var read = Clients.ReadPartition(broker, "precious", 0, 21);
            Assert.Equal(Enumerable.Range(0, 10).SelectMany(i => new[] { "p" + i, "q" + i }).Append("after"), read.Select(r => r.Message.Value));
        }
    }
}

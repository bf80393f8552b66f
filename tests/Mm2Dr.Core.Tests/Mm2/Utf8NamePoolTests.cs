using System.Linq;
using System.Text;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class Utf8NamePoolTests
    {
        private static string Read(Utf8NamePool pool, string text)
        {
            var bytes = Encoding.UTF8.GetBytes("xx" + text + "yy");
            var found = pool.Find(bytes, 2, bytes.Length - 4, out var hash);
            if (found != null)
            {
                return found;
            }

            var decoded = Encoding.UTF8.GetString(bytes, 2, bytes.Length - 4);
            pool.Add(bytes, 2, bytes.Length - 4, hash, decoded);
            return decoded;
        }

        [Fact]
        public void The_same_bytes_give_the_same_string_instance()
        {
            var pool = new Utf8NamePool();
            var first = Read(pool, "group-1");
            Assert.Same(first, Read(pool, "group-1"));
            Assert.NotSame(first, Read(pool, "group-2"));
            Assert.Equal("group-2", Read(pool, "group-2"));
            Assert.Equal(2, pool.Count);
        }

        [Fact]
        public void Many_names_survive_growth_and_stay_distinct()
        {
            var pool = new Utf8NamePool();
            var names = Enumerable.Range(0, 50_000).Select(i => $"g{i}").ToArray();
            var pooled = names.Select(n => Read(pool, n)).ToArray();
            Assert.Equal(names, names.Select(n => Read(pool, n)));
            Assert.All(Enumerable.Range(0, names.Length), i => Assert.Same(pooled[i], Read(pool, names[i])));
            Assert.Equal(50_000, pool.Count);
        }

        [Fact]
        public void Beyond_the_cap_names_are_decoded_but_not_kept()
        {
            var pool = new Utf8NamePool(maxNames: 2);
            Read(pool, "a");
            Read(pool, "b");
            var c = Read(pool, "c");
            Assert.Equal("c", c);
            Assert.NotSame(c, Read(pool, "c"));
            Assert.Equal(2, pool.Count);
        }

        [Fact]
        public void Invalid_utf8_is_still_rejected_when_names_are_pooled()
        {
            var accumulator = new CheckpointAccumulator();
            var good = new Checkpoint("g", "t", 0, 1, 1, "");
            accumulator.Add(new RawRecord(CheckpointCodec.EncodeKey(good), CheckpointCodec.EncodeValue(good), default));
            accumulator.Add(new RawRecord(GoldenVectors.Bytes("0002c328" + "0001" + "74" + "00000000"), CheckpointCodec.EncodeValue(good), default));
            accumulator.Add(new RawRecord(GoldenVectors.Bytes("0002c328" + "0001" + "74" + "00000000"), CheckpointCodec.EncodeValue(good), default));
            var snapshot = accumulator.Complete();
            Assert.Equal(2, snapshot.Decode.CorruptSkipped);
            Assert.Equal(1, snapshot.Count);
        }
    }
}

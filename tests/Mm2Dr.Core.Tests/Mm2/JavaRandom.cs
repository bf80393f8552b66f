using System.Collections.Generic;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>
    /// java.util.Random (48-bit LCG, documented in its javadoc), so that tests ported from Kafka feed the exact inputs
    /// Kafka's own tests use with "new Random(0L)".
    /// </summary>
    internal sealed class JavaRandom
    {
        private const long Multiplier = 0x5DEECE66DL;
        private const long Addend = 0xBL;
        private const long Mask = (1L << 48) - 1;
        private long _seed;

        public JavaRandom(long seed)
        {
            _seed = (seed ^ Multiplier) & Mask;
        }

        private int Next(int bits)
        {
            _seed = unchecked((_seed * Multiplier) + Addend) & Mask;
            return (int)((ulong)_seed >> (48 - bits));
        }

        public long NextLong() => unchecked(((long)Next(32) << 32) + Next(32));

        public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * (1.0 / (1L << 53));

        /// <summary>Random.longs(streamSize, origin, bound): each element is RandomSupport.boundedNextLong(origin, bound).</summary>
        public IEnumerable<long> Longs(long count, long origin, long bound)
        {
            for (long k = 0; k < count; k++)
            {
                yield return BoundedNextLong(origin, bound);
            }
        }

        /// <summary>Random.doubles(): an endless stream of nextDouble().</summary>
        public IEnumerable<double> Doubles()
        {
            while (true)
            {
                yield return NextDouble();
            }
        }

        private long BoundedNextLong(long origin, long bound)
        {
            var r = NextLong();
            if (origin < bound)
            {
                var n = unchecked(bound - origin);
                var m = n - 1;
                if ((n & m) == 0L)
                {
                    r = (r & m) + origin;
                }
                else if (n > 0L)
                {
                    // Rejection sampling on the unsigned-shifted value, as Java does.
                    var u = (long)((ulong)r >> 1);
                    while (unchecked(u + m - (r = u % n)) < 0L)
                    {
                        u = (long)((ulong)NextLong() >> 1);
                    }

                    r += origin;
                }
                else
                {
                    while (r < origin || r >= bound)
                    {
                        r = NextLong();
                    }
                }
            }

            return r;
        }
    }
}

using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>Epoch-millisecond conversions that do not throw on the arbitrary longs a corrupted record can carry.</summary>
    internal static class EpochMilliseconds
    {
        private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
        private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

        public static DateTimeOffset? ToDateTimeOffset(long milliseconds)
            => milliseconds < Min || milliseconds > Max ? null : DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}

using System.Diagnostics;

namespace Mm2Dr.Lab
{
    /// <summary>Milliseconds that never jump with wall-clock changes, for session and rebalance deadlines.</summary>
    internal static class MonotonicClock
    {
        public static long NowMs => Stopwatch.GetTimestamp() * 1000 / Stopwatch.Frequency;
    }
}

using System;
using System.Diagnostics;
using System.Threading;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Waits for a condition with a deadline; the only way tests synchronise with clients and the broker.</summary>
    internal static class Eventually
    {
        public static void True(Func<bool> condition, string what, int timeoutMs = 30000)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.ElapsedMilliseconds > timeoutMs)
                {
                    throw new TimeoutException($"Timed out after {timeoutMs} ms waiting for: {what}");
                }

                Thread.Sleep(20);
            }
        }
    }
}

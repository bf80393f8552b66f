using System;

namespace Mm2Dr.Core.Produce
{
    /// <summary>A snapshot of a running producer, for Write-Progress.</summary>
    public sealed class ProducerProgress
    {
        public ProducerProgress(long sent, long delivered, long failed, long? total, TimeSpan elapsed, TimeSpan? duration)
        {
            Sent = sent;
            Delivered = delivered;
            Failed = failed;
            Total = total;
            Elapsed = elapsed;
            Duration = duration;
        }

        public long Sent { get; }

        public long Delivered { get; }

        public long Failed { get; }

        public long? Total { get; }

        public TimeSpan Elapsed { get; }

        public TimeSpan? Duration { get; }

        public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Delivered / Elapsed.TotalSeconds : 0;

        /// <summary>0-100, by count or by time, whichever is further along; -1 when unknown.</summary>
        public int PercentComplete
        {
            get
            {
                double byCount = Total is long t && t > 0 ? (double)Sent / t : 0;
                double byTime = Duration is TimeSpan d && d > TimeSpan.Zero ? Elapsed.TotalMilliseconds / d.TotalMilliseconds : 0;
                var p = Math.Max(byCount, byTime);
                return Total == null && Duration == null ? -1 : (int)Math.Min(100, Math.Round(p * 100));
            }
        }
    }
}

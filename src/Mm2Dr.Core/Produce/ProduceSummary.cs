using System;

namespace Mm2Dr.Core.Produce
{
    /// <summary>The end of a producer run: counts, time and rate. Sent = Delivered + Failed once the run completes.</summary>
    public sealed class ProduceSummary
    {
        public string Cluster { get; set; } = "";

        public string BootstrapServers { get; set; } = "";

        public string Topic { get; set; } = "";

        public long Sent { get; set; }

        public long Delivered { get; set; }

        public long Failed { get; set; }

        /// <summary>Messages whose fate is unknown because the run was stopped before librdkafka reported them.</summary>
        public long Unconfirmed { get; set; }

        public long Bytes { get; set; }

        public TimeSpan Elapsed { get; set; }

        public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round(Delivered / Elapsed.TotalSeconds, 1) : 0;

        public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round(Bytes / 1048576.0 / Elapsed.TotalSeconds, 2) : 0;

        public string? FirstError { get; set; }

        public bool Stopped { get; set; }

        public override string ToString() => $"{Topic}: sent {Sent}, delivered {Delivered}, failed {Failed} in {Elapsed.TotalSeconds:0.00} s ({MessagesPerSecond} msg/s)";
    }
}

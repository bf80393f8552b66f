using System;

namespace Mm2Dr.Core.Sites
{
    /// <summary>Whether a cluster answered one metadata request, how fast, and with how many brokers.</summary>
    public sealed class ClusterProbeResult
    {
        private ClusterProbeResult(bool answered, int? brokers, TimeSpan elapsed, string? error)
        {
            Answered = answered;
            Brokers = brokers;
            Elapsed = elapsed;
            Error = error;
        }

        public bool Answered { get; }

        public int? Brokers { get; }

        /// <summary>How long the request took (or until it failed).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Why it did not answer, already free of secrets; null when it answered.</summary>
        public string? Error { get; }

        public static ClusterProbeResult Success(int brokers, TimeSpan elapsed) => new ClusterProbeResult(true, brokers, elapsed, null);

        public static ClusterProbeResult Failure(string error, TimeSpan elapsed) => new ClusterProbeResult(false, null, elapsed, error);
    }
}

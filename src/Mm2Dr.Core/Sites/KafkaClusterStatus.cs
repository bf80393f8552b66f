using System;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Sites
{
    /// <summary>
    /// One cluster as an operator checks it during a drill: what its site says (running or stopped), whether it answered
    /// a metadata request, and the latency added on purpose.
    /// </summary>
    public sealed class KafkaClusterStatus
    {
        public KafkaClusterStatus(ClusterConnection cluster, string site, SiteClusterState state, ClusterProbeResult? probe, TimeSpan addedLatency, DateTimeOffset checkedAt)
        {
            if (cluster == null)
            {
                throw new ArgumentNullException(nameof(cluster));
            }

            Cluster = cluster.Alias;
            Role = cluster.Role;
            BootstrapServers = cluster.BootstrapServers;
            Site = site ?? throw new ArgumentNullException(nameof(site));
            State = state;
            Answering = probe?.Answered;
            Brokers = probe?.Brokers;
            ResponseTime = probe != null && probe.Answered ? probe.Elapsed : (TimeSpan?)null;
            AddedLatency = addedLatency;
            CheckedAt = checkedAt;
            Detail = Describe(state, probe, addedLatency);
        }

        /// <summary>The cluster's alias ("primary", "dr").</summary>
        public string Cluster { get; }

        public ClusterRole Role { get; }

        public string BootstrapServers { get; }

        /// <summary>The site that runs it: "lab", "docker", or "none" when the session cannot stop and start it.</summary>
        public string Site { get; }

        public SiteClusterState State { get; }

        /// <summary>Whether it answered a metadata request; null when not asked (a stopped cluster is not probed).</summary>
        public bool? Answering { get; }

        public int? Brokers { get; }

        /// <summary>How long the metadata request took, when it answered.</summary>
        public TimeSpan? ResponseTime { get; }

        /// <summary>Delay added to every response on purpose (Set-KafkaCluster -Latency); zero normally.</summary>
        public TimeSpan AddedLatency { get; }

        public DateTimeOffset CheckedAt { get; }

        public string Detail { get; }

        private static string Describe(SiteClusterState state, ClusterProbeResult? probe, TimeSpan latency)
        {
            var added = latency > TimeSpan.Zero ? $" Every response is delayed by {Inspection.Durations.Format(latency)} on purpose." : string.Empty;
            return state switch
            {
                SiteClusterState.Stopped => "Stopped: connections are refused; the data is kept. Start-KafkaCluster brings it back.",
                _ when probe == null => "Not asked." + added,
                _ when probe.Answered => $"Answers metadata ({probe.Brokers} broker(s)) in {Inspection.Durations.Format(probe.Elapsed)}." + added,
                SiteClusterState.Running => $"Running, but does not answer: {probe.Error}" + added,
                _ => $"Does not answer: {probe.Error}" + added,
            };
        }

        public override string ToString() => $"{Cluster}: {State}";
    }
}

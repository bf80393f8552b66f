using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Sites
{
    /// <summary>
    /// Outage control for drills: take a cluster down, bring it back and wait until it answers, show its state, slow it
    /// down. The site does the work; this class adds what an operator relies on: a start returns only once the cluster
    /// answers metadata (or fails with <see cref="ErrorIds.ClusterStartTimedOut"/>), and every wait ends on Ctrl+C.
    /// </summary>
    public sealed class ClusterControl
    {
        private static readonly TimeSpan LongestProbe = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan ShortestProbe = TimeSpan.FromMilliseconds(500);

        private readonly ISite _site;
        private readonly IClusterProbe _probe;
        private readonly IClock _clock;

        public ClusterControl(ISite site, IClusterProbe? probe = null, IClock? clock = null)
        {
            _site = site ?? throw new ArgumentNullException(nameof(site));
            _probe = probe ?? KafkaClusterProbe.Instance;
            _clock = clock ?? SystemClock.Instance;
        }

        /// <summary>Pause between two metadata requests while waiting for a started cluster.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

        public ISite Site => _site;

        /// <summary>The site's view, plus one metadata request when the site says the cluster runs.</summary>
        public KafkaClusterStatus Status(ClusterConnection cluster, TimeSpan probeTimeout, CancellationToken cancellation)
        {
            Require(cluster);
            var state = _site.GetState(cluster);
            var probe = state == SiteClusterState.Stopped ? null : _probe.Probe(cluster, probeTimeout, cancellation);
            return Snapshot(cluster, state, probe);
        }

        /// <summary>Takes the cluster down (a no-op when it already is) and returns its state afterwards.</summary>
        public KafkaClusterStatus Stop(ClusterConnection cluster, CancellationToken cancellation)
        {
            Require(cluster);
            _site.Stop(cluster, cancellation);
            return Snapshot(cluster, _site.GetState(cluster), null);
        }

        /// <summary>
        /// Brings the cluster back and waits until it answers a metadata request. A cluster that does not answer within
        /// <paramref name="timeout"/> is an error that says it was started: the operator must know it is not serving.
        /// </summary>
        public KafkaClusterStatus Start(ClusterConnection cluster, TimeSpan timeout, CancellationToken cancellation, Action<InspectionProgress>? progress = null)
        {
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
            }

            Require(cluster);
            var started = _clock.UtcNow;
            var deadline = started + timeout;
            progress?.Invoke(new InspectionProgress($"Starting cluster '{cluster.Alias}'", $"asking the {_site.Kind} site to start it", null));
            _site.Start(cluster, cancellation);

            var attempts = 0;
            ClusterProbeResult? last = null;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var remaining = deadline - _clock.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                attempts++;
                progress?.Invoke(new InspectionProgress($"Starting cluster '{cluster.Alias}'",
                    $"waiting for it to answer metadata at {cluster.BootstrapServers} (attempt {attempts})",
                    Math.Min(1.0, (_clock.UtcNow - started).TotalMilliseconds / timeout.TotalMilliseconds)));
                last = _probe.Probe(cluster, Clamp(remaining), cancellation);
                if (last.Answered)
                {
                    return Snapshot(cluster, _site.GetState(cluster), last);
                }

                if (_clock.UtcNow + PollInterval >= deadline)
                {
                    break;
                }

                // Waits on the token, so Ctrl+C ends the wait at once.
                if (cancellation.WaitHandle.WaitOne(PollInterval))
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            }

            throw new Mm2DrException(ErrorIds.ClusterStartTimedOut, ErrorKind.Timeout,
                $"Cluster '{cluster.Alias}' was started by the {_site.Kind} site but did not answer a metadata request at {cluster.BootstrapServers} within {Durations.Format(timeout)} "
                + $"({attempts} attempt(s)){(last?.Error != null ? ": " + last.Error : ".")} Check it with Get-KafkaClusterStatus, or give it longer with -TimeoutSec.",
                cluster.Alias);
        }

        /// <summary>Sets the latency added to every response of the cluster (zero removes it).</summary>
        public KafkaClusterStatus SetLatency(ClusterConnection cluster, TimeSpan latency)
        {
            if (latency < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(latency), latency, "Latency cannot be negative.");
            }

            Require(cluster);
            if (!_site.SupportsLatency)
            {
                throw new Mm2DrException(ErrorIds.FeatureNotSupported, ErrorKind.InvalidOperation,
                    $"The {_site.Kind} site cannot add latency to cluster '{cluster.Alias}'. Use Suspend-DrMirror to make replication lag grow instead.", cluster.Alias);
            }

            _site.SetLatency(cluster, latency);
            return Snapshot(cluster, _site.GetState(cluster), null);
        }

        /// <summary>A cluster no site of the session runs: only whether it answers (Site "none", State Unknown).</summary>
        public static KafkaClusterStatus Unmanaged(ClusterConnection cluster, TimeSpan probeTimeout, CancellationToken cancellation, IClusterProbe? probe = null, IClock? clock = null)
        {
            if (cluster == null)
            {
                throw new ArgumentNullException(nameof(cluster));
            }

            var result = (probe ?? KafkaClusterProbe.Instance).Probe(cluster, probeTimeout, cancellation);
            return new KafkaClusterStatus(cluster, "none", SiteClusterState.Unknown, result, TimeSpan.Zero, (clock ?? SystemClock.Instance).UtcNow);
        }

        /// <summary>The error for a cluster no site of the session runs.</summary>
        public static Mm2DrException NoSite(ClusterConnection cluster)
            => new Mm2DrException(ErrorIds.SiteNotAvailable, ErrorKind.InvalidOperation,
                $"No site of this session runs cluster '{cluster.Alias}' ({cluster.BootstrapServers}), so it cannot be stopped, started or slowed down from here. "
                + "This works on a DR lab (Start-DrLab) and on lab clusters of this session (Start-KafkaLabCluster); stop a real cluster with the tools of the place it runs.",
                cluster.Alias);

        private void Require(ClusterConnection cluster)
        {
            if (cluster == null)
            {
                throw new ArgumentNullException(nameof(cluster));
            }

            if (!_site.Controls(cluster))
            {
                throw NoSite(cluster);
            }
        }

        private KafkaClusterStatus Snapshot(ClusterConnection cluster, SiteClusterState state, ClusterProbeResult? probe)
            => new KafkaClusterStatus(cluster, _site.Kind, state, probe, _site.SupportsLatency ? _site.GetLatency(cluster) : TimeSpan.Zero, _clock.UtcNow);

        private static TimeSpan Clamp(TimeSpan remaining) => remaining > LongestProbe ? LongestProbe : remaining < ShortestProbe ? ShortestProbe : remaining;
    }
}

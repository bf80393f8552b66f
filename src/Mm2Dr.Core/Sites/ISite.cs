using System;
using System.Threading;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Sites
{
    /// <summary>
    /// Where the clusters of a DR environment run, and the power to take them down and bring them back: the seed's
    /// "docker stop kafka-1 zookeeper-1". The lab (embedded brokers) is one site; a container site is another. Commands
    /// never talk to a site directly: <see cref="ClusterControl"/> adds the checks around it (is the cluster answering,
    /// within what time).
    /// </summary>
    /// <remarks>
    /// A site only acts on the clusters it runs (<see cref="Controls"/>). Implementations throw
    /// <see cref="Errors.Mm2DrException"/> with the cluster alias as the target, and must honour the token in anything
    /// that can wait (a container stop can take seconds).
    /// </remarks>
    public interface ISite
    {
        /// <summary>Short name shown to users: "lab", "docker".</summary>
        string Kind { get; }

        /// <summary>One line about where the clusters run, e.g. "embedded lab brokers in this process".</summary>
        string Description { get; }

        /// <summary>Whether this site runs the cluster (matched by alias and bootstrap address).</summary>
        bool Controls(ClusterConnection cluster);

        /// <summary>What the site itself says about the cluster (process or container state), without asking Kafka.</summary>
        SiteClusterState GetState(ClusterConnection cluster);

        /// <summary>Takes the cluster down: clients are refused and dropped, data is kept.</summary>
        void Stop(ClusterConnection cluster, CancellationToken cancellation);

        /// <summary>Brings the cluster back with its data. Returns once the site has started it, not once it answers.</summary>
        void Start(ClusterConnection cluster, CancellationToken cancellation);

        /// <summary>Whether <see cref="SetLatency"/> works on this site.</summary>
        bool SupportsLatency { get; }

        /// <summary>The delay added to every response of the cluster; zero when none (or unsupported).</summary>
        TimeSpan GetLatency(ClusterConnection cluster);

        /// <summary>Delays every response of the cluster, to make replication lag grow on purpose in a drill.</summary>
        void SetLatency(ClusterConnection cluster, TimeSpan latency);
    }
}

using System;
using System.Threading;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Sites
{
    /// <summary>Asks a cluster for its metadata once; the seam that lets the waiting logic be tested without brokers.</summary>
    public interface IClusterProbe
    {
        /// <summary>Never throws for an unreachable cluster (that is a result); throws only on cancellation.</summary>
        ClusterProbeResult Probe(ClusterConnection cluster, TimeSpan timeout, CancellationToken cancellation);
    }
}

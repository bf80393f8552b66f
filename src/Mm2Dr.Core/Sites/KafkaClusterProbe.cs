using System;
using System.Diagnostics;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Sites
{
    /// <summary>Probes a cluster with a metadata request through a short-lived admin client.</summary>
    public sealed class KafkaClusterProbe : IClusterProbe
    {
        public static readonly KafkaClusterProbe Instance = new KafkaClusterProbe();

        private KafkaClusterProbe()
        {
        }

        public ClusterProbeResult Probe(ClusterConnection cluster, TimeSpan timeout, CancellationToken cancellation)
        {
            var watch = Stopwatch.StartNew();
            using var admin = new KafkaAdmin(cluster, timeout, cancellation);
            try
            {
                var metadata = admin.GetMetadata();
                return ClusterProbeResult.Success(metadata.Brokers.Count, watch.Elapsed);
            }
            catch (Mm2DrException e)
            {
                cancellation.ThrowIfCancellationRequested();
                return ClusterProbeResult.Failure(e.Message, watch.Elapsed);
            }
        }
    }
}

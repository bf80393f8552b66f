using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Takes a cluster down where it runs, as the seed's "docker stop kafka-1 zookeeper-1": clients are refused and
    /// dropped, the data is kept. Works on the DR lab's clusters and on lab clusters of this session.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "KafkaCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaClusterStatus))]
    public sealed class StopKafkaClusterCommand : ClusterActionCmdlet
    {
        protected override void Process()
        {
            foreach (var cluster in ResolveClusters(Cluster))
            {
                var control = Control(cluster);
                if (control.Site.GetState(cluster) == SiteClusterState.Stopped)
                {
                    WriteVerbose($"{Describe(cluster)} is already stopped.");
                }
                else if (!ShouldProcess($"{Describe(cluster)} on the {control.Site.Kind} site", "Stop: refuse and drop every client connection (the data is kept)"))
                {
                    continue;
                }
                else
                {
                    control.Stop(cluster, Cancellation);
                    WriteVerbose($"Stopped {Describe(cluster)}. Start-KafkaCluster -Cluster {cluster.Alias} brings it back.");
                }

                if (PassThru)
                {
                    WriteObject(control.Status(cluster, TimeSpan.FromSeconds(5), Cancellation));
                }
            }
        }
    }
}

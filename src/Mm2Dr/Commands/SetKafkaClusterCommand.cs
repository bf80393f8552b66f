using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Slows a lab cluster down: every response is delayed by -Latency, so that replication lag grows on purpose in a
    /// drill. -Latency 0 removes the delay.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "KafkaCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KafkaClusterStatus))]
    public sealed class SetKafkaClusterCommand : ClusterActionCmdlet
    {
        /// <summary>Delay added to every response: seconds, '250ms', '2s' or hh:mm:ss; 0 removes it.</summary>
        [Parameter(Mandatory = true)]
        [DurationTransformation]
        public TimeSpan Latency { get; set; }

        protected override void Process()
        {
            if (Latency < TimeSpan.Zero)
            {
                ThrowInvalidArgument($"-Latency cannot be negative; got {Latency}.", Latency);
            }

            foreach (var cluster in ResolveClusters(Cluster))
            {
                var control = Control(cluster);
                var action = Latency == TimeSpan.Zero ? "Remove the added latency" : $"Delay every response by {Durations.Format(Latency)}";
                if (!ShouldProcess($"{Describe(cluster)} on the {control.Site.Kind} site", action))
                {
                    continue;
                }

                var status = control.SetLatency(cluster, Latency);
                WriteVerbose($"{Describe(cluster)}: {action.ToLowerInvariant()} done.");
                if (PassThru)
                {
                    WriteObject(status);
                }
            }
        }
    }
}

using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Brings a stopped cluster back with its data, and returns once it answers a metadata request, or fails with
    /// ClusterStartTimedOut after -TimeoutSec.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "KafkaCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KafkaClusterStatus))]
    public sealed class StartKafkaClusterCommand : ClusterActionCmdlet
    {
        /// <summary>How long to wait for the cluster to answer metadata once started.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        protected override void Process()
        {
            foreach (var cluster in ResolveClusters(Cluster))
            {
                var control = Control(cluster);
                if (!ShouldProcess($"{Describe(cluster)} on the {control.Site.Kind} site", "Start it with its data and wait until it answers metadata"))
                {
                    continue;
                }

                KafkaClusterStatus status;
                try
                {
                    status = control.Start(cluster, TimeSpan.FromSeconds(TimeoutSec), Cancellation, ShowProgress);
                }
                finally
                {
                    CompleteProgress();
                }

                WriteVerbose($"{Describe(cluster)} answers metadata again ({Durations.Format(status.ResponseTime ?? TimeSpan.Zero)}).");
                if (PassThru)
                {
                    WriteObject(status);
                }
            }
        }
    }
}

using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Per cluster: what its site says (running or stopped on purpose), whether it answers a metadata request and how fast,
    /// and any latency added on purpose. A cluster no site of the session runs is still asked whether it answers.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "KafkaClusterStatus")]
    [OutputType(typeof(KafkaClusterStatus))]
    public sealed class GetKafkaClusterStatusCommand : SiteCmdlet
    {
        /// <summary>Primary, DR or an alias; both clusters of the environment when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Cluster { get; set; }

        /// <summary>How long each metadata request may take before the cluster counts as not answering.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 5;

        protected override void Process()
        {
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            foreach (var cluster in ResolveClusters(Cluster ?? new[] { "Primary", "DR" }))
            {
                var site = FindSite(cluster);
                WriteObject(site == null
                    ? ClusterControl.Unmanaged(cluster, timeout, Cancellation)
                    : new ClusterControl(site).Status(cluster, timeout, Cancellation));
            }
        }
    }
}

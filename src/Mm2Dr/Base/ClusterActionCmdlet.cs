using System.Management.Automation;
using Mm2Dr.Completion;

namespace Mm2Dr.Base
{
    /// <summary>Stop-, Start- and Set-KafkaCluster: act on the named clusters through their site, and optionally show their status.</summary>
    public abstract class ClusterActionCmdlet : SiteCmdlet
    {
        /// <summary>Primary, DR or an alias; objects with a Cluster property (Get-KafkaClusterStatus) bind by name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Cluster { get; set; } = null!;

        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}

using System;
using System.Management.Automation;
using Mm2Dr.Base;

namespace Mm2Dr.Commands
{
    /// <summary>Stops lab brokers this session started. Without -DataPath at start, their data is gone.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "KafkaLabCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopKafkaLabClusterCommand : Mm2DrCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = { "lab" };

        protected override void Process()
        {
            foreach (var name in Name)
            {
                if (!Session.LabClusters.TryGet(name, out var broker, out var data))
                {
                    // Already stopped: rerunning a cleanup step is not a failure.
                    WriteWarning($"No lab cluster named '{name}' runs in this session; nothing to stop.");
                    continue;
                }

                var consequence = data == null ? "its in-memory data is discarded" : $"its data stays in '{data}'";
                if (!ShouldProcess($"lab cluster '{name}' ({broker.BootstrapServers})", $"Stop the broker; {consequence}"))
                {
                    continue;
                }

                Session.LabClusters.Remove(name);
                broker.Dispose();
                WriteVerbose($"Stopped lab cluster '{name}'.");
            }
        }
    }
}

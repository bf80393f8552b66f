using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Inspection;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Stops the session's DR lab: the mirror (storing its position), then both clusters. Without -DataPath at start their
    /// data is gone. If the session's DR environment was the lab's, the one set before Start-DrLab comes back (or the default).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "DrLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopDrLabCommand : Mm2DrCmdlet
    {
        protected override void Process()
        {
            var lab = Session.DrLab;
            if (lab == null || lab.IsDisposed)
            {
                // Already stopped: rerunning a cleanup step is not a failure.
                WriteWarning("No DR lab runs in this session; nothing to stop.");
                return;
            }

            var environment = lab.Environment;
            var consequence = lab.DataDirectory == null ? "their in-memory data is discarded" : $"their data stays in '{lab.DataDirectory}'";
            if (!ShouldProcess($"DR lab {environment.Primary.Alias}->{environment.Dr.Alias} ({environment.Primary.Alias} at {lab.Primary.BootstrapServers}, {environment.Dr.Alias} at {lab.Dr.BootstrapServers})",
                    $"Stop the mirror and both clusters; {consequence}"))
            {
                return;
            }

            var current = Session.EndDrLab(lab);
            ShowProgress(new InspectionProgress("Stopping the DR lab", "stopping the mirror (its position is stored on DR), then both clusters", null));
            try
            {
                lab.Dispose();
            }
            finally
            {
                CompleteProgress();
            }

            WriteVerbose($"Stopped the DR lab {environment.Primary.Alias}->{environment.Dr.Alias}. The session's DR environment is now '{current.Origin}': "
                + $"{current.Primary.Alias} at {current.Primary.BootstrapServers}, {current.Dr.Alias} at {current.Dr.BootstrapServers}.");
        }
    }
}

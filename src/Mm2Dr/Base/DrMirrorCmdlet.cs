using System;
using System.Management.Automation;
using Mm2Dr.Core.Errors;
using Mm2Dr.Lab;
using Mm2Dr.Lab.Mirror;

namespace Mm2Dr.Base
{
    /// <summary>Suspend-DrMirror and Resume-DrMirror: one switch on the session's DR lab mirror.</summary>
    public abstract class DrMirrorCmdlet : Mm2DrCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected void Change(bool suspend)
        {
            var lab = Session.DrLab;
            if (lab == null || lab.IsDisposed)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("No DR lab runs in this session, so there is no mirror to " + (suspend ? "suspend" : "resume") + ". Start one with Start-DrLab. "
                        + "A real MirrorMaker 2 is paused through its Connect REST API or by stopping its container."),
                    ErrorIds.DrLabNotRunning, ErrorCategory.InvalidOperation, null));
                return;
            }

            var flow = lab.Environment.Primary.Alias + "->" + lab.Environment.Dr.Alias;
            var wanted = suspend ? MirrorState.Suspended : MirrorState.Running;
            if (lab.Mirror.State == wanted)
            {
                WriteVerbose($"The mirror of {flow} is already {wanted}.");
            }
            else if (ShouldProcess($"the DR lab mirror {flow}", suspend ? "Stop copying records (replication lag grows until Resume-DrMirror)" : "Copy records again"))
            {
                if (suspend)
                {
                    lab.Mirror.Suspend();
                }
                else
                {
                    lab.Mirror.Resume();
                }

                WriteVerbose($"The mirror of {flow} is {lab.Mirror.State}.");
            }

            if (PassThru)
            {
                WriteObject(lab.Snapshot());
            }
        }
    }
}

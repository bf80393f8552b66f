using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Errors;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>Shows the session's DR lab: both clusters (up or down), the mirror's state, what it has copied, its last error.</summary>
    [Cmdlet(VerbsCommon.Get, "DrLab")]
    [OutputType(typeof(DrLabInfo))]
    public sealed class GetDrLabCommand : Mm2DrCmdlet
    {
        protected override void Process()
        {
            var lab = Session.DrLab;
            if (lab == null || lab.IsDisposed)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No DR lab runs in this session. Start one with Start-DrLab."),
                    ErrorIds.DrLabNotRunning, ErrorCategory.ObjectNotFound, null));
                return;
            }

            WriteObject(lab.Snapshot());
        }
    }
}

using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>Lets the DR lab's mirror copy records again, from where Suspend-DrMirror stopped it.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "DrMirror", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DrLabInfo))]
    public sealed class ResumeDrMirrorCommand : DrMirrorCmdlet
    {
        protected override void Process() => Change(suspend: false);
    }
}

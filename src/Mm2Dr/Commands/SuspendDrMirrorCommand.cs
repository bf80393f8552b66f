using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Stops the DR lab's mirror from copying records, so that replication lag grows on purpose in a drill. Heartbeats and
    /// checkpoints go on, as when only MirrorSourceConnector is paused. Resume-DrMirror copies again from where it stopped.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "DrMirror", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DrLabInfo))]
    public sealed class SuspendDrMirrorCommand : DrMirrorCmdlet
    {
        protected override void Process() => Change(suspend: true);
    }
}

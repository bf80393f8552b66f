using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Inspection;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// A one-screen health check of the MM2 flow: one object per finding and an "Overall" verdict, or with -Quiet only
    /// $true (nothing failed) or $false. Problems with the clusters become findings, not errors.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Mm2Status", DefaultParameterSetName = "Checks")]
    [OutputType(typeof(Mm2StatusCheck), ParameterSetName = new[] { "Checks" })]
    [OutputType(typeof(bool), ParameterSetName = new[] { "Quiet" })]
    public sealed class GetMm2StatusCommand : FlowCmdlet
    {
        [Parameter]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Group { get; set; }

        /// <summary>Newest heartbeat older than this is stale: seconds, '45s', '2m'.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? HeartbeatMaxAge { get; set; }

        /// <summary>A moving group's newest checkpoint older than this is stale.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan? CheckpointMaxAge { get; set; }

        [Parameter(ParameterSetName = "Quiet", Mandatory = true)]
        public SwitchParameter Quiet { get; set; }

        protected override void Begin()
        {
            base.Begin();
            RequirePositive(HeartbeatMaxAge, nameof(HeartbeatMaxAge));
            RequirePositive(CheckpointMaxAge, nameof(CheckpointMaxAge));
        }

        protected override void Process()
        {
            using var inspection = OpenInspection();
            Mm2StatusReport report;
            try
            {
                report = Mm2StatusInspector.Check(inspection, new Mm2StatusOptions { Groups = Group, HeartbeatMaxAge = HeartbeatMaxAge, CheckpointMaxAge = CheckpointMaxAge }, ShowProgress);
            }
            finally
            {
                CompleteProgress();
                WriteDiagnostics(inspection);
            }

            if (Quiet)
            {
                WriteObject(report.IsHealthy);
                return;
            }

            WriteObject(report.All, enumerateCollection: true);
        }
    }
}

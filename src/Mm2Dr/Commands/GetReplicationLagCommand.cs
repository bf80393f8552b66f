using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Per replicated topic and partition: the primary and DR log ends, the records not yet on DR, and the replication
    /// delay the heartbeats show. -Watch repeats every -Interval until Ctrl+C, each round with its own timestamp.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ReplicationLag")]
    [OutputType(typeof(ReplicationLagSample))]
    public sealed class GetReplicationLagCommand : FlowCmdlet
    {
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Topic { get; set; }

        [Parameter]
        public SwitchParameter Watch { get; set; }

        /// <summary>Pause between two -Watch rounds: seconds, '10s', '1m' or hh:mm:ss.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

        protected override void Begin()
        {
            base.Begin();
            RequirePositive(Interval, nameof(Interval));

            if (MyInvocation.BoundParameters.ContainsKey(nameof(Interval)) && !Watch)
            {
                ThrowInvalidArgument("-Interval only makes sense with -Watch.", Interval);
            }
        }

        protected override void Process()
        {
            using var inspection = OpenInspection();
            if (!Watch)
            {
                Write(Round(inspection), inspection, previousWarnings: null);
                return;
            }

            // One set of clients for every round; a round that fails (a cluster went away) is reported and the watch goes on.
            HashSet<string>? shownWarnings = null;
            while (!Cancellation.IsCancellationRequested)
            {
                try
                {
                    shownWarnings = Write(Round(inspection), inspection, shownWarnings);
                }
                catch (Mm2DrException e) when (!Cancellation.IsCancellationRequested && MayPass(e))
                {
                    WriteError(ErrorRecordFactory.From(e));
                }

                // Returns at once on Ctrl+C: StopProcessing cancels the token.
                if (Cancellation.WaitHandle.WaitOne(Interval))
                {
                    break;
                }
            }
        }

        // An outage or a slow read may be over by the next round; bad settings or missing rights will not be.
        private static bool MayPass(Mm2DrException e)
            => e.Kind == ErrorKind.ConnectionFailed || e.Kind == ErrorKind.Timeout || e.Kind == ErrorKind.OperationFailed || e.Kind == ErrorKind.ResourceBusy;

        private ReplicationLagReport Round(InspectionContext inspection)
        {
            try
            {
                return ReplicationLagInspector.Measure(inspection, Topic, ShowProgress);
            }
            finally
            {
                CompleteProgress();
                WriteDiagnostics(inspection);
            }
        }

        /// <summary>Writes a round; a warning already shown in an earlier round of the watch is not repeated.</summary>
        private HashSet<string> Write(ReplicationLagReport report, InspectionContext inspection, HashSet<string>? previousWarnings)
        {
            foreach (var topic in report.Topics)
            {
                Session.Names.AddTopic(inspection.Layout.Primary.BootstrapServers, topic);
            }

            WriteFindings(report.Warnings.Where(w => previousWarnings == null || !previousWarnings.Contains(w)), report.Errors);
            WriteObject(report.Samples, enumerateCollection: true);
            return new HashSet<string>(report.Warnings, StringComparer.Ordinal);
        }
    }
}

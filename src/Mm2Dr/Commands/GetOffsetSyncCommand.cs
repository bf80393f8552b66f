using System.Collections.Generic;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Per group, topic and partition: the primary's committed offset, the newest checkpoint, the DR group's committed
    /// offset, the offset a failover would commit, the re-read it costs, and a status. Groups piped in are collected and
    /// inspected together, in one read of the checkpoints topic.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OffsetSync")]
    [OutputType(typeof(OffsetSyncRow))]
    public sealed class GetOffsetSyncCommand : FlowCmdlet
    {
        private readonly List<string> _groups = new List<string>();

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Group { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Topic { get; set; }

        protected override void Process()
        {
            if (Group != null)
            {
                _groups.AddRange(Group);
            }
        }

        protected override void End()
        {
            if (_groups.Count == 0 && MyInvocation.ExpectingInput)
            {
                // An empty pipeline names no group; it must not turn into "every group".
                WriteVerbose("No group came down the pipeline; nothing to inspect.");
                return;
            }

            using var inspection = OpenInspection();
            OffsetSyncReport report;
            try
            {
                report = OffsetSyncInspector.Inspect(inspection, new OffsetSyncQuery { Groups = _groups, Topics = Topic }, ShowProgress);
            }
            finally
            {
                CompleteProgress();
                WriteDiagnostics(inspection);
            }

            var primary = inspection.Layout.Primary.BootstrapServers;
            foreach (var group in report.Groups)
            {
                Session.Names.AddGroup(primary, group);
            }

            foreach (var topic in report.Topics)
            {
                Session.Names.AddTopic(primary, topic);
            }

            WriteFindings(report.Warnings, report.Errors);
            WriteObject(report.Rows, enumerateCollection: true);
        }
    }
}

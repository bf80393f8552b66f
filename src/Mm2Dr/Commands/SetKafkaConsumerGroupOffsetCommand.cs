using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Moves a consumer group's committed offsets. The plan is computed first and shown by -WhatIf; a group with
    /// active members is refused (Kafka would reject the commit), and nothing changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "KafkaConsumerGroupOffset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "ToEarliest")]
    [OutputType(typeof(OffsetResetEntry))]
    public sealed class SetKafkaConsumerGroupOffsetCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Group { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Topic { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int[]? Partition { get; set; }

        [Parameter(ParameterSetName = "ToEarliest", Mandatory = true)]
        public SwitchParameter ToEarliest { get; set; }

        [Parameter(ParameterSetName = "ToLatest", Mandatory = true)]
        public SwitchParameter ToLatest { get; set; }

        [Parameter(ParameterSetName = "ToOffset", Mandatory = true)]
        [ValidateRange(0, long.MaxValue)]
        public long ToOffset { get; set; }

        [Parameter(ParameterSetName = "ToTimestamp", Mandatory = true)]
        public DateTime ToTimestamp { get; set; }

        [Parameter(ParameterSetName = "ShiftBy", Mandatory = true)]
        public long ShiftBy { get; set; }

        protected override void Process()
        {
            var cluster = ResolveCluster();
            var (mode, value) = ParameterSetName switch
            {
                "ToLatest" => (OffsetResetMode.ToLatest, 0L),
                "ToOffset" => (OffsetResetMode.ToOffset, ToOffset),
                "ToTimestamp" => (OffsetResetMode.ToTimestamp, 0L),
                "ShiftBy" => (OffsetResetMode.ShiftBy, ShiftBy),
                _ => (OffsetResetMode.ToEarliest, 0L),
            };
            DateTimeOffset? timestamp = mode == OffsetResetMode.ToTimestamp
                ? new DateTimeOffset(ToTimestamp.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(ToTimestamp, DateTimeKind.Local) : ToTimestamp)
                : (DateTimeOffset?)null;
            foreach (var t in Topic)
            {
                TopicNames.Validate(t);
            }

            var request = new OffsetResetRequest(Group, Topic, mode, value, timestamp, Partition);
            using var admin = OpenAdmin(cluster);
            var topics = new TopicCatalog(admin, Environment.Policy);
            var planner = new OffsetResetPlanner(admin, topics, new ConsumerGroupCatalog(admin, topics));
            try
            {
                var plan = planner.Plan(request);
                if (!plan.CanApply)
                {
                    // Refused before asking: -WhatIf should show the same refusal a real run would meet.
                    planner.Apply(plan);
                }

                if (ShouldProcess($"consumer group '{Group}' on cluster '{cluster.Alias}' ({cluster.BootstrapServers})", plan.Describe()))
                {
                    planner.Apply(plan);
                    WriteVerbose($"Committed new offsets for {plan.Entries.Count} partition(s) of group '{Group}'.");
                }

                Session.Names.AddGroup(cluster.BootstrapServers, Group);
                WriteObject(plan.Entries, enumerateCollection: true);
            }
            finally
            {
                WriteDiagnostics(admin.Diagnostics);
            }
        }
    }
}

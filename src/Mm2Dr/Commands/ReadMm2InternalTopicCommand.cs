using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Decodes an MM2 internal topic into objects, as Kafka's CheckpointFormatter, OffsetSyncFormatter and
    /// HeartbeatFormatter print them. The topic and cluster follow from the environment (aliases, policy, and
    /// offset-syncs.topic.location); -Topic and -Cluster override them. Corrupt records are skipped, counted and reported.
    /// </summary>
    [Cmdlet(VerbsCommunications.Read, "Mm2InternalTopic")]
    [OutputType(typeof(CheckpointEntry), typeof(OffsetSyncEntry), typeof(HeartbeatEntry))]
    public sealed class ReadMm2InternalTopicCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public Mm2TopicKind Kind { get; set; }

        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Topic { get; set; }

        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long MaxMessages { get; set; }

        /// <summary>Deadline of the whole read: seconds, '90s', '5m' or hh:mm:ss.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

        protected override void Process()
        {
            RequirePositive(ReadTimeout, nameof(ReadTimeout));

            var layout = new Mm2FlowLayout(Environment);
            var (home, defaultTopic) = layout.Locate(Kind);
            var cluster = Cluster != null || BootstrapServers != null ? ResolveCluster() : ResolveCluster(home.Alias, null);
            var topic = Topic ?? defaultTopic;
            WriteVerbose($"Reading {Kind} from '{topic}' on '{cluster.Alias}' ({cluster.BootstrapServers}).");

            var options = InspectionContext.ReadOptions(ReadTimeout, SystemClock.Instance, $"Reading {topic} on '{cluster.Alias}'", ShowProgress);

            InternalTopicDumpSummary summary;
            using (var view = new KafkaClusterView(cluster, Environment.Policy, RequestTimeout, Cancellation))
            {
                try
                {
                    summary = Mm2InternalTopicDump.Read(view, new KafkaMm2TopicSource(layout), topic, Kind, layout.MissingTopicHint(Kind), MaxMessages > 0 ? MaxMessages : (long?)null, options, Cancellation, WriteObject);
                }
                finally
                {
                    CompleteProgress();
                    WriteDiagnostics(view.Diagnostics);
                }
            }

            Session.Names.AddTopic(cluster.BootstrapServers, topic);
            var read = summary.Read;
            WriteVerbose($"{read.RecordsRead} record(s) read from '{topic}' partition 0 on '{cluster.Alias}' (offsets {read.LogStartOffset}..{read.EndOffset}) in {read.Elapsed.TotalSeconds:0.00} s; {summary.Decode}.");
            if (read.RecordsRead == 0)
            {
                WriteWarning($"'{topic}' on cluster '{cluster.Alias}' is empty: MM2 has not written any {Kind.ToString().ToLowerInvariant()} yet.");
            }

            var corrupt = DecodeWarnings.Describe(topic, cluster.Alias, summary.Decode);
            if (corrupt != null)
            {
                WriteWarning(corrupt);
            }
        }
    }
}

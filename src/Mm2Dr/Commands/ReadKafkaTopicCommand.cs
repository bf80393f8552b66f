using System;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Conversion;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Reads messages into the pipeline as a stream. On the DR cluster a topic is named as on the primary and read
    /// under MM2's remote name (test-topic → primary.test-topic) unless -ExactTopic. Without -Group nothing is
    /// committed and no group is joined; with -Group the read commits what was processed, also on Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsCommunications.Read, "KafkaTopic")]
    [OutputType(typeof(KafkaRecord))]
    public sealed class ReadKafkaTopicCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Topic { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter ExactTopic { get; set; }

        [Parameter]
        public ReadStart? From { get; set; }

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long Offset { get; set; }

        [Parameter]
        public DateTime Timestamp { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int[]? Partition { get; set; }

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long MaxMessages { get; set; } = -1;

        /// <summary>Stop after this long with no message: seconds, '30s', '5m' or hh:mm:ss.</summary>
        [Parameter]
        [Alias("IdleTimeout")]
        [DurationTransformation]
        public TimeSpan? Timeout { get; set; }

        [Parameter]
        public SwitchParameter Follow { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        [Parameter]
        public SwitchParameter AsBytes { get; set; }

        [Parameter]
        public SwitchParameter AsJson { get; set; }

        protected override void Process()
        {
            if (AsBytes && AsJson)
            {
                ThrowInvalidArgument("Use -AsBytes or -AsJson, not both.", null);
            }

            var from = From ?? (MyInvocation.BoundParameters.ContainsKey(nameof(Offset)) ? ReadStart.Offset
                : MyInvocation.BoundParameters.ContainsKey(nameof(Timestamp)) ? ReadStart.Timestamp
                : Group != null ? ReadStart.Committed : ReadStart.Beginning);
            if (from == ReadStart.Timestamp && !MyInvocation.BoundParameters.ContainsKey(nameof(Timestamp)))
            {
                ThrowInvalidArgument("-From Timestamp needs -Timestamp <date and time>.", null);
            }

            var cluster = ResolveCluster();
            var environment = Environment;
            var topics = Topic.Select(t => ExactTopic ? t : environment.TopicOn(cluster, t)).ToArray();
            for (var i = 0; i < topics.Length; i++)
            {
                if (topics[i] != Topic[i])
                {
                    WriteVerbose($"Reading '{topics[i]}' on '{cluster.Alias}': MM2's name for '{Topic[i]}' from '{environment.Primary.Alias}' (use -ExactTopic to read '{Topic[i]}' itself).");
                }
            }

            var options = new TopicReadOptions(topics)
            {
                Partitions = Partition,
                From = from,
                Offset = Offset,
                Timestamp = from == ReadStart.Timestamp ? new DateTimeOffset(Timestamp.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(Timestamp, DateTimeKind.Local) : Timestamp) : default,
                MaxMessages = MaxMessages >= 0 ? MaxMessages : (long?)null,
                Follow = Follow,
                IdleTimeout = Timeout ?? (Follow ? (TimeSpan?)null : TimeSpan.FromSeconds(10)),
                Group = Group,
                RequestTimeout = RequestTimeout,
                Format = AsBytes ? ValueFormat.Bytes : AsJson ? ValueFormat.Json : ValueFormat.Text,
            };

            var reader = new TopicReader(cluster, options, environment.Policy) { Verbose = WriteVerbose };
            foreach (var record in reader.Read(Cancellation))
            {
                if (AsJson)
                {
                    record.Value = PowerShellValues.FromJson(record.Value);
                }

                WriteObject(record);
            }

            foreach (var t in topics)
            {
                Session.Names.AddTopic(cluster.BootstrapServers, t);
            }

            if (Group != null)
            {
                Session.Names.AddGroup(cluster.BootstrapServers, Group);
            }

            Summarize(reader.Summary, cluster);
        }

        private void Summarize(ReadSummary summary, ClusterConnection cluster)
        {
            WriteVerbose($"Read {summary.Records} message(s) from {string.Join(", ", summary.Topics)} on '{summary.Cluster}' in {summary.Elapsed.TotalSeconds:0.00} s; stopped: {summary.StopReason}.");
            if (summary.Group != null && summary.Committed.Count > 0)
            {
                WriteVerbose($"Committed for group '{summary.Group}': {string.Join(", ", summary.Committed.Select(kv => $"{kv.Key}={kv.Value}"))}.");
            }

            if (summary.NonJsonValues > 0)
            {
                WriteWarning($"{summary.NonJsonValues} message value(s) were not JSON and are shown as text.");
            }

            if (summary.CommitError != null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(summary.CommitError), Core.Errors.ErrorIds.CommitFailed, ErrorCategory.WriteError, summary.Group));
            }

            if (summary.StopReason == ReadStopReason.Idle && summary.Unfinished.Count > 0)
            {
                var cause = summary.LastClientError != null ? $" Last client error: {summary.LastClientError}." : string.Empty;
                WriteWarning($"Stopped after {Timeout?.TotalSeconds ?? 10:0.#} s without a message before reaching the end of {string.Join(", ", summary.Unfinished)} on '{cluster.Alias}' ({cluster.BootstrapServers}).{cause}");
            }
        }
    }
}

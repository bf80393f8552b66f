using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Lists consumer groups; with -Name describes them: state, members, and per partition the committed offset,
    /// the log end offset and the lag, with the total lag.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "KafkaConsumerGroup", DefaultParameterSetName = "List")]
    [OutputType(typeof(KafkaConsumerGroupInfo), ParameterSetName = new[] { "List" })]
    [OutputType(typeof(KafkaConsumerGroupDetail), typeof(KafkaGroupPartitionOffset), ParameterSetName = new[] { "Describe" })]
    public sealed class GetKafkaConsumerGroupCommand : KafkaCmdlet
    {
        [Parameter(ParameterSetName = "Describe", Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Group", "GroupId")]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only offsets of these topics (also lets brokers that cannot list all of a group's offsets answer).</summary>
        [Parameter(ParameterSetName = "Describe")]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Topic { get; set; }

        /// <summary>Write one object per partition (like kafka-consumer-groups --describe) instead of one per group.</summary>
        [Parameter(ParameterSetName = "Describe")]
        public SwitchParameter ByPartition { get; set; }

        protected override void Process()
        {
            var cluster = ResolveCluster();
            using var admin = OpenAdmin(cluster);
            var topics = new TopicCatalog(admin, Environment.Policy);
            var groups = new ConsumerGroupCatalog(admin, topics);
            try
            {
                if (Name == null)
                {
                    var listed = groups.List();
                    Session.Names.SetGroups(cluster.BootstrapServers, listed.Select(g => g.Group));
                    WriteObject(listed, enumerateCollection: true);
                    return;
                }

                var names = ResolveNames(groups, cluster.BootstrapServers);
                if (names.Count == 0)
                {
                    return;
                }

                foreach (var detail in groups.Describe(names, Topic))
                {
                    if (!detail.Exists)
                    {
                        Report(new Mm2DrException(ErrorIds.GroupNotFound, ErrorKind.NotFound,
                            $"Consumer group '{detail.Group}' does not exist on cluster '{cluster.Alias}' ({cluster.BootstrapServers}).", detail.Group));
                        continue;
                    }

                    if (detail.Note != null)
                    {
                        WriteWarning(detail.Note);
                    }

                    Session.Names.AddGroup(cluster.BootstrapServers, detail.Group);
                    if (ByPartition)
                    {
                        WriteObject(detail.Offsets, enumerateCollection: true);
                    }
                    else
                    {
                        WriteObject(detail);
                    }
                }
            }
            finally
            {
                WriteDiagnostics(admin.Diagnostics);
            }
        }

        private List<string> ResolveNames(ConsumerGroupCatalog groups, string bootstrap)
        {
            var exact = Name!.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList();
            var patterns = Name!.Where(WildcardPattern.ContainsWildcardCharacters).Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
            if (patterns.Count > 0)
            {
                var all = groups.ListNames();
                Session.Names.SetGroups(bootstrap, all);
                exact.AddRange(all.Where(g => patterns.Any(p => p.IsMatch(g))));
            }

            return exact.Distinct().ToList();
        }
    }
}

using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>Lists topics with their partitions and per-partition low and high watermarks.</summary>
    [Cmdlet(VerbsCommon.Get, "KafkaTopic")]
    [OutputType(typeof(KafkaTopicInfo), typeof(KafkaPartitionInfo))]
    public sealed class GetKafkaTopicCommand : KafkaCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        public SwitchParameter IncludeInternal { get; set; }

        /// <summary>Write one object per partition instead of one per topic.</summary>
        [Parameter]
        public SwitchParameter ByPartition { get; set; }

        protected override void Process()
        {
            var cluster = ResolveCluster();
            using var admin = OpenAdmin(cluster);
            var catalog = new TopicCatalog(admin, Environment.Policy);
            var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToArray();
            // An exact internal name asked for by name is shown even without -IncludeInternal.
            var includeInternal = IncludeInternal || (Name != null && Name.All(n => !WildcardPattern.ContainsWildcardCharacters(n)));
            var topics = catalog.List(patterns == null ? null : n => patterns.Any(p => p.IsMatch(n)), includeInternal);
            WriteDiagnostics(admin.Diagnostics);
            if (Name == null)
            {
                Session.Names.SetTopics(cluster.BootstrapServers, topics.Select(t => t.Name));
            }

            foreach (var name in Name ?? new string[0])
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name) && !topics.Any(t => t.Name == name))
                {
                    Report(new Core.Errors.Mm2DrException(Core.Errors.ErrorIds.TopicNotFound, Core.Errors.ErrorKind.NotFound,
                        $"Topic '{name}' does not exist on cluster '{cluster.Alias}' ({cluster.BootstrapServers}).", name));
                }
            }

            foreach (var topic in topics)
            {
                Session.Names.AddTopic(cluster.BootstrapServers, topic.Name);
                if (ByPartition)
                {
                    WriteObject(topic.Partitions, enumerateCollection: true);
                }
                else
                {
                    WriteObject(topic);
                }
            }
        }
    }
}

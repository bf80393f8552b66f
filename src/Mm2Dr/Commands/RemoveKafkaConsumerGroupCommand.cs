using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>Deletes consumer groups and their committed offsets. Kafka refuses groups with active members.</summary>
    [Cmdlet(VerbsCommon.Remove, "KafkaConsumerGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveKafkaConsumerGroupCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Group", "GroupId")]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void Process()
        {
            var cluster = ResolveCluster();
            using var admin = OpenAdmin(cluster);
            var topics = new TopicCatalog(admin, Environment.Policy);
            var groups = new ConsumerGroupCatalog(admin, topics);
            foreach (var name in Name)
            {
                var detail = groups.Describe(new[] { name })[0];
                if (!detail.Exists)
                {
                    WriteWarning($"Consumer group '{name}' does not exist on cluster '{cluster.Alias}'; nothing to remove.");
                    continue;
                }

                if (detail.IsActive)
                {
                    Report(new Mm2DrException(ErrorIds.GroupHasActiveMembers, ErrorKind.ResourceBusy,
                        $"Consumer group '{name}' on cluster '{cluster.Alias}' is {detail.State} with {detail.MemberCount} member(s); Kafka refuses to delete it until its consumers stop.", name));
                    continue;
                }

                var committed = detail.Offsets.Count;
                if (!ShouldProcess($"cluster '{cluster.Alias}' ({cluster.BootstrapServers})", $"Delete consumer group '{name}' ({detail.State}, committed offsets on {committed} partition(s))"))
                {
                    continue;
                }

                try
                {
                    groups.Delete(name);
                    Session.Names.RemoveGroup(cluster.BootstrapServers, name);
                    WriteVerbose($"Deleted consumer group '{name}' on '{cluster.Alias}'.");
                }
                catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.GroupNotFound)
                {
                    WriteWarning($"Consumer group '{name}' does not exist on cluster '{cluster.Alias}'; nothing to remove.");
                }
                catch (Mm2DrException ex)
                {
                    Report(ex);
                }
                finally
                {
                    WriteDiagnostics(admin.Diagnostics);
                }
            }
        }
    }
}

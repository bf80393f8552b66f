using System;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>Deletes topics. High impact: asks for confirmation unless -Confirm:$false; -WhatIf changes nothing.</summary>
    [Cmdlet(VerbsCommon.Remove, "KafkaTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveKafkaTopicCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void Process()
        {
            var cluster = ResolveCluster();
            using var admin = OpenAdmin(cluster);
            var catalog = new TopicCatalog(admin, Environment.Policy);
            foreach (var name in Name)
            {
                TopicNames.Validate(name);
                KafkaTopicInfo info;
                try
                {
                    info = catalog.Get(name);
                }
                catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.TopicNotFound)
                {
                    // Already gone: a rerun of a runbook step is not a failure.
                    WriteWarning($"Topic '{name}' does not exist on cluster '{cluster.Alias}' ({cluster.BootstrapServers}); nothing to remove.");
                    continue;
                }

                var what = $"Delete topic '{name}' ({info.PartitionCount} partition(s), {info.Messages} message(s)) and all its data";
                if (!ShouldProcess($"cluster '{cluster.Alias}' ({cluster.BootstrapServers})", what))
                {
                    continue;
                }

                try
                {
                    catalog.Delete(name);
                    Session.Names.RemoveTopic(cluster.BootstrapServers, name);
                    WriteVerbose($"Deleted topic '{name}' on '{cluster.Alias}'.");
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

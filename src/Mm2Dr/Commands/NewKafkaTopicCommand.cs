using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Topics;

namespace Mm2Dr.Commands
{
    /// <summary>Creates a topic with a partition count, replication factor and topic configs.</summary>
    [Cmdlet(VerbsCommon.New, "KafkaTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KafkaTopicInfo))]
    public sealed class NewKafkaTopicCommand : KafkaCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>-1 takes the broker's num.partitions.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(-1, 100000)]
        public int Partitions { get; set; } = -1;

        /// <summary>-1 takes the broker's default.replication.factor.</summary>
        [Parameter]
        [ValidateRange(-1, short.MaxValue)]
        public short ReplicationFactor { get; set; } = -1;

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Config { get; set; }

        /// <summary>Succeed quietly when the topic already exists, so a runbook step can be rerun.</summary>
        [Parameter]
        public SwitchParameter IfNotExists { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            var cluster = ResolveCluster();
            using var admin = OpenAdmin(cluster);
            var catalog = new TopicCatalog(admin, Environment.Policy);
            var configs = Config == null ? null : ToProperties(Config, nameof(Config)).ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (var name in Name)
            {
                var spec = new TopicSpec(name, Partitions, ReplicationFactor, configs);
                var what = $"topic '{name}' with {(Partitions < 0 ? "the broker's default" : Partitions.ToString())} partition(s), replication factor {(ReplicationFactor < 0 ? "default" : ReplicationFactor.ToString())}";
                if (!ShouldProcess($"cluster '{cluster.Alias}' ({cluster.BootstrapServers})", "Create " + what))
                {
                    continue;
                }

                try
                {
                    catalog.Create(spec);
                    WriteVerbose($"Created {what} on '{cluster.Alias}'.");
                }
                catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.TopicAlreadyExists && IfNotExists)
                {
                    WriteVerbose($"Topic '{name}' already exists on '{cluster.Alias}'; -IfNotExists leaves it as it is.");
                }
                catch (Mm2DrException ex)
                {
                    Report(ex);
                    continue;
                }
                finally
                {
                    WriteDiagnostics(admin.Diagnostics);
                }

                Session.Names.AddTopic(cluster.BootstrapServers, name);
                if (PassThru)
                {
                    WriteObject(WaitUntilVisible(catalog, name));
                }
            }
        }

        // Kafka creates topics asynchronously; metadata may lag the create response for a moment.
        private KafkaTopicInfo WaitUntilVisible(TopicCatalog catalog, string name)
        {
            var deadline = DateTime.UtcNow + RequestTimeout;
            while (true)
            {
                try
                {
                    var info = catalog.Get(name);
                    if (info.Partitions.All(p => p.Leader >= 0) || DateTime.UtcNow > deadline)
                    {
                        return info;
                    }
                }
                catch (Mm2DrException ex) when (ex.ErrorId == ErrorIds.TopicNotFound && DateTime.UtcNow < deadline)
                {
                }

                Cancellation.WaitHandle.WaitOne(100);
                Cancellation.ThrowIfCancellationRequested();
            }
        }
    }
}

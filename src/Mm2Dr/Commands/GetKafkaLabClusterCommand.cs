using System.Linq;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>Shows the lab brokers this session started: address, up or down, persistence.</summary>
    [Cmdlet(VerbsCommon.Get, "KafkaLabCluster")]
    [OutputType(typeof(LabClusterInfo))]
    public sealed class GetKafkaLabClusterCommand : Mm2DrCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void Process()
        {
            var all = Session.LabClusters.Snapshot();
            if (Name == null)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }

            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ErrorRecord(
                        new ItemNotFoundException($"No lab cluster named '{name}' runs in this session. Start one with Start-KafkaLabCluster -Name {name}."),
                        Core.Errors.ErrorIds.LabClusterFailed, ErrorCategory.ObjectNotFound, name));
                }

                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}

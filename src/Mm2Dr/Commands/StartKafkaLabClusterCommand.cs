using System;
using System.IO;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Errors;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Starts a lab broker in this process: a single-node Kafka-protocol broker for rehearsals and tests (not for
    /// production data: one broker, no replication, no security).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "KafkaLabCluster")]
    [OutputType(typeof(LabClusterInfo))]
    public sealed class StartKafkaLabClusterCommand : Mm2DrCmdlet
    {
        [Parameter(Position = 0)]
        [ValidatePattern("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
        public string Name { get; set; } = "lab";

        /// <summary>0 picks a free port.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPath { get; set; }

        [Parameter]
        [ValidateRange(1, 10000)]
        public int DefaultPartitions { get; set; } = 1;

        [Parameter]
        public SwitchParameter NoAutoCreateTopics { get; set; }

        protected override void Process()
        {
            if (Session.LabClusters.Contains(Name))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"A lab cluster named '{Name}' is already running in this session. Stop it with Stop-KafkaLabCluster -Name {Name}, or choose another -Name."),
                    ErrorIds.LabClusterFailed, ErrorCategory.ResourceExists, Name));
            }

            var data = DataPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath);
            var options = new LabBrokerOptions
            {
                Port = Port,
                DataDirectory = data,
                DefaultPartitions = DefaultPartitions,
                AutoCreateTopics = !NoAutoCreateTopics,
            };

            LabBroker broker;
            try
            {
                broker = LabBroker.Start(options);
            }
            catch (Exception ex) when (ex is IOException || ex is System.Net.Sockets.SocketException || ex is UnauthorizedAccessException || ex is InvalidOperationException)
            {
                var where = Port == 0 ? "a free port" : $"port {Port}";
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"Lab cluster '{Name}' could not start on 127.0.0.1 at {where}{(data != null ? $" with data in '{data}'" : string.Empty)}: {ex.Message}", ex),
                    ErrorIds.LabClusterFailed, ErrorCategory.ResourceUnavailable, Name));
                return;
            }

            Session.LabClusters.Add(Name, broker, data);
            WriteVerbose($"Lab cluster '{Name}' listening on {broker.BootstrapServers}{(data != null ? $", data in {data}" : ", in memory only")}.");
            WriteObject(new LabClusterInfo(Name, broker, data));
        }
    }
}

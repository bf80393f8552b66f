using System.Collections;
using System.IO;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Commands
{
    /// <summary>Sets the session's DR environment: the compose defaults, an mm2.properties, and any overrides.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DrEnvironment", DefaultParameterSetName = "Settings")]
    [OutputType(typeof(DrEnvironment))]
    public sealed class ConnectDrEnvironmentCommand : Mm2DrCmdlet
    {
        [Parameter(ParameterSetName = "Settings", Position = 0)]
        [Alias("Path", "ConfigPath")]
        [ValidateNotNullOrEmpty]
        public string? Mm2Config { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNullOrEmpty]
        public string? PrimaryBootstrapServers { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNullOrEmpty]
        public string? DrBootstrapServers { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNullOrEmpty]
        public string? PrimaryAlias { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNullOrEmpty]
        public string? DrAlias { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        public SwitchParameter UseMm2BootstrapServers { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNull]
        public Hashtable? PrimaryKafkaConfig { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNull]
        public Hashtable? DrKafkaConfig { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateSet("Default", "Identity")]
        public string? ReplicationPolicy { get; set; }

        [Parameter(ParameterSetName = "Settings")]
        [ValidateNotNullOrEmpty]
        public string? Separator { get; set; }

        [Parameter(ParameterSetName = "Environment", Mandatory = true, ValueFromPipeline = true)]
        public DrEnvironment? Environment { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            var environment = Environment ?? Build();
            Session.Environment = environment;
            foreach (var warning in environment.Warnings)
            {
                WriteWarning(warning);
            }

            WriteVerbose($"DR environment: primary '{environment.Primary.Alias}' at {environment.Primary.BootstrapServers}, DR '{environment.Dr.Alias}' at {environment.Dr.BootstrapServers}, {environment.Policy} policy.");
            if (PassThru)
            {
                WriteObject(environment);
            }
        }

        private DrEnvironment Build()
        {
            var options = new DrEnvironmentOptions
            {
                Mm2ConfigPath = Mm2Config == null ? null : ResolvePath(Mm2Config),
                PrimaryAlias = PrimaryAlias,
                DrAlias = DrAlias,
                PrimaryBootstrapServers = PrimaryBootstrapServers,
                DrBootstrapServers = DrBootstrapServers,
                UseMm2BootstrapServers = UseMm2BootstrapServers,
                ReplicationPolicy = ReplicationPolicy,
                Separator = Separator,
            };

            if (PrimaryKafkaConfig != null)
            {
                foreach (var kv in KafkaCmdlet.ToProperties(PrimaryKafkaConfig, nameof(PrimaryKafkaConfig)))
                {
                    options.PrimaryProperties[kv.Key] = kv.Value;
                }
            }

            if (DrKafkaConfig != null)
            {
                foreach (var kv in KafkaCmdlet.ToProperties(DrKafkaConfig, nameof(DrKafkaConfig)))
                {
                    options.DrProperties[kv.Key] = kv.Value;
                }
            }

            return DrEnvironmentBuilder.Build(options);
        }

        private string ResolvePath(string path)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(resolved))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException($"The MM2 configuration '{resolved}' does not exist. Expected the path of an mm2.properties file.", resolved),
                    Core.Errors.ErrorIds.ConfigurationInvalid, ErrorCategory.ObjectNotFound, resolved));
            }

            return resolved;
        }
    }
}

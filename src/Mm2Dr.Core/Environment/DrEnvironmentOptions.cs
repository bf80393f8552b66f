using System.Collections.Generic;

namespace Mm2Dr.Core.Environment
{
    /// <summary>What Connect-DrEnvironment was asked for. Everything is optional; unset means the compose stack's value.</summary>
    public sealed class DrEnvironmentOptions
    {
        public const string ComposePrimaryAlias = "primary";
        public const string ComposeDrAlias = "dr";
        public const string ComposePrimaryBootstrap = "localhost:9092";
        public const string ComposeDrBootstrap = "localhost:9093";

        /// <summary>An mm2.properties to read aliases, flows, topics, groups and the replication policy from.</summary>
        public string? Mm2ConfigPath { get; set; }

        public string? PrimaryAlias { get; set; }

        public string? DrAlias { get; set; }

        public string? PrimaryBootstrapServers { get; set; }

        public string? DrBootstrapServers { get; set; }

        /// <summary>Use the bootstrap addresses written in mm2.properties (MM2's view) instead of the compose host ports.</summary>
        public bool UseMm2BootstrapServers { get; set; }

        /// <summary>librdkafka properties for the primary, e.g. security settings. Applied after mm2.properties.</summary>
        public IDictionary<string, string> PrimaryProperties { get; } = new Dictionary<string, string>();

        public IDictionary<string, string> DrProperties { get; } = new Dictionary<string, string>();

        /// <summary>"Default" or "Identity" (or an MM2 class name); overrides mm2.properties.</summary>
        public string? ReplicationPolicy { get; set; }

        public string? Separator { get; set; }

        /// <summary>Where the clusters run, for outage control (the DR lab sets its own); null for none.</summary>
        public Sites.ISite? Site { get; set; }
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.Lab.Mirror;

namespace Mm2Dr.Lab
{
    /// <summary>A snapshot of the DR lab: both clusters, the mirror between them, and where its settings came from.</summary>
    public sealed class DrLabInfo
    {
        internal DrLabInfo(DrLab lab)
        {
            var environment = lab.Environment;
            Flow = environment.Primary.Alias + "->" + environment.Dr.Alias;
            PrimaryCluster = environment.Primary.Alias;
            PrimaryBootstrapServers = environment.Primary.BootstrapServers;
            PrimaryUp = lab.Primary.IsUp;
            DrCluster = environment.Dr.Alias;
            DrBootstrapServers = environment.Dr.BootstrapServers;
            DrUp = lab.Dr.IsUp;
            Mm2Config = lab.Mm2ConfigSource;
            DataDirectory = lab.DataDirectory;
            StartedAt = lab.StartedAt;
            Mirror = lab.Mirror.Status();
            Warnings = lab.Warnings;
        }

        /// <summary>"lab": what built the session's DR environment.</summary>
        public string Origin => "lab";

        /// <summary>The replicated flow, e.g. "primary->dr".</summary>
        public string Flow { get; }

        public string PrimaryCluster { get; }

        public string PrimaryBootstrapServers { get; }

        /// <summary>False while the primary is down on purpose (Stop-KafkaCluster).</summary>
        public bool PrimaryUp { get; }

        public string DrCluster { get; }

        public string DrBootstrapServers { get; }

        public bool DrUp { get; }

        /// <summary>The mm2.properties the mirror follows (a path, or the built-in copy).</summary>
        public string Mm2Config { get; }

        /// <summary>Where both clusters keep their data, or null when in memory only.</summary>
        public string? DataDirectory { get; }

        public bool Persistent => DataDirectory != null;

        public DateTimeOffset StartedAt { get; }

        public MirrorStatus Mirror { get; }

        public MirrorState MirrorState => Mirror.State;

        public long RecordsReplicated => Mirror.RecordsReplicated;

        /// <summary>The mirror's last failure (it keeps retrying); see <see cref="LastErrorAt"/> for when.</summary>
        public string? LastError => Mirror.LastError;

        public DateTimeOffset? LastErrorAt => Mirror.LastErrorAt;

        /// <summary>Settings of mm2.properties the lab does not apply as written, and the mirror's own warnings.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public override string ToString() => $"{Flow}: {PrimaryCluster} {PrimaryBootstrapServers}, {DrCluster} {DrBootstrapServers}, mirror {MirrorState}";
    }
}

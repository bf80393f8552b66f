using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Sites;
using Mm2Dr.Lab.Mirror;

namespace Mm2Dr.Lab
{
    /// <summary>
    /// The seed's whole stack on a laptop, in seconds, with no Docker: a primary and a DR lab broker, the lab mirror between
    /// them driven by mm2.properties, and a <see cref="LabSite"/> to take either cluster down and bring it back.
    /// For rehearsals and tests: in production MirrorMaker 2 replicates between real clusters.
    /// </summary>
    public sealed class DrLab : IDisposable
    {
        /// <summary>Where the built-in configuration comes from: the repository's file, embedded at build time.</summary>
        public const string BuiltInConfigSource = "(built-in copy of mirror-maker-config/mm2.properties)";

        private readonly List<string> _warnings;
        private bool _disposed;

        private DrLab(LabBroker primary, LabBroker dr, DrEnvironment environment, LabMirror mirror, string configSource, string? dataDirectory, DateTimeOffset startedAt, List<string> warnings)
        {
            Primary = primary;
            Dr = dr;
            Environment = environment;
            Mirror = mirror;
            Mm2ConfigSource = configSource;
            DataDirectory = dataDirectory;
            StartedAt = startedAt;
            _warnings = warnings;
        }

        public LabBroker Primary { get; }

        public LabBroker Dr { get; }

        /// <summary>The DR environment a session connects to: the file's aliases, policy and settings, the lab's addresses, the lab's site.</summary>
        public DrEnvironment Environment { get; }

        public ISite Site => Environment.Site!;

        public LabMirror Mirror { get; }

        public string Mm2ConfigSource { get; }

        public string? DataDirectory { get; }

        public DateTimeOffset StartedAt { get; }

        public bool IsDisposed => _disposed;

        public IReadOnlyList<string> Warnings => _warnings.Concat(Mirror.Status().Warnings).ToArray();

        /// <summary>The repository's mm2.properties, as built into this assembly.</summary>
        public static Mm2Config BuiltInConfig()
        {
            using var stream = typeof(DrLab).GetTypeInfo().Assembly.GetManifestResourceStream("Mm2Dr.Lab.mm2.properties")
                ?? throw new InvalidOperationException("The built-in mm2.properties is missing from Mm2Dr.Lab.");
            using var reader = new StreamReader(stream);
            return Mm2Config.Parse(reader.ReadToEnd(), BuiltInConfigSource);
        }

        /// <summary>
        /// Starts both brokers and the mirror; returns once both brokers accept connections (the mirror creates its topics
        /// and starts copying in the background). The bootstrap addresses of mm2.properties are replaced by the lab's.
        /// </summary>
        public static DrLab Start(DrLabOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            var config = options.Mm2ConfigPath == null ? BuiltInConfig() : Mm2Config.Load(options.Mm2ConfigPath);
            var flow = config.PrimaryFlow ?? throw new ConfigurationException("No replication flow is enabled, so the lab has nothing to mirror. Expected a line such as 'primary->dr.enabled = true'.", config.Source);
            var warnings = new List<string>();
            foreach (var alias in new[] { flow.Source, flow.Target })
            {
                if (config.ClusterClientProperties(alias).Count > 0)
                {
                    warnings.Add($"The lab brokers have no security: the security settings of '{alias}' in {config.Source} are not used.");
                }
            }

            var data = options.DataDirectory == null ? null : Path.GetFullPath(options.DataDirectory);
            var primary = StartBroker(flow.Source, "primary", options.PrimaryPort, data, options.Log);
            LabBroker? dr = null;
            try
            {
                dr = StartBroker(flow.Target, "DR", options.DrPort, data, options.Log);
                var site = new LabSite(new[] { primary, dr });
                var environment = new DrEnvironment(
                    new ClusterConnection(flow.Source, primary.BootstrapServers, ClusterRole.Primary, null, config.BootstrapServers(flow.Source)),
                    new ClusterConnection(flow.Target, dr.BootstrapServers, ClusterRole.DR, null, config.BootstrapServers(flow.Target)),
                    config.Settings(flow.Source, flow.Target).Policy,
                    config,
                    warnings,
                    "lab",
                    site);
                var mirror = LabMirror.Start(new LabMirrorOptions
                {
                    Config = config,
                    Clusters = new[] { environment.Primary, environment.Dr },
                    Clock = options.Clock,
                    Log = options.Log == null ? null : m => options.Log("mirror: " + m),
                });
                return new DrLab(primary, dr, environment, mirror, config.Source, data, options.Clock.UtcNow, warnings);
            }
            catch
            {
                dr?.Dispose();
                primary.Dispose();
                throw;
            }
        }

        public DrLabInfo Snapshot() => new DrLabInfo(this);

        /// <summary>Stops the mirror (storing its position), then both brokers (flushing their data when persistent).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                Mirror.Dispose();
            }
            finally
            {
                Primary.Dispose();
                Dr.Dispose();
            }
        }

        private static LabBroker StartBroker(string alias, string role, int port, string? data, Action<string>? log)
        {
            var options = new LabBrokerOptions
            {
                Port = port,
                DataDirectory = data == null ? null : Path.Combine(data, alias),
                Log = log == null ? null : m => log(alias + ": " + m),
            };
            try
            {
                return LabBroker.Start(options);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                var where = port == 0 ? "a free port" : $"port {port}";
                throw new Mm2DrException(ErrorIds.DrLabFailed, ErrorKind.OperationFailed,
                    $"The {role} cluster '{alias}' of the DR lab could not start on 127.0.0.1 at {where}{(options.DataDirectory != null ? $" with data in '{options.DataDirectory}'" : string.Empty)}: {e.Message}",
                    alias, e);
            }
        }
    }
}

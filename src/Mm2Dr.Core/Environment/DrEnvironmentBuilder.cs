using System;
using System.Collections.Generic;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Environment
{
    /// <summary>Builds a <see cref="DrEnvironment"/> from the compose defaults, an mm2.properties and explicit overrides, in that order.</summary>
    public static class DrEnvironmentBuilder
    {
        public static DrEnvironment Build(DrEnvironmentOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var warnings = new List<string>();
            Mm2Config? mm2 = null;
            string primaryAlias = DrEnvironmentOptions.ComposePrimaryAlias;
            string drAlias = DrEnvironmentOptions.ComposeDrAlias;
            var primaryProps = new Dictionary<string, string>(StringComparer.Ordinal);
            var drProps = new Dictionary<string, string>(StringComparer.Ordinal);
            string? primaryMm2Bootstrap = null;
            string? drMm2Bootstrap = null;
            ReplicationPolicy policy = ReplicationPolicy.Default();

            if (!string.IsNullOrEmpty(options.Mm2ConfigPath))
            {
                mm2 = Mm2Config.Load(options.Mm2ConfigPath!);
                var flow = mm2.PrimaryFlow;
                if (flow == null)
                {
                    throw new ConfigurationException(
                        "No replication flow is enabled. Expected a line such as 'primary->dr.enabled = true'.", mm2.Source);
                }

                primaryAlias = flow.Source;
                drAlias = flow.Target;
                primaryMm2Bootstrap = mm2.BootstrapServers(primaryAlias);
                drMm2Bootstrap = mm2.BootstrapServers(drAlias);
                Merge(primaryProps, Translate(mm2, primaryAlias, warnings));
                Merge(drProps, Translate(mm2, drAlias, warnings));
                policy = mm2.Settings(primaryAlias, drAlias).Policy;
            }

            primaryAlias = options.PrimaryAlias ?? primaryAlias;
            drAlias = options.DrAlias ?? drAlias;

            var primaryBootstrap = options.PrimaryBootstrapServers
                ?? (options.UseMm2BootstrapServers ? primaryMm2Bootstrap : null)
                ?? DrEnvironmentOptions.ComposePrimaryBootstrap;
            var drBootstrap = options.DrBootstrapServers
                ?? (options.UseMm2BootstrapServers ? drMm2Bootstrap : null)
                ?? DrEnvironmentOptions.ComposeDrBootstrap;

            if (options.ReplicationPolicy != null || options.Separator != null)
            {
                var current = policy;
                policy = ReplicationPolicy.FromConfig(
                    options.ReplicationPolicy ?? current.Name,
                    options.Separator ?? current.Separator,
                    (current as DefaultReplicationPolicy)?.InternalTopicSeparatorEnabled,
                    primaryAlias);
            }

            Merge(primaryProps, options.PrimaryProperties);
            Merge(drProps, options.DrProperties);

            var primary = new ClusterConnection(primaryAlias, primaryBootstrap, ClusterRole.Primary, primaryProps, primaryMm2Bootstrap);
            var dr = new ClusterConnection(drAlias, drBootstrap, ClusterRole.DR, drProps, drMm2Bootstrap);
            return new DrEnvironment(primary, dr, policy, mm2, warnings, mm2?.Source ?? "default", options.Site);
        }

        private static void Merge(IDictionary<string, string> target, IEnumerable<KeyValuePair<string, string>> source)
        {
            foreach (var kv in source)
            {
                target[kv.Key] = kv.Value;
            }
        }

        private static IReadOnlyDictionary<string, string> Translate(Mm2Config mm2, string alias, List<string> warnings)
        {
            var own = new List<string>();
            var translated = JavaClientPropertyTranslator.Translate(mm2.ClusterClientProperties(alias), own);
            foreach (var warning in own)
            {
                warnings.Add(alias + ": " + warning);
            }

            return translated;
        }
    }
}

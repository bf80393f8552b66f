using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Security;

namespace Mm2Dr.Core.Environment
{
    /// <summary>
    /// How this machine reaches one Kafka cluster: alias, bootstrap and client properties (librdkafka names).
    /// Secret values stay inside; everything displayable is masked.
    /// </summary>
    public sealed class ClusterConnection
    {
        private readonly Dictionary<string, string> _properties;

        public ClusterConnection(string alias, string bootstrapServers, ClusterRole role, IEnumerable<KeyValuePair<string, string>>? properties = null, string? mm2BootstrapServers = null)
        {
            if (string.IsNullOrWhiteSpace(alias))
            {
                throw new ArgumentException("A cluster alias must not be empty.", nameof(alias));
            }

            BootstrapServers = ValidateBootstrap(bootstrapServers);
            Alias = alias.Trim();
            Role = role;
            Mm2BootstrapServers = mm2BootstrapServers;
            _properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (properties != null)
            {
                foreach (var kv in properties)
                {
                    if (kv.Key == "bootstrap.servers")
                    {
                        continue;
                    }

                    _properties[kv.Key] = kv.Value;
                }
            }
        }

        public string Alias { get; }

        /// <summary>The bootstrap list as this machine sees it.</summary>
        public string BootstrapServers { get; }

        public ClusterRole Role { get; }

        /// <summary>The bootstrap list MM2 uses (from mm2.properties), often a container-network name; for display only.</summary>
        public string? Mm2BootstrapServers { get; }

        /// <summary>Client properties with secrets masked.</summary>
        public IReadOnlyDictionary<string, string> Properties => SecretRedactor.MaskProperties(_properties);

        /// <summary>True when any secret (password, key, token) is configured; the values themselves are never exposed.</summary>
        public bool HasSecrets => Secrets.Count > 0;

        public string SecurityProtocol => _properties.TryGetValue("security.protocol", out var p) ? p : "plaintext";

        /// <summary>Values that must be scrubbed from any message before it is shown.</summary>
        internal IReadOnlyList<string> Secrets => SecretRedactor.SecretValues(_properties);

        /// <summary>The real properties, for building clients only. Never print these.</summary>
        internal IEnumerable<KeyValuePair<string, string>> ClientProperties()
        {
            yield return new KeyValuePair<string, string>("bootstrap.servers", BootstrapServers);
            foreach (var kv in _properties)
            {
                yield return kv;
            }
        }

        public ClusterConnection WithBootstrap(string bootstrapServers) => new ClusterConnection(Alias, bootstrapServers, Role, _properties, Mm2BootstrapServers);

        public ClusterConnection WithProperties(IEnumerable<KeyValuePair<string, string>> extra)
        {
            var merged = new Dictionary<string, string>(_properties, StringComparer.Ordinal);
            foreach (var kv in extra)
            {
                merged[kv.Key] = kv.Value;
            }

            return new ClusterConnection(Alias, BootstrapServers, Role, merged, Mm2BootstrapServers);
        }

        public string Redact(string? message) => SecretRedactor.Redact(message, Secrets);

        /// <summary>Accepts "host:port[,host:port…]" and rejects anything else with a message that names the bad entry.</summary>
        public static string ValidateBootstrap(string? bootstrapServers)
        {
            if (string.IsNullOrWhiteSpace(bootstrapServers))
            {
                throw new ArgumentException("The bootstrap server list is empty. Expected 'host:port' or 'host1:port1,host2:port2'.", nameof(bootstrapServers));
            }

            var entries = bootstrapServers!.Split(',').Select(e => e.Trim()).ToArray();
            foreach (var entry in entries)
            {
                var candidate = entry;
                var schemeEnd = candidate.IndexOf("://", StringComparison.Ordinal);
                if (schemeEnd >= 0)
                {
                    candidate = candidate.Substring(schemeEnd + 3);
                }

                var colon = candidate.LastIndexOf(':');
                var host = colon > 0 ? candidate.Substring(0, colon).Trim('[', ']') : string.Empty;
                var portText = colon > 0 ? candidate.Substring(colon + 1) : string.Empty;
                if (host.Length == 0 || !int.TryParse(portText, out var port) || port < 1 || port > 65535)
                {
                    throw new ArgumentException(
                        $"'{entry}' in bootstrap servers '{bootstrapServers}' is not a valid address. Expected 'host:port' with a port from 1 to 65535.",
                        nameof(bootstrapServers));
                }
            }

            return string.Join(",", entries);
        }

        public override string ToString() => $"{Alias} ({BootstrapServers})";
    }
}

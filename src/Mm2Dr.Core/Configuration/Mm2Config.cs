using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>
    /// A dedicated MM2 cluster's mm2.properties, read the way MirrorMakerConfig reads it: aliases, flows,
    /// per-cluster client settings and per-flow connector settings with MM2's defaults.
    /// </summary>
    public sealed class Mm2Config
    {
        private static readonly Regex FlowKey = new Regex(@"^(?<src>[^>\s]+?)->(?<tgt>[^.\s]+?)\.(?<rest>.+)$", RegexOptions.CultureInvariant);

        private readonly JavaProperties _props;

        private Mm2Config(JavaProperties props, IReadOnlyList<string> clusters, IReadOnlyList<Mm2Flow> flows)
        {
            _props = props;
            Clusters = clusters;
            Flows = flows;
        }

        public string Source => _props.Source;

        public JavaProperties Properties => _props;

        public IReadOnlyList<string> Clusters { get; }

        /// <summary>Every flow named by a "source->target.enabled" key, in file order.</summary>
        public IReadOnlyList<Mm2Flow> Flows { get; }

        /// <summary>The first enabled flow: the one a primary/DR pair is built from.</summary>
        public Mm2Flow? PrimaryFlow => Flows.FirstOrDefault(f => f.Enabled);

        public static Mm2Config Load(string path) => FromProperties(JavaProperties.Load(path));

        public static Mm2Config Parse(string text, string source = "<text>") => FromProperties(JavaProperties.Parse(text, source));

        public static Mm2Config FromProperties(JavaProperties props)
        {
            if (!props.TryGet("clusters", out var clustersEntry))
            {
                throw new ConfigurationException("The required key 'clusters' is missing. Expected e.g. 'clusters = primary, dr'.", props.Source, 0, "clusters");
            }

            var clusters = NameFilter.SplitList(clustersEntry.Value);
            if (clusters.Count == 0)
            {
                throw new ConfigurationException("'clusters' is empty. Expected a comma-separated list of cluster aliases.", props.Source, clustersEntry.Line, "clusters");
            }

            foreach (var alias in clusters)
            {
                if (alias.Contains("->") || alias.Any(char.IsWhiteSpace))
                {
                    throw new ConfigurationException($"'{alias}' is not a valid cluster alias.", props.Source, clustersEntry.Line, "clusters");
                }
            }

            var flows = new List<Mm2Flow>();
            foreach (var entry in props.Entries)
            {
                var m = FlowKey.Match(entry.Key);
                if (!m.Success)
                {
                    continue;
                }

                var src = m.Groups["src"].Value;
                var tgt = m.Groups["tgt"].Value;
                foreach (var alias in new[] { src, tgt })
                {
                    if (!clusters.Contains(alias, StringComparer.Ordinal))
                    {
                        throw new ConfigurationException(
                            $"'{entry.Key}' names cluster '{alias}', which is not in 'clusters' ({string.Join(", ", clusters)}).",
                            props.Source, entry.Line, entry.Key);
                    }
                }

                if (m.Groups["rest"].Value == "enabled")
                {
                    flows.Add(new Mm2Flow(src, tgt, ParseBool(entry, props.Source), entry.Line));
                }
            }

            var config = new Mm2Config(props, clusters, flows);
            foreach (var flow in flows.Where(f => f.Enabled))
            {
                // Resolve once so that a bad value fails at load time, naming its line.
                config.Settings(flow.Source, flow.Target);
                foreach (var alias in new[] { flow.Source, flow.Target })
                {
                    if (config.BootstrapServers(alias) == null)
                    {
                        throw new ConfigurationException(
                            $"Flow '{flow.Name}' is enabled but '{alias}.bootstrap.servers' is missing. Expected '{alias}.bootstrap.servers = host:port'.",
                            props.Source, flow.Line, alias + ".bootstrap.servers");
                    }
                }
            }

            return config;
        }

        /// <summary>The bootstrap address as MM2 sees it (often a container-network name).</summary>
        public string? BootstrapServers(string alias)
        {
            var value = _props.Get(alias + ".bootstrap.servers");
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>Java client settings for one cluster ("alias.security.protocol", "alias.sasl.*", "alias.ssl.*"), keys without the alias prefix.</summary>
        public IReadOnlyDictionary<string, string> ClusterClientProperties(string alias)
        {
            var prefix = alias + ".";
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in _props.Entries)
            {
                if (!entry.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = entry.Key.Substring(prefix.Length);
                if (key == "security.protocol" || key.StartsWith("sasl.", StringComparison.Ordinal) || key.StartsWith("ssl.", StringComparison.Ordinal))
                {
                    result[key] = entry.Value;
                }
            }

            return result;
        }

        /// <summary>The effective connector settings of flow source->target, with MM2's defaults.</summary>
        public Mm2FlowSettings Settings(string source, string target)
        {
            var flowPrefix = source + "->" + target + ".";
            var reader = new SettingReader(_props, flowPrefix);
            var flow = Flows.FirstOrDefault(f => f.Source == source && f.Target == target);
            var settings = new Mm2FlowSettings
            {
                Source = source,
                Target = target,
                Enabled = flow?.Enabled ?? false,
            };

            settings.TopicFilter = reader.Filter("topics", Mm2Defaults.Topics, "topics.exclude", "topics.blacklist", Mm2Defaults.TopicsExclude);
            settings.GroupFilter = reader.Filter("groups", Mm2Defaults.Groups, "groups.exclude", "groups.blacklist", Mm2Defaults.GroupsExclude);
            settings.Policy = reader.Policy(source);
            settings.OffsetLagMax = reader.Long("offset.lag.max", Mm2Defaults.OffsetLagMax, 0);
            settings.EmitCheckpointsEnabled = reader.Bool("emit.checkpoints.enabled", Mm2Defaults.EmitCheckpointsEnabled);
            settings.EmitCheckpointsInterval = reader.Seconds("emit.checkpoints.interval.seconds", Mm2Defaults.EmitCheckpointsIntervalSeconds);
            settings.EmitHeartbeatsEnabled = reader.Bool("emit.heartbeats.enabled", Mm2Defaults.EmitHeartbeatsEnabled);
            settings.EmitHeartbeatsInterval = reader.Seconds("emit.heartbeats.interval.seconds", Mm2Defaults.EmitHeartbeatsIntervalSeconds);
            settings.SyncGroupOffsetsEnabled = reader.Bool("sync.group.offsets.enabled", Mm2Defaults.SyncGroupOffsetsEnabled);
            settings.SyncGroupOffsetsInterval = reader.Seconds("sync.group.offsets.interval.seconds", Mm2Defaults.SyncGroupOffsetsIntervalSeconds);
            settings.RefreshTopicsEnabled = reader.Bool("refresh.topics.enabled", Mm2Defaults.RefreshTopicsEnabled);
            settings.RefreshTopicsInterval = reader.Seconds("refresh.topics.interval.seconds", Mm2Defaults.RefreshTopicsIntervalSeconds);
            settings.RefreshGroupsEnabled = reader.Bool("refresh.groups.enabled", Mm2Defaults.RefreshGroupsEnabled);
            settings.RefreshGroupsInterval = reader.Seconds("refresh.groups.interval.seconds", Mm2Defaults.RefreshGroupsIntervalSeconds);
            settings.ReplicationFactor = (int)reader.Long("replication.factor", Mm2Defaults.ReplicationFactor, -1);
            settings.CheckpointsTopicReplicationFactor = (short)reader.Long("checkpoints.topic.replication.factor", Mm2Defaults.InternalTopicReplicationFactor, -1, short.MaxValue);
            settings.HeartbeatsTopicReplicationFactor = (short)reader.Long("heartbeats.topic.replication.factor", Mm2Defaults.InternalTopicReplicationFactor, -1, short.MaxValue);
            settings.OffsetSyncsTopicReplicationFactor = (short)reader.Long("offset-syncs.topic.replication.factor", Mm2Defaults.InternalTopicReplicationFactor, -1, short.MaxValue);
            settings.OffsetSyncsTopicLocation = reader.OneOf("offset-syncs.topic.location", Mm2Defaults.OffsetSyncsTopicLocation, "source", "target");
            settings.EmitOffsetSyncsEnabled = reader.Bool("emit.offset-syncs.enabled", Mm2Defaults.EmitOffsetSyncsEnabled);

            // A Connect worker setting of the herder source->target, which MirrorMakerConfig.workerConfig takes from the
            // target cluster's keys only ("dr.offset.flush.interval.ms"): a top-level or flow key is ignored by MM2, and so here.
            settings.OffsetFlushInterval = TimeSpan.FromMilliseconds(new SettingReader(_props, target + ".").OwnLong("offset.flush.interval.ms", Mm2Defaults.OffsetFlushIntervalMs, 1, int.MaxValue));
            return settings;
        }

        private static bool ParseBool(PropertyEntry entry, string source)
        {
            var v = entry.Value.Trim();
            if (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(v, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            throw new ConfigurationException($"'{entry.Value}' is not a valid value for '{entry.Key}'. Expected true or false.", source, entry.Line, entry.Key);
        }

        /// <summary>Looks a key up with MM2's precedence: "source->target.key" first, then the top-level key.</summary>
        private sealed class SettingReader
        {
            private readonly JavaProperties _props;
            private readonly string _flowPrefix;

            public SettingReader(JavaProperties props, string flowPrefix)
            {
                _props = props;
                _flowPrefix = flowPrefix;
            }

            public PropertyEntry? Find(string key)
            {
                if (_props.TryGet(_flowPrefix + key, out var flowEntry))
                {
                    return flowEntry;
                }

                return _props.TryGet(key, out var entry) ? entry : null;
            }

            /// <summary>A key under this reader's prefix only, with no top-level fallback (for per-cluster worker settings).</summary>
            public long OwnLong(string key, long fallback, long min, long max)
                => Parse(_props.TryGet(_flowPrefix + key, out var entry) ? entry : null, fallback, min, max);

            public bool Bool(string key, bool fallback)
            {
                var entry = Find(key);
                return entry == null ? fallback : ParseBool(entry, _props.Source);
            }

            public long Long(string key, long fallback, long min, long max = long.MaxValue) => Parse(Find(key), fallback, min, max);

            private long Parse(PropertyEntry? entry, long fallback, long min, long max)
            {
                if (entry == null)
                {
                    return fallback;
                }

                if (!long.TryParse(entry.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                {
                    throw new ConfigurationException(
                        $"'{entry.Value}' is not a valid value for '{entry.Key}'. Expected a whole number from {min} to {max}.",
                        _props.Source, entry.Line, entry.Key);
                }

                return value;
            }

            public TimeSpan Seconds(string key, int fallback)
            {
                var value = Long(key, fallback, 0, int.MaxValue);
                return TimeSpan.FromSeconds(value);
            }

            public string OneOf(string key, string fallback, params string[] allowed)
            {
                var entry = Find(key);
                if (entry == null)
                {
                    return fallback;
                }

                var v = entry.Value.Trim().ToLowerInvariant();
                if (!allowed.Contains(v))
                {
                    throw new ConfigurationException(
                        $"'{entry.Value}' is not a valid value for '{entry.Key}'. Expected one of: {string.Join(", ", allowed)}.",
                        _props.Source, entry.Line, entry.Key);
                }

                return v;
            }

            public NameFilter Filter(string includeKey, string includeDefault, string excludeKey, string excludeAlias, string excludeDefault)
            {
                var include = Find(includeKey);
                var exclude = Find(excludeKey) ?? Find(excludeAlias);
                var includeList = NameFilter.SplitList(include?.Value ?? includeDefault);
                var excludeList = NameFilter.SplitList(exclude?.Value ?? excludeDefault);
                Check(include, includeList);
                Check(exclude, excludeList);
                return new NameFilter(includeList, excludeList);
            }

            public ReplicationPolicy Policy(string sourceAlias)
            {
                var cls = Find("replication.policy.class");
                var sep = Find("replication.policy.separator");
                var internalSep = Find("replication.policy.internal.topic.separator.enabled");
                bool? internalEnabled = internalSep == null ? (bool?)null : ParseBool(internalSep, _props.Source);
                try
                {
                    return ReplicationPolicy.FromConfig(cls?.Value, sep?.Value, internalEnabled, sourceAlias);
                }
                catch (ArgumentException ex)
                {
                    var at = sep != null && string.IsNullOrEmpty(sep.Value) ? sep : cls;
                    throw new ConfigurationException(ex.Message, _props.Source, at?.Line ?? 0, at?.Key, ex);
                }
            }

            private void Check(PropertyEntry? entry, IReadOnlyList<string> patterns)
            {
                try
                {
                    NameFilter.Validate(patterns);
                }
                catch (ArgumentException ex)
                {
                    throw new ConfigurationException(ex.Message, _props.Source, entry?.Line ?? 0, entry?.Key, ex);
                }
            }
        }
    }
}

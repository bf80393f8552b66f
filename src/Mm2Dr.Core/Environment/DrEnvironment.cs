using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Sites;

namespace Mm2Dr.Core.Environment
{
    /// <summary>The module's notion of "where am I": the primary and DR clusters and how MM2 names things between them.</summary>
    public sealed class DrEnvironment
    {
        public DrEnvironment(ClusterConnection primary, ClusterConnection dr, ReplicationPolicy policy, Mm2Config? mm2Config = null, IEnumerable<string>? warnings = null, string origin = "default", ISite? site = null)
        {
            Primary = primary ?? throw new ArgumentNullException(nameof(primary));
            Dr = dr ?? throw new ArgumentNullException(nameof(dr));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            if (string.Equals(primary.Alias, dr.Alias, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The primary and DR clusters both have alias '{primary.Alias}'. Expected two different aliases.");
            }

            Mm2Config = mm2Config;
            Warnings = (warnings ?? Enumerable.Empty<string>()).ToArray();
            Origin = origin;
            Site = site;
            FlowSettings = mm2Config?.Settings(primary.Alias, dr.Alias);
        }

        public ClusterConnection Primary { get; }

        public ClusterConnection Dr { get; }

        public ReplicationPolicy Policy { get; }

        public Mm2Config? Mm2Config { get; }

        /// <summary>The primary->DR flow's MM2 settings when an mm2.properties was read.</summary>
        public Mm2FlowSettings? FlowSettings { get; }

        public IReadOnlyList<string> Warnings { get; }

        /// <summary>What built this environment: "default", a file path, or "lab".</summary>
        public string Origin { get; }

        /// <summary>
        /// Where the clusters run and how to stop and start them (Stop-KafkaCluster): the DR lab's site, or null when the
        /// session knows no site for these clusters. A container site plugs in here.
        /// </summary>
        public ISite? Site { get; }

        public IEnumerable<ClusterConnection> Clusters
        {
            get
            {
                yield return Primary;
                yield return Dr;
            }
        }

        /// <summary>Finds a cluster by alias or by role name (Primary, DR); the error lists what would have matched.</summary>
        public ClusterConnection Resolve(string selector)
        {
            if (string.IsNullOrWhiteSpace(selector))
            {
                throw new ArgumentException("A cluster name is required. Expected an alias, 'Primary' or 'DR'.", nameof(selector));
            }

            var s = selector.Trim();
            foreach (var cluster in Clusters)
            {
                if (string.Equals(cluster.Alias, s, StringComparison.OrdinalIgnoreCase))
                {
                    return cluster;
                }
            }

            if (string.Equals(s, "Primary", StringComparison.OrdinalIgnoreCase))
            {
                return Primary;
            }

            if (string.Equals(s, "DR", StringComparison.OrdinalIgnoreCase))
            {
                return Dr;
            }

            throw new ArgumentException(
                $"Unknown cluster '{s}'. Expected 'Primary', 'DR', '{Primary.Alias}' or '{Dr.Alias}'.", nameof(selector));
        }

        /// <summary>
        /// The topic to read on <paramref name="cluster"/> for a topic the user named as it is on the primary:
        /// on DR that is the remote topic MM2 made ("primary.test-topic"), unless the name already is one.
        /// </summary>
        public string TopicOn(ClusterConnection cluster, string topic)
        {
            if (cluster.Role != ClusterRole.DR)
            {
                return topic;
            }

            if (Policy.TopicSource(topic) == Primary.Alias && Policy.FormatRemoteTopic(Primary.Alias, topic) != topic)
            {
                return topic;
            }

            return Policy.FormatRemoteTopic(Primary.Alias, topic);
        }

        /// <summary>The repo's docker-compose stack: primary at localhost:9092, dr at localhost:9093, default policy.</summary>
        public static DrEnvironment ComposeDefault() => DrEnvironmentBuilder.Build(new DrEnvironmentOptions());
    }
}

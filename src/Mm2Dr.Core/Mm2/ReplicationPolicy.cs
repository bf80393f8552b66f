using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// MM2's topic naming rules (org.apache.kafka.connect.mirror.ReplicationPolicy and its defaults),
    /// reproduced exactly, quirks included, because DR tooling must find the topics MM2 actually made.
    /// </summary>
    public abstract class ReplicationPolicy
    {
        public const string DefaultSeparator = ".";
        public const string DefaultPolicyClass = "org.apache.kafka.connect.mirror.DefaultReplicationPolicy";
        public const string IdentityPolicyClass = "org.apache.kafka.connect.mirror.IdentityReplicationPolicy";

        /// <summary>Short name shown to users: Default or Identity.</summary>
        public abstract string Name { get; }

        public abstract string Separator { get; }

        /// <summary>The name a topic from <paramref name="sourceClusterAlias"/> gets on the target cluster.</summary>
        public abstract string FormatRemoteTopic(string sourceClusterAlias, string topic);

        /// <summary>The source cluster alias encoded in a remote topic's name, or null for a local topic.</summary>
        public abstract string? TopicSource(string topic);

        /// <summary>The topic's name one hop upstream, or null for a local topic.</summary>
        public abstract string? UpstreamTopic(string topic);

        /// <summary>Follows <see cref="UpstreamTopic"/> back to the first hop, as MM2 does (it over-strips names that contain the separator).</summary>
        public string OriginalTopic(string topic)
        {
            // Iterative rather than recursive: a hostile name like "a.a.a.a…" must not blow the stack.
            var current = topic;
            while (true)
            {
                var upstream = UpstreamTopic(current);
                if (upstream == null || upstream == current)
                {
                    return current;
                }

                current = upstream;
            }
        }

        public virtual string HeartbeatsTopic => "heartbeats";

        public abstract string OffsetSyncsTopic(string clusterAlias);

        public abstract string CheckpointsTopic(string clusterAlias);

        public bool IsHeartbeatsTopic(string topic) => HeartbeatsTopic == OriginalTopic(topic);

        public abstract bool IsCheckpointsTopic(string topic);

        public abstract bool IsMm2InternalTopic(string topic);

        public bool IsInternalTopic(string topic)
        {
            if (topic == null)
            {
                throw new ArgumentNullException(nameof(topic));
            }

            var isKafkaInternal = topic.StartsWith("__", StringComparison.Ordinal) || topic.StartsWith(".", StringComparison.Ordinal);
            var isDefaultConnectTopic = topic.EndsWith("-internal", StringComparison.Ordinal) || topic.EndsWith(".internal", StringComparison.Ordinal);
            return IsMm2InternalTopic(topic) || isKafkaInternal || isDefaultConnectTopic;
        }

        public static ReplicationPolicy Default(string separator = DefaultSeparator, bool internalTopicSeparatorEnabled = true)
            => new DefaultReplicationPolicy(separator, internalTopicSeparatorEnabled);

        public static ReplicationPolicy Identity(string? sourceClusterAlias = null, string separator = DefaultSeparator, bool internalTopicSeparatorEnabled = true)
            => new IdentityReplicationPolicy(sourceClusterAlias, separator, internalTopicSeparatorEnabled);

        /// <summary>
        /// Builds the policy from MM2 configuration values. Only the class names MM2 ships are known; any other
        /// class is an error, because guessing another policy's naming would send a failover to the wrong topics.
        /// </summary>
        public static ReplicationPolicy FromConfig(string? policyClass, string? separator, bool? internalTopicSeparatorEnabled, string? sourceClusterAlias)
        {
            var cls = string.IsNullOrWhiteSpace(policyClass) ? DefaultPolicyClass : policyClass!.Trim();
            // MM2 reads replication.policy.internal.topic.separator.enabled only when a separator is configured.
            var sep = separator ?? DefaultSeparator;
            var internalEnabled = separator == null || (internalTopicSeparatorEnabled ?? true);
            if (sep.Length == 0)
            {
                throw new ArgumentException("replication.policy.separator must not be empty.", nameof(separator));
            }

            if (IsClass(cls, DefaultPolicyClass, "Default", "DefaultReplicationPolicy"))
            {
                return Default(sep, internalEnabled);
            }

            if (IsClass(cls, IdentityPolicyClass, "Identity", "IdentityReplicationPolicy"))
            {
                return Identity(sourceClusterAlias, sep, internalEnabled);
            }

            throw new ArgumentException(
                $"Unknown replication.policy.class '{cls}'. Expected '{DefaultPolicyClass}' or '{IdentityPolicyClass}'.",
                nameof(policyClass));
        }

        private static bool IsClass(string value, params string[] names)
        {
            foreach (var name in names)
            {
                if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Java's Pattern.split(input) with a literal separator: keeps a leading empty part, drops trailing empty parts.</summary>
        internal static IReadOnlyList<string> JavaSplit(string input, string separator)
        {
            var parts = new List<string>();
            if (input.Length == 0)
            {
                parts.Add(input);
                return parts;
            }

            var start = 0;
            int index;
            var matched = false;
            while ((index = input.IndexOf(separator, start, StringComparison.Ordinal)) >= 0)
            {
                // Java (since 8) drops a leading empty string only for a zero-width match at index 0, which a literal cannot be.
                parts.Add(input.Substring(start, index - start));
                start = index + separator.Length;
                matched = true;
            }

            if (!matched)
            {
                parts.Add(input);
                return parts;
            }

            parts.Add(input.Substring(start));
            var count = parts.Count;
            while (count > 0 && parts[count - 1].Length == 0)
            {
                count--;
            }

            parts.RemoveRange(count, parts.Count - count);
            return parts;
        }

        public override string ToString() => $"{Name} (separator '{Separator}')";
    }
}

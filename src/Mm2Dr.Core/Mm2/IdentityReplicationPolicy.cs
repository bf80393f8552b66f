using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// org.apache.kafka.connect.mirror.IdentityReplicationPolicy: topics keep their names on the target, except
    /// heartbeats, which are still prefixed. MM2 cannot prevent cycles with it.
    /// </summary>
    public sealed class IdentityReplicationPolicy : DefaultReplicationPolicy
    {
        public IdentityReplicationPolicy(string? sourceClusterAlias, string separator = DefaultSeparator, bool internalTopicSeparatorEnabled = true)
            : base(separator, internalTopicSeparatorEnabled)
        {
            SourceClusterAlias = sourceClusterAlias;
        }

        public override string Name => "Identity";

        /// <summary>MM2's source.cluster.alias; without it a local topic's source is unknown.</summary>
        public string? SourceClusterAlias { get; }

        public override string FormatRemoteTopic(string sourceClusterAlias, string topic)
            => LooksLikeHeartbeat(topic) ? base.FormatRemoteTopic(sourceClusterAlias, topic) : topic;

        public override string? TopicSource(string topic) => LooksLikeHeartbeat(topic) ? base.TopicSource(topic) : SourceClusterAlias;

        public override string? UpstreamTopic(string topic) => LooksLikeHeartbeat(topic) ? base.UpstreamTopic(topic) : topic;

        // Kafka's test is a plain suffix match, so "myheartbeats" also counts.
        private bool LooksLikeHeartbeat(string topic) => topic != null && topic.EndsWith(HeartbeatsTopic, StringComparison.Ordinal);
    }
}

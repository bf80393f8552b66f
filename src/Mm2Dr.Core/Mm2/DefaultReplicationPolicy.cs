using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>org.apache.kafka.connect.mirror.DefaultReplicationPolicy: remote topics are "&lt;source&gt;&lt;sep&gt;&lt;topic&gt;".</summary>
    public class DefaultReplicationPolicy : ReplicationPolicy
    {
        private readonly string _separator;
        private readonly string _internalSeparator;
        private readonly string _internalSuffix;

        public DefaultReplicationPolicy(string separator = DefaultSeparator, bool internalTopicSeparatorEnabled = true)
        {
            if (string.IsNullOrEmpty(separator))
            {
                throw new ArgumentException("The replication policy separator must not be empty.", nameof(separator));
            }

            _separator = separator;
            InternalTopicSeparatorEnabled = internalTopicSeparatorEnabled;
            _internalSeparator = internalTopicSeparatorEnabled ? separator : ".";
            _internalSuffix = _internalSeparator + "internal";
        }

        public override string Name => "Default";

        public override string Separator => _separator;

        public bool InternalTopicSeparatorEnabled { get; }

        public override string FormatRemoteTopic(string sourceClusterAlias, string topic) => sourceClusterAlias + _separator + topic;

        public override string? TopicSource(string topic)
        {
            var parts = JavaSplit(topic, _separator);
            return parts.Count < 2 ? null : parts[0];
        }

        public override string? UpstreamTopic(string topic)
        {
            var source = TopicSource(topic);
            return source == null ? null : topic.Substring(source.Length + _separator.Length);
        }

        public override string OffsetSyncsTopic(string clusterAlias) => "mm2-offset-syncs" + _internalSeparator + clusterAlias + _internalSuffix;

        public override string CheckpointsTopic(string clusterAlias) => clusterAlias + _internalSeparator + "checkpoints" + _internalSuffix;

        public override bool IsCheckpointsTopic(string topic) => topic.EndsWith(_internalSeparator + "checkpoints" + _internalSuffix, StringComparison.Ordinal);

        public override bool IsMm2InternalTopic(string topic) => topic.EndsWith(_internalSuffix, StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// Which source topics a flow replicates and checkpoints, by MirrorSourceConnector.shouldReplicateTopic and
    /// MirrorCheckpointTask.shouldCheckpointTopic: the topic filter (or a heartbeats topic, always), never an internal
    /// topic, never a cycle back to the target.
    /// </summary>
    public sealed class MirrorTopicFilter
    {
        private readonly Mm2FlowSettings _settings;

        public MirrorTopicFilter(Mm2FlowSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        }

        private ReplicationPolicy Policy => _settings.Policy;

        /// <summary>(topic filter || heartbeats topic) &amp;&amp; !internal &amp;&amp; !cycle, as MirrorSourceConnector.</summary>
        public bool ShouldReplicateTopic(string topic)
        {
            if (topic == null)
            {
                throw new ArgumentNullException(nameof(topic));
            }

            return (_settings.TopicFilter.Matches(topic) || Policy.IsHeartbeatsTopic(topic)) && !Policy.IsInternalTopic(topic) && !IsCycle(topic);
        }

        /// <summary>Checkpoints use the topic filter alone (MirrorCheckpointTask.shouldCheckpointTopic).</summary>
        public bool ShouldCheckpointTopic(string topic) => _settings.TopicFilter.Matches(topic);

        /// <summary>
        /// True when the topic came from the target cluster at some hop ("dr.orders" for flow primary->dr), so that
        /// replicating it would send records back where they came from (MirrorSourceConnector.isCycle).
        /// </summary>
        public bool IsCycle(string topic)
        {
            // Iterative, with a guard, where MM2 recurses: a name must not be able to overflow the stack.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var current = topic;
            while (seen.Add(current))
            {
                var source = Policy.TopicSource(current);
                if (source == null)
                {
                    return false;
                }

                if (source == _settings.Target)
                {
                    return true;
                }

                var upstream = Policy.UpstreamTopic(current);
                if (upstream == null || upstream == current)
                {
                    // IdentityReplicationPolicy and the like cannot tell: MM2 does not prevent cycles there.
                    return false;
                }

                current = upstream;
            }

            return false;
        }

        /// <summary>The topic's name on the target cluster ("primary.orders").</summary>
        public string RemoteTopic(string topic) => Policy.FormatRemoteTopic(_settings.Source, topic);

        /// <summary>
        /// The target-side topic a checkpoint names (MirrorCheckpointTask.renameTopicPartition): a topic that came from the
        /// target goes back to its original name, any other gets the source prefix.
        /// </summary>
        public string CheckpointTopic(string sourceTopic)
            => _settings.Target == Policy.TopicSource(sourceTopic) ? Policy.OriginalTopic(sourceTopic) : Policy.FormatRemoteTopic(_settings.Source, sourceTopic);
    }
}

using System;
using System.Collections.Concurrent;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// How MM2's checkpoint task names the target-side topic of a source partition (MirrorCheckpointTask.renameTopicPartition),
    /// and the way back, so that source-side offsets and checkpoints can be lined up.
    /// </summary>
    public sealed class CheckpointTopicNaming
    {
        // A flow has few topics but a checkpoints topic can name them a million times: each name is worked out once.
        private readonly ConcurrentDictionary<string, string> _targets = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string?> _sources = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        public CheckpointTopicNaming(ReplicationPolicy policy, string sourceClusterAlias, string targetClusterAlias)
        {
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            SourceClusterAlias = string.IsNullOrWhiteSpace(sourceClusterAlias) ? throw new ArgumentException("The source alias is required.", nameof(sourceClusterAlias)) : sourceClusterAlias;
            TargetClusterAlias = string.IsNullOrWhiteSpace(targetClusterAlias) ? throw new ArgumentException("The target alias is required.", nameof(targetClusterAlias)) : targetClusterAlias;
        }

        public ReplicationPolicy Policy { get; }

        public string SourceClusterAlias { get; }

        public string TargetClusterAlias { get; }

        /// <summary>
        /// The topic MM2 names in checkpoints for a source topic: "orders" -&gt; "primary.orders"; a topic that came from the
        /// target ("dr.orders" on primary, failback) -&gt; its original name "orders" (over-stripping names that contain the
        /// separator, as MM2 does).
        /// </summary>
        public string TargetTopicFor(string sourceTopic)
        {
            if (sourceTopic == null)
            {
                throw new ArgumentNullException(nameof(sourceTopic));
            }

            return _targets.GetOrAdd(sourceTopic, ComputeTargetTopic);
        }

        private string ComputeTargetTopic(string sourceTopic)
        {
            return TargetClusterAlias == Policy.TopicSource(sourceTopic)
                ? Policy.OriginalTopic(sourceTopic)
                : Policy.FormatRemoteTopic(SourceClusterAlias, sourceTopic);
        }

        /// <summary>
        /// The source topic whose checkpoints are named <paramref name="targetTopic"/>, or null if no candidate maps to it
        /// (usually a replication policy that differs from MM2's). Candidates: the name one hop upstream, the name itself
        /// (identity policy), and the name prefixed with the target alias (failback).
        /// </summary>
        public string? SourceTopicFor(string targetTopic)
        {
            if (targetTopic == null)
            {
                throw new ArgumentNullException(nameof(targetTopic));
            }

            return _sources.GetOrAdd(targetTopic, ComputeSourceTopic);
        }

        private string? ComputeSourceTopic(string targetTopic)
        {
            var upstream = Policy.TopicSource(targetTopic) == SourceClusterAlias ? Policy.UpstreamTopic(targetTopic) : null;
            foreach (var candidate in new[] { upstream, targetTopic, Policy.FormatRemoteTopic(TargetClusterAlias, targetTopic) })
            {
                if (candidate != null && TargetTopicFor(candidate) == targetTopic)
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}

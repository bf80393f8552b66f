using System;
using System.Threading;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Reads MM2's checkpoints from the target (DR) cluster and translates consumer offsets, like
    /// RemoteClusterUtils.translateOffsets / MirrorClient.remoteConsumerOffsets, but for all selected groups in one read,
    /// with a hard deadline, and with corrupt records counted instead of silently skipped.
    /// </summary>
    public sealed class CheckpointReader
    {
        public CheckpointReader(ClusterConnection targetCluster, ReplicationPolicy policy)
        {
            TargetCluster = targetCluster ?? throw new ArgumentNullException(nameof(targetCluster));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        /// <summary>The cluster holding the checkpoints: the target of the flow (the DR cluster for primary->dr).</summary>
        public ClusterConnection TargetCluster { get; }

        public ReplicationPolicy Policy { get; }

        /// <summary>The checkpoints topic of flow <paramref name="sourceClusterAlias"/>->target, e.g. "primary.checkpoints.internal".</summary>
        public string CheckpointsTopic(string sourceClusterAlias) => Policy.CheckpointsTopic(sourceClusterAlias);

        /// <summary>
        /// Reads partition 0 of the checkpoints topic from the beginning to the end offset captured at the start and keeps
        /// the newest checkpoint per (group, target topic, partition) for the selected groups.
        /// </summary>
        /// <exception cref="Mm2TopicNotFoundException">The checkpoints topic does not exist on the target cluster.</exception>
        /// <exception cref="Mm2ReadTimeoutException">The deadline ran out; says how far the read got.</exception>
        /// <exception cref="Mm2TopicReadException">The cluster refused the read.</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public CheckpointSnapshot Read(string sourceClusterAlias, GroupSelector? groups = null, InternalTopicReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(sourceClusterAlias))
            {
                throw new ArgumentException("The source cluster alias (e.g. 'primary') is required.", nameof(sourceClusterAlias));
            }

            options ??= InternalTopicReadOptions.Default;
            var topic = CheckpointsTopic(sourceClusterAlias);
            var accumulator = new CheckpointAccumulator(groups, options.MaxErrorsKept);
            var hint = $"MM2 creates it on the target cluster when the checkpoint connector of flow {sourceClusterAlias}->{TargetCluster.Alias} starts. "
                       + $"Check the source alias, the replication policy ({Policy}), and that emit.checkpoints.enabled is true for that flow.";
            var summary = InternalTopicReader.ReadToEnd(TargetCluster, topic, hint, options, cancellationToken, record => accumulator.Add(record));
            return accumulator.Complete(summary);
        }
    }
}

using System;
using System.Collections.Generic;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>Everything <see cref="OffsetSyncAnalysis"/> needs, as plain data gathered beforehand.</summary>
    public sealed class OffsetSyncAnalysisInput
    {
        /// <summary>Naming of the flow (policy, source alias, target alias).</summary>
        public CheckpointTopicNaming Naming { get; init; } = null!;

        /// <summary>The groups to report; null means every group present in the primary offsets or the checkpoints.</summary>
        public IReadOnlyCollection<string>? Groups { get; init; }

        /// <summary>The primary groups' committed offsets, keyed with <b>source</b> topic names.</summary>
        public IReadOnlyDictionary<GroupTopicPartition, long> PrimaryCommitted { get; init; } = new Dictionary<GroupTopicPartition, long>();

        /// <summary>The newest checkpoints (e.g. <see cref="CheckpointSnapshot.Latest"/>), keyed with <b>target</b> topic names.</summary>
        public IReadOnlyDictionary<GroupTopicPartition, CheckpointRecord> Checkpoints { get; init; } = new Dictionary<GroupTopicPartition, CheckpointRecord>();

        /// <summary>The DR groups' committed offsets, keyed with <b>target</b> topic names.</summary>
        public IReadOnlyDictionary<GroupTopicPartition, long> DrCommitted { get; init; } = new Dictionary<GroupTopicPartition, long>();

        /// <summary>The offset-sync history of the flow, read to its end; null if unavailable (no re-read estimates then).</summary>
        public OffsetSyncStore? OffsetSyncs { get; init; }

        /// <summary>DR partitions' [log start, log end], keyed with <b>target</b> topic names.</summary>
        public IReadOnlyDictionary<TopicPartition, LogBounds> DrPartitions { get; init; } = new Dictionary<TopicPartition, LogBounds>();

        /// <summary>Only source topics MM2 replicates (its topics / topics.exclude filter); null means all.</summary>
        public Func<string, bool>? ReplicatedTopic { get; init; }

        /// <summary>"Now", for checkpoint ages.</summary>
        public DateTimeOffset Now { get; init; }
    }
}

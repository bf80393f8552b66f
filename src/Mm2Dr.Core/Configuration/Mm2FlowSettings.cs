using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>The connector settings MM2 would use for one flow: top-level keys overridden by "source->target." keys.</summary>
    public sealed class Mm2FlowSettings
    {
        public string Source { get; internal set; } = "";

        public string Target { get; internal set; } = "";

        public bool Enabled { get; internal set; }

        public NameFilter TopicFilter { get; internal set; } = null!;

        public NameFilter GroupFilter { get; internal set; } = null!;

        public ReplicationPolicy Policy { get; internal set; } = null!;

        public long OffsetLagMax { get; internal set; } = Mm2Defaults.OffsetLagMax;

        public bool EmitCheckpointsEnabled { get; internal set; } = Mm2Defaults.EmitCheckpointsEnabled;

        public TimeSpan EmitCheckpointsInterval { get; internal set; } = TimeSpan.FromSeconds(Mm2Defaults.EmitCheckpointsIntervalSeconds);

        public bool EmitHeartbeatsEnabled { get; internal set; } = Mm2Defaults.EmitHeartbeatsEnabled;

        public TimeSpan EmitHeartbeatsInterval { get; internal set; } = TimeSpan.FromSeconds(Mm2Defaults.EmitHeartbeatsIntervalSeconds);

        public bool SyncGroupOffsetsEnabled { get; internal set; } = Mm2Defaults.SyncGroupOffsetsEnabled;

        public TimeSpan SyncGroupOffsetsInterval { get; internal set; } = TimeSpan.FromSeconds(Mm2Defaults.SyncGroupOffsetsIntervalSeconds);

        public bool RefreshTopicsEnabled { get; internal set; } = Mm2Defaults.RefreshTopicsEnabled;

        public TimeSpan RefreshTopicsInterval { get; internal set; } = TimeSpan.FromSeconds(Mm2Defaults.RefreshTopicsIntervalSeconds);

        public bool RefreshGroupsEnabled { get; internal set; } = Mm2Defaults.RefreshGroupsEnabled;

        public TimeSpan RefreshGroupsInterval { get; internal set; } = TimeSpan.FromSeconds(Mm2Defaults.RefreshGroupsIntervalSeconds);

        public int ReplicationFactor { get; internal set; } = Mm2Defaults.ReplicationFactor;

        public short CheckpointsTopicReplicationFactor { get; internal set; } = Mm2Defaults.InternalTopicReplicationFactor;

        public short HeartbeatsTopicReplicationFactor { get; internal set; } = Mm2Defaults.InternalTopicReplicationFactor;

        public short OffsetSyncsTopicReplicationFactor { get; internal set; } = Mm2Defaults.InternalTopicReplicationFactor;

        /// <summary>"source" (default) or "target": the cluster that holds the offset-syncs topic.</summary>
        public string OffsetSyncsTopicLocation { get; internal set; } = Mm2Defaults.OffsetSyncsTopicLocation;

        public bool EmitOffsetSyncsEnabled { get; internal set; } = Mm2Defaults.EmitOffsetSyncsEnabled;

        /// <summary>
        /// The Connect worker's offset.flush.interval.ms of the flow's herder ("&lt;target&gt;.offset.flush.interval.ms"): how
        /// often replicated positions are stored and MirrorSourceTask.commit() promotes delayed offset syncs (KAFKA-15906).
        /// </summary>
        public TimeSpan OffsetFlushInterval { get; internal set; } = TimeSpan.FromMilliseconds(Mm2Defaults.OffsetFlushIntervalMs);

        /// <summary>Offset-syncs topic name, as MirrorSourceConfig.offsetSyncsTopic() computes it.</summary>
        public string OffsetSyncsTopic => Policy.OffsetSyncsTopic(OffsetSyncsTopicLocation == "source" ? Target : Source);

        /// <summary>The alias of the cluster that holds <see cref="OffsetSyncsTopic"/>.</summary>
        public string OffsetSyncsCluster => OffsetSyncsTopicLocation == "source" ? Source : Target;

        /// <summary>Checkpoints topic name on the target cluster.</summary>
        public string CheckpointsTopic => Policy.CheckpointsTopic(Source);

        public string HeartbeatsTopic => Policy.HeartbeatsTopic;

        public override string ToString() => $"{Source}->{Target}";
    }
}

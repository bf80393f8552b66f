using System;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Where MM2 keeps the state of the primary-&gt;DR flow and what it replicates, as MM2 itself would compute it from
    /// the environment (aliases, replication policy) and, when one was read, mm2.properties (topic and group filters,
    /// offset-syncs location, emission intervals). Without mm2.properties MM2's defaults apply.
    /// </summary>
    public sealed class Mm2FlowLayout
    {
        /// <summary>Added to three emission intervals before something counts as stale: MM2 emits on a timer, then the record is replicated or read.</summary>
        public static readonly TimeSpan FreshnessSlack = TimeSpan.FromSeconds(30);

        private static readonly NameFilter DefaultGroupFilter = new NameFilter(NameFilter.SplitList(Mm2Defaults.Groups), NameFilter.SplitList(Mm2Defaults.GroupsExclude));

        public Mm2FlowLayout(DrEnvironment environment)
        {
            Environment = environment ?? throw new ArgumentNullException(nameof(environment));
            Naming = new CheckpointTopicNaming(environment.Policy, environment.Primary.Alias, environment.Dr.Alias);
            Settings = environment.FlowSettings;
            OffsetSyncsLocation = Settings != null && Settings.OffsetSyncsTopicLocation == "target" ? OffsetSyncsTopicLocation.Target : OffsetSyncsTopicLocation.Source;
        }

        public DrEnvironment Environment { get; }

        public ClusterConnection Primary => Environment.Primary;

        public ClusterConnection Dr => Environment.Dr;

        public ReplicationPolicy Policy => Environment.Policy;

        public CheckpointTopicNaming Naming { get; }

        /// <summary>The flow's settings from mm2.properties, or null when none was read (MM2's defaults apply).</summary>
        public Mm2FlowSettings? Settings { get; }

        /// <summary>"primary->dr".</summary>
        public string FlowName => Primary.Alias + "->" + Dr.Alias;

        /// <summary>On DR: "primary.checkpoints.internal".</summary>
        public string CheckpointsTopic => Policy.CheckpointsTopic(Primary.Alias);

        public OffsetSyncsTopicLocation OffsetSyncsLocation { get; }

        /// <summary>Named after the cluster it is <i>not</i> on: "mm2-offset-syncs.dr.internal" on the primary by default.</summary>
        public string OffsetSyncsTopic => Policy.OffsetSyncsTopic(OffsetSyncsLocation == OffsetSyncsTopicLocation.Source ? Dr.Alias : Primary.Alias);

        public ClusterConnection OffsetSyncsCluster => OffsetSyncsLocation == OffsetSyncsTopicLocation.Source ? Primary : Dr;

        /// <summary>On DR: "heartbeats", written there directly by the primary-&gt;DR herder.</summary>
        public string HeartbeatsTopic => Policy.HeartbeatsTopic;

        /// <summary>On DR: "primary.heartbeats", the primary's heartbeats replicated by the flow, so their age includes replication delay.</summary>
        public string ReplicatedHeartbeatsTopic => Policy.FormatRemoteTopic(Primary.Alias, Policy.HeartbeatsTopic);

        public bool EmitsCheckpoints => Settings?.EmitCheckpointsEnabled ?? Mm2Defaults.EmitCheckpointsEnabled;

        public bool EmitsHeartbeats => Settings?.EmitHeartbeatsEnabled ?? Mm2Defaults.EmitHeartbeatsEnabled;

        public bool EmitsOffsetSyncs => Settings?.EmitOffsetSyncsEnabled ?? Mm2Defaults.EmitOffsetSyncsEnabled;

        public TimeSpan CheckpointInterval => Settings?.EmitCheckpointsInterval ?? TimeSpan.FromSeconds(Mm2Defaults.EmitCheckpointsIntervalSeconds);

        public TimeSpan HeartbeatInterval => Settings?.EmitHeartbeatsInterval ?? TimeSpan.FromSeconds(Mm2Defaults.EmitHeartbeatsIntervalSeconds);

        /// <summary>Default age beyond which the newest heartbeat is stale.</summary>
        public TimeSpan HeartbeatMaxAge => Stale(HeartbeatInterval);

        /// <summary>Default age beyond which a moving group's newest checkpoint is stale.</summary>
        public TimeSpan CheckpointMaxAge => Stale(CheckpointInterval);

        /// <summary>Three emission intervals plus <see cref="FreshnessSlack"/>.</summary>
        public static TimeSpan Stale(TimeSpan interval) => TimeSpan.FromTicks(interval.Ticks * 3) + FreshnessSlack;

        /// <summary>The DR topic MM2 replicates a primary topic into: "orders" -&gt; "primary.orders".</summary>
        public string RemoteTopicFor(string sourceTopic) => Policy.FormatRemoteTopic(Primary.Alias, sourceTopic);

        /// <summary>
        /// MirrorSourceConnector.shouldReplicateTopic: the flow's topic filter (every topic when no mm2.properties was
        /// read), or any heartbeats topic, but never an internal topic and never one that came from DR (a cycle).
        /// </summary>
        public bool Replicates(string sourceTopic)
        {
            if (sourceTopic == null)
            {
                throw new ArgumentNullException(nameof(sourceTopic));
            }

            var selected = Settings == null || Settings.TopicFilter.Matches(sourceTopic) || Policy.IsHeartbeatsTopic(sourceTopic);
            return selected && !Policy.IsInternalTopic(sourceTopic) && !IsCycle(sourceTopic);
        }

        /// <summary>Whether MM2's groups / groups.exclude filter (or its default) lets a group be checkpointed.</summary>
        public bool ChecksGroup(string group) => (Settings?.GroupFilter ?? DefaultGroupFilter).Matches(group);

        /// <summary>Where an internal topic of this flow lives: the cluster and the topic name.</summary>
        public (ClusterConnection Cluster, string Topic) Locate(Mm2TopicKind kind) => kind switch
        {
            Mm2TopicKind.Checkpoints => (Dr, CheckpointsTopic),
            Mm2TopicKind.OffsetSyncs => (OffsetSyncsCluster, OffsetSyncsTopic),
            Mm2TopicKind.Heartbeats => (Dr, HeartbeatsTopic),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Checkpoints, OffsetSyncs or Heartbeats."),
        };

        /// <summary>What usually explains a missing internal topic of this flow.</summary>
        public string MissingTopicHint(Mm2TopicKind kind) => kind switch
        {
            Mm2TopicKind.Checkpoints => $"MM2 creates it on the target cluster when the checkpoint connector of flow {FlowName} starts. "
                                        + $"Check the aliases and the replication policy ({Policy}), and that emit.checkpoints.enabled is true for the flow.",
            Mm2TopicKind.OffsetSyncs => $"MM2's source connector of flow {FlowName} creates it on the {OffsetSyncsLocation.ToString().ToLowerInvariant()} cluster "
                                        + $"(offset-syncs.topic.location={OffsetSyncsLocation.ToString().ToLowerInvariant()}); with Kafka 3.9, emit.offset-syncs.enabled=false also means there is none.",
            _ => $"MM2 creates it on every cluster that is the target of a herder with emit.heartbeats.enabled=true (the default); '{ReplicatedHeartbeatsTopic}' appears once the flow has replicated the primary's heartbeats.",
        };

        // MirrorSourceConnector.isCycle: a topic whose chain of sources reaches the target would come back to it.
        private bool IsCycle(string topic)
        {
            var source = Policy.TopicSource(topic);
            if (source == null)
            {
                return false;
            }

            if (source == Dr.Alias)
            {
                return true;
            }

            var upstream = Policy.UpstreamTopic(topic);
            return upstream != null && upstream != topic && IsCycle(upstream);
        }

        public override string ToString() => FlowName;
    }
}

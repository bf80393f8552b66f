using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Reads the flow's MM2 internal topics to their end. Kafka-backed in the module (<see cref="KafkaMm2TopicSource"/>),
    /// in memory in tests. Failures are the readers' own: <see cref="Mm2TopicNotFoundException"/>,
    /// <see cref="Mm2ReadTimeoutException"/>, <see cref="Mm2TopicReadException"/>; <see cref="Mm2ReadErrors"/> turns them
    /// into the module's error ids.
    /// </summary>
    public interface IMm2TopicSource
    {
        /// <summary>The flow's checkpoints topic on DR, in one pass, keeping the selected groups.</summary>
        CheckpointSnapshot ReadCheckpoints(GroupSelector groups, InternalTopicReadOptions options, CancellationToken cancellationToken);

        /// <summary>The flow's offset-syncs topic, wherever offset-syncs.topic.location puts it.</summary>
        OffsetSyncSnapshot ReadOffsetSyncs(InternalTopicReadOptions options, CancellationToken cancellationToken);

        /// <summary>A heartbeats topic on DR ("heartbeats" or a replica such as "primary.heartbeats").</summary>
        HeartbeatSnapshot ReadHeartbeats(string topic, InternalTopicReadOptions options, CancellationToken cancellationToken);

        /// <summary>Raw records of partition 0 of any topic on any cluster, in offset order, at most <paramref name="maxRecords"/>.</summary>
        TopicReadSummary ReadRecords(ClusterConnection cluster, string topic, string missingTopicHint, long? maxRecords, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<RawRecord> onRecord);
    }
}

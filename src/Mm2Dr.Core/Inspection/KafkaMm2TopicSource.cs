using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary><see cref="IMm2TopicSource"/> over the real clusters, through the MM2 readers.</summary>
    public sealed class KafkaMm2TopicSource : IMm2TopicSource
    {
        private readonly Mm2FlowLayout _layout;

        public KafkaMm2TopicSource(Mm2FlowLayout layout)
        {
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        }

        public CheckpointSnapshot ReadCheckpoints(GroupSelector groups, InternalTopicReadOptions options, CancellationToken cancellationToken)
            => new CheckpointReader(_layout.Dr, _layout.Policy).Read(_layout.Primary.Alias, groups, options, cancellationToken);

        public OffsetSyncSnapshot ReadOffsetSyncs(InternalTopicReadOptions options, CancellationToken cancellationToken)
            => new OffsetSyncReader(_layout.Primary, _layout.Dr, _layout.Policy, _layout.OffsetSyncsLocation).Read(options, initializationMustReadToEnd: false, cancellationToken);

        public HeartbeatSnapshot ReadHeartbeats(string topic, InternalTopicReadOptions options, CancellationToken cancellationToken)
            => new HeartbeatReader(_layout.Dr, _layout.Policy).Read(topic, options, cancellationToken);

        public TopicReadSummary ReadRecords(ClusterConnection cluster, string topic, string missingTopicHint, long? maxRecords, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<RawRecord> onRecord)
            => InternalTopicReader.Read(cluster, topic, missingTopicHint, options, maxRecords, cancellationToken, onRecord);
    }
}

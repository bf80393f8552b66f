using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>A task of one replication flow (source->target): its settings, both clusters, and where its offset syncs live.</summary>
    internal abstract class FlowWorker : MirrorWorker
    {
        protected FlowWorker(string what, Mm2FlowSettings settings, ClusterConnection source, ClusterConnection target, MirrorActivity activity)
            : base(settings + " " + what, activity)
        {
            Settings = settings;
            Source = source;
            Target = target;
            OffsetSyncsCluster = settings.OffsetSyncsCluster == source.Alias ? source : target;
            Filter = new MirrorTopicFilter(settings);
        }

        protected Mm2FlowSettings Settings { get; }

        protected ClusterConnection Source { get; }

        protected ClusterConnection Target { get; }

        /// <summary>The source with offset-syncs.topic.location = source (the default), else the target.</summary>
        protected ClusterConnection OffsetSyncsCluster { get; }

        protected MirrorTopicFilter Filter { get; }
    }
}

using System;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// The inspections' reads of the flow's internal topics: the context's deadline, clock and cancellation, progress
    /// under a readable activity, and the readers' failures turned into the module's error ids.
    /// </summary>
    internal static class Mm2TopicReads
    {
        public static CheckpointSnapshot Checkpoints(InspectionContext context, GroupSelector groups, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            return Translate(Mm2TopicKind.Checkpoints, layout.Dr, () => context.Mm2Topics.ReadCheckpoints(
                groups, context.ReadOptions($"Reading {layout.CheckpointsTopic} on '{layout.Dr.Alias}'", progress), context.Cancellation));
        }

        public static OffsetSyncSnapshot OffsetSyncs(InspectionContext context, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            return Translate(Mm2TopicKind.OffsetSyncs, layout.OffsetSyncsCluster, () => context.Mm2Topics.ReadOffsetSyncs(
                context.ReadOptions($"Reading {layout.OffsetSyncsTopic} on '{layout.OffsetSyncsCluster.Alias}'", progress), context.Cancellation));
        }

        public static HeartbeatSnapshot Heartbeats(InspectionContext context, string topic, Action<InspectionProgress>? progress)
        {
            var layout = context.Layout;
            return Translate(Mm2TopicKind.Heartbeats, layout.Dr, () => context.Mm2Topics.ReadHeartbeats(
                topic, context.ReadOptions($"Reading {topic} on '{layout.Dr.Alias}'", progress), context.Cancellation));
        }

        private static T Translate<T>(Mm2TopicKind kind, Environment.ClusterConnection cluster, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (Mm2TopicReadException e)
            {
                throw Mm2ReadErrors.Translate(e, kind, cluster);
            }
        }
    }
}

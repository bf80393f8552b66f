using System;
using System.Collections.Generic;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>Steps of an inspection that several inspections share.</summary>
    internal static class ClusterViewExtensions
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> None = new Dictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>>();

        /// <summary>Committed offsets of many groups, with progress at most about a hundred times (WriteProgress is not free).</summary>
        public static IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> CommittedWithProgress(this IClusterView view, IReadOnlyList<GroupOffsetsRequest> requests, Action<InspectionProgress>? progress)
        {
            if (requests.Count == 0)
            {
                return None;
            }

            var activity = $"Reading committed offsets on '{view.Connection.Alias}'";
            var every = Math.Max(1, requests.Count / 100);
            progress?.Invoke(new InspectionProgress(activity, $"0 of {requests.Count:N0} groups", 0));
            return view.Committed(requests, answered =>
            {
                if (progress != null && (answered % every == 0 || answered == requests.Count))
                {
                    progress(new InspectionProgress(activity, $"{answered:N0} of {requests.Count:N0} groups", (double)answered / requests.Count));
                }
            });
        }

        /// <summary>The offset of a group's partition in a <see cref="IClusterView.Committed"/> answer, or null.</summary>
        public static long? OffsetOf(this IReadOnlyDictionary<string, IReadOnlyDictionary<TopicPartitionRef, long>> committed, string group, TopicPartitionRef partition)
            => committed.TryGetValue(group, out var offsets) && offsets.TryGetValue(partition, out var offset) ? offset : null;
    }
}

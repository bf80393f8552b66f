using System.Collections.Generic;
using Confluent.Kafka;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Consume
{
    /// <summary>Where a read starts in each partition, and the log start and end captured before it began.</summary>
    internal sealed class PartitionPlan
    {
        public PartitionPlan(IReadOnlyDictionary<TopicPartitionRef, Offset> startOffsets, IReadOnlyDictionary<TopicPartitionRef, long> lowOffsets, IReadOnlyDictionary<TopicPartitionRef, long> endOffsets)
        {
            StartOffsets = startOffsets;
            LowOffsets = lowOffsets;
            EndOffsets = endOffsets;
        }

        public IReadOnlyDictionary<TopicPartitionRef, Offset> StartOffsets { get; }

        public IReadOnlyDictionary<TopicPartitionRef, long> LowOffsets { get; }

        public IReadOnlyDictionary<TopicPartitionRef, long> EndOffsets { get; }

        /// <summary>True when a bounded read has nothing to read in this partition (start at or past the captured end).</summary>
        public bool IsEmptyFromStart(TopicPartitionRef tp)
        {
            if (!StartOffsets.TryGetValue(tp, out var start) || start == Offset.Stored || start == Offset.Unset)
            {
                return false;
            }

            if (!EndOffsets.TryGetValue(tp, out var end) || !LowOffsets.TryGetValue(tp, out var low))
            {
                return false;
            }

            var first = start == Offset.End ? end : start == Offset.Beginning ? low : start.Value;
            return first >= end;
        }
    }
}

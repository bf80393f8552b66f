using System.Collections.Generic;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Where a Kafka record came from (topic, partition, offset), each part optional, so that a decoding error
    /// can point at the exact record an operator has to look at.
    /// </summary>
    public readonly struct RecordLocation
    {
        public RecordLocation(string? topic, int? partition, long? offset)
        {
            Topic = topic;
            Partition = partition;
            Offset = offset;
        }

        /// <summary>Nothing known: for bytes that did not come from a topic (tests, tools).</summary>
        public static RecordLocation Unknown => default;

        public string? Topic { get; }

        public int? Partition { get; }

        public long? Offset { get; }

        public bool IsKnown => Topic != null || Partition.HasValue || Offset.HasValue;

        /// <summary>"topic 'x' partition 0 offset 17", leaving out what is unknown; "unknown location" when nothing is.</summary>
        public override string ToString()
        {
            var parts = new List<string>(3);
            if (Topic != null)
            {
                parts.Add("topic '" + Topic + "'");
            }

            if (Partition.HasValue)
            {
                parts.Add("partition " + Partition.Value);
            }

            if (Offset.HasValue)
            {
                parts.Add("offset " + Offset.Value);
            }

            return parts.Count == 0 ? "unknown location" : string.Join(" ", parts);
        }
    }
}

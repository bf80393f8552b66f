using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// A record in an MM2 internal topic could not be decoded (truncated, negative length, invalid UTF-8, …).
    /// The equivalent of Kafka's SchemaException, but it says which record and which field, because the operator
    /// has to find the record in a topic that may hold millions.
    /// </summary>
    public sealed class Mm2RecordFormatException : FormatException
    {
        public Mm2RecordFormatException(Mm2RecordKind recordKind, RecordPart part, string? field, RecordLocation location, string problem, Exception? inner = null)
            : base(BuildMessage(recordKind, part, field, location, problem), inner)
        {
            RecordKind = recordKind;
            Part = part;
            Field = field;
            Location = location;
            Problem = problem;
        }

        public Mm2RecordKind RecordKind { get; }

        /// <summary>Whether the key or the value was malformed.</summary>
        public RecordPart Part { get; }

        /// <summary>The schema field being read when decoding failed (Kafka's field name, e.g. "upstreamOffset"), if any.</summary>
        public string? Field { get; }

        public RecordLocation Location { get; }

        public string? Topic => Location.Topic;

        public int? Partition => Location.Partition;

        public long? Offset => Location.Offset;

        /// <summary>What was wrong, without the location prefix.</summary>
        public string Problem { get; }

        private static string BuildMessage(Mm2RecordKind kind, RecordPart part, string? field, RecordLocation location, string problem)
        {
            var fieldText = field == null ? string.Empty : " field '" + field + "'";
            return $"Cannot decode {Describe(kind)} record {part.ToString().ToLowerInvariant()}{fieldText} at {location}: {problem}";
        }

        private static string Describe(Mm2RecordKind kind) => kind switch
        {
            Mm2RecordKind.Checkpoint => "MM2 checkpoint",
            Mm2RecordKind.OffsetSync => "MM2 offset-sync",
            Mm2RecordKind.Heartbeat => "MM2 heartbeat",
            _ => "MM2",
        };
    }
}

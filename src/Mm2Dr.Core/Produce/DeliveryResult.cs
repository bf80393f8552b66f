using System;

namespace Mm2Dr.Core.Produce
{
    /// <summary>What happened to one produced message (written for -PassThru, and for every failure).</summary>
    public sealed class DeliveryResult
    {
        public string Cluster { get; set; } = "";

        public string Topic { get; set; } = "";

        public int Partition { get; set; } = -1;

        public long Offset { get; set; } = -1;

        public DateTimeOffset? Timestamp { get; set; }

        public string? Key { get; set; }

        /// <summary>Persisted, NotPersisted or PossiblyPersisted, as librdkafka reports it.</summary>
        public string Status { get; set; } = "";

        public bool Delivered => Error == null;

        public string? Error { get; set; }

        public string? ErrorCode { get; set; }

        public override string ToString() => Delivered ? $"{Topic}[{Partition}]@{Offset}" : $"{Topic}: {Error}";
    }
}

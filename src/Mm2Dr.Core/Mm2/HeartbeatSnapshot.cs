using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>The newest heartbeat per (source, target) key in one heartbeats topic, with how the read went.</summary>
    public sealed class HeartbeatSnapshot
    {
        public HeartbeatSnapshot(string topic, IReadOnlyList<HeartbeatStatus> heartbeats, DecodeReport decode, TopicReadSummary? read)
        {
            Topic = topic ?? throw new ArgumentNullException(nameof(topic));
            Heartbeats = heartbeats ?? throw new ArgumentNullException(nameof(heartbeats));
            Decode = decode ?? throw new ArgumentNullException(nameof(decode));
            Read = read;
        }

        public string Topic { get; }

        /// <summary>One entry per (source, target) key, ordered by source then target alias.</summary>
        public IReadOnlyList<HeartbeatStatus> Heartbeats { get; }

        public DecodeReport Decode { get; }

        public TopicReadSummary? Read { get; }

        public override string ToString() => $"{Topic}: {Heartbeats.Count} heartbeat keys ({Decode})";
    }
}

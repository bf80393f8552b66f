using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// One MM2 heartbeat (org.apache.kafka.connect.mirror.Heartbeat), emitted every emit.heartbeats.interval.seconds by
    /// the herder <see cref="SourceClusterAlias"/>-&gt;<see cref="TargetClusterAlias"/> into the target cluster.
    /// </summary>
    public sealed record Heartbeat(string SourceClusterAlias, string TargetClusterAlias, long TimestampMs)
    {
        public const short CurrentVersion = 0;

        /// <summary>The value header's version; any version is decoded with the version-0 layout, as MM2 does.</summary>
        public short Version { get; init; } = CurrentVersion;

        /// <summary>The emission time (epoch milliseconds as a date), or null if the value is outside the representable range.</summary>
        public DateTimeOffset? Timestamp => EpochMilliseconds.ToDateTimeOffset(TimestampMs);

        public override string ToString() => $"Heartbeat({SourceClusterAlias}->{TargetClusterAlias} at {TimestampMs})";
    }
}

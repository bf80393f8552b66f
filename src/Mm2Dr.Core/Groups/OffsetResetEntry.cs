namespace Mm2Dr.Core.Groups
{
    /// <summary>One partition of an offset-reset plan: where the group is, where it will be, and why.</summary>
    public sealed class OffsetResetEntry
    {
        public string Cluster { get; set; } = "";

        public string Group { get; set; } = "";

        public string Topic { get; set; } = "";

        public int Partition { get; set; }

        public long? CurrentOffset { get; set; }

        public long TargetOffset { get; set; }

        public long LogStartOffset { get; set; }

        public long LogEndOffset { get; set; }

        /// <summary>Target minus current: negative rewinds (messages re-read), positive skips.</summary>
        public long? Change => CurrentOffset is long c ? TargetOffset - c : (long?)null;

        /// <summary>Why the target differs from what was asked (e.g. clamped into the log's range).</summary>
        public string? Note { get; set; }

        /// <summary>True once the new offset was committed; false in a plan or a -WhatIf run.</summary>
        public bool Applied { get; set; }

        public override string ToString() => $"{Topic}[{Partition}] {CurrentOffset?.ToString() ?? "-"} -> {TargetOffset}";
    }
}

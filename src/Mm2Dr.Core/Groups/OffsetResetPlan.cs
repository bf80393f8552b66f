using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Groups
{
    /// <summary>What an offset reset would do, computed before anything changes (shown by -WhatIf).</summary>
    public sealed class OffsetResetPlan
    {
        public string Cluster { get; set; } = "";

        public string BootstrapServers { get; set; } = "";

        public string Group { get; set; } = "";

        public OffsetResetMode Mode { get; set; }

        public string GroupState { get; set; } = "Unknown";

        public IReadOnlyList<KafkaGroupMember> ActiveMembers { get; set; } = Array.Empty<KafkaGroupMember>();

        public IReadOnlyList<OffsetResetEntry> Entries { get; set; } = Array.Empty<OffsetResetEntry>();

        public bool CanApply => ActiveMembers.Count == 0 && GroupState != "Stable" && GroupState != "PreparingRebalance" && GroupState != "CompletingRebalance";

        public string Describe()
            => $"Reset offsets of group '{Group}' on cluster '{Cluster}' for {Entries.Count} partition(s) of {string.Join(", ", Entries.Select(e => e.Topic).Distinct())}: "
               + string.Join("; ", Entries.Select(e => $"{e.Topic}[{e.Partition}] {e.CurrentOffset?.ToString() ?? "none"} -> {e.TargetOffset}"));
    }
}

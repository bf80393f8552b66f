using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>What Get-Mm2Status was asked for; unset thresholds come from the flow's emission intervals.</summary>
    public sealed class Mm2StatusOptions
    {
        /// <summary>Newest heartbeat older than this is stale; default <see cref="Mm2FlowLayout.HeartbeatMaxAge"/>.</summary>
        public TimeSpan? HeartbeatMaxAge { get; init; }

        /// <summary>A moving group's newest checkpoint older than this is stale; default <see cref="Mm2FlowLayout.CheckpointMaxAge"/>.</summary>
        public TimeSpan? CheckpointMaxAge { get; init; }

        /// <summary>Groups (names or wildcards) whose checkpoints to check; null for every group in the checkpoints topic.</summary>
        public IReadOnlyList<string>? Groups { get; init; }
    }
}

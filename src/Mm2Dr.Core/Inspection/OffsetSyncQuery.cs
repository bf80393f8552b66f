using System.Collections.Generic;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>What Get-OffsetSync was asked for.</summary>
    public sealed class OffsetSyncQuery
    {
        /// <summary>Group ids or wildcards; null or empty for every group with checkpoints plus the primary's groups MM2 checkpoints.</summary>
        public IReadOnlyList<string>? Groups { get; init; }

        /// <summary>Topics as named on the primary (or their DR names), or wildcards; null or empty for every replicated topic.</summary>
        public IReadOnlyList<string>? Topics { get; init; }
    }
}

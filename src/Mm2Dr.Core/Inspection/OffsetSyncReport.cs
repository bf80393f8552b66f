using System;
using System.Collections.Generic;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>What Get-OffsetSync found: one row per group partition, and what the operator should know about how.</summary>
    public sealed class OffsetSyncReport
    {
        public OffsetSyncReport(IReadOnlyList<OffsetSyncRow> rows, IReadOnlyList<string> warnings, IReadOnlyList<Mm2DrException> errors, IReadOnlyList<string> groups, IReadOnlyList<string> topics)
        {
            Rows = rows ?? throw new ArgumentNullException(nameof(rows));
            Warnings = warnings ?? throw new ArgumentNullException(nameof(warnings));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
            Groups = groups ?? throw new ArgumentNullException(nameof(groups));
            Topics = topics ?? throw new ArgumentNullException(nameof(topics));
        }

        /// <summary>Ordered by group, DR topic and partition.</summary>
        public IReadOnlyList<OffsetSyncRow> Rows { get; }

        /// <summary>Things that make the answer less complete: an empty checkpoints topic, corrupt records, no offset syncs.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Per-item failures that did not stop the rest (a named group or topic that does not exist).</summary>
        public IReadOnlyList<Mm2DrException> Errors { get; }

        /// <summary>The groups that were looked at.</summary>
        public IReadOnlyList<string> Groups { get; }

        /// <summary>The primary topics that appear in the rows.</summary>
        public IReadOnlyList<string> Topics { get; }
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>One round of Get-ReplicationLag.</summary>
    public sealed class ReplicationLagReport
    {
        public ReplicationLagReport(IReadOnlyList<ReplicationLagSample> samples, IReadOnlyList<string> warnings, IReadOnlyList<Mm2DrException> errors, IReadOnlyList<string> topics)
        {
            Samples = samples ?? throw new ArgumentNullException(nameof(samples));
            Warnings = warnings ?? throw new ArgumentNullException(nameof(warnings));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
            Topics = topics ?? throw new ArgumentNullException(nameof(topics));
        }

        /// <summary>Per primary topic and partition, ordinal topic order then partition.</summary>
        public IReadOnlyList<ReplicationLagSample> Samples { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<Mm2DrException> Errors { get; }

        /// <summary>The primary topics measured.</summary>
        public IReadOnlyList<string> Topics { get; }
    }
}

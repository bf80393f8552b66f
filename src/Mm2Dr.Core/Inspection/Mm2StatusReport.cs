using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>Every finding of Get-Mm2Status and the overall verdict (the worst finding).</summary>
    public sealed class Mm2StatusReport
    {
        public Mm2StatusReport(IReadOnlyList<Mm2StatusCheck> checks, Mm2StatusCheck overall)
        {
            Checks = checks ?? throw new ArgumentNullException(nameof(checks));
            Overall = overall ?? throw new ArgumentNullException(nameof(overall));
        }

        /// <summary>The findings, without the overall one.</summary>
        public IReadOnlyList<Mm2StatusCheck> Checks { get; }

        /// <summary>Check "Overall": the worst status, with the counts.</summary>
        public Mm2StatusCheck Overall { get; }

        public CheckStatus Status => Overall.Status;

        /// <summary>Nothing failed (warnings allowed): what -Quiet returns.</summary>
        public bool IsHealthy => Status != CheckStatus.Failed;

        public IEnumerable<Mm2StatusCheck> All => Checks.Concat(new[] { Overall });
    }
}

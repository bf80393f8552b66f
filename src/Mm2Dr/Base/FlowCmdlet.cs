using System;
using System.Collections.Generic;
using System.Management.Automation;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;

namespace Mm2Dr.Base
{
    /// <summary>
    /// A cmdlet that inspects the session's primary-&gt;DR flow as a whole: it talks to both clusters of the DR environment
    /// (Connect-DrEnvironment) and reads MM2's internal topics. -TimeoutSec bounds each request, -ReadTimeout each whole
    /// read of an internal topic.
    /// </summary>
    public abstract class FlowCmdlet : Mm2DrCmdlet
    {
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 15;

        /// <summary>Deadline of each whole read of an internal topic: seconds, '90s', '5m' or hh:mm:ss.</summary>
        [Parameter]
        [DurationTransformation]
        public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

        protected override void Begin() => RequirePositive(ReadTimeout, nameof(ReadTimeout));

        /// <summary>Clients for both clusters of the session's environment; dispose when done.</summary>
        protected InspectionContext OpenInspection()
        {
            var environment = Session.Environment;
            WriteVerbose($"Flow {environment.Primary.Alias}->{environment.Dr.Alias}: primary at {environment.Primary.BootstrapServers}, DR at {environment.Dr.BootstrapServers}, {environment.Policy} policy.");
            return InspectionContext.Open(environment, TimeSpan.FromSeconds(TimeoutSec), ReadTimeout, Cancellation);
        }

        /// <summary>Warnings, then per-item errors (non-terminating), of an inspection.</summary>
        protected void WriteFindings(IEnumerable<string> warnings, IEnumerable<Mm2DrException> errors)
        {
            foreach (var warning in warnings)
            {
                WriteWarning(warning);
            }

            foreach (var error in errors)
            {
                Report(error);
            }
        }

        /// <summary>What librdkafka said while the inspection ran, as verbose output.</summary>
        protected void WriteDiagnostics(InspectionContext context)
        {
            foreach (var view in new[] { context.Primary, context.Dr })
            {
                if (view is KafkaClusterView kafka)
                {
                    WriteDiagnostics(kafka.Diagnostics);
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.TestSupport;

namespace Mm2Dr.Tests
{
    /// <summary>A runspace connected to the two clusters of a <see cref="FlowScenario"/> (primary and DR on separate brokers).</summary>
    public sealed class FlowSession : IDisposable
    {
        public FlowSession()
        {
            Scenario = new FlowScenario();
            Shell = new PowerShellSession();
            Shell.Run("Connect-DrEnvironment -PrimaryBootstrapServers $p -DrBootstrapServers $d",
                new Dictionary<string, object?> { ["p"] = Scenario.Primary.BootstrapServers, ["d"] = Scenario.Dr.BootstrapServers }).ThrowOnError();
        }

        public FlowScenario Scenario { get; }

        public PowerShellSession Shell { get; }

        public void Dispose()
        {
            Shell.Dispose();
            Scenario.Dispose();
        }
    }
}

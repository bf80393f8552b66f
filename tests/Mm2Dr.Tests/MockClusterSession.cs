using System;
using System.Collections.Generic;
using Mm2Dr.Core.Embedded;

namespace Mm2Dr.Tests
{
    /// <summary>A runspace connected to a fresh mock cluster (as both primary and DR). Never list or delete groups on it.</summary>
    public sealed class MockClusterSession : IDisposable
    {
        public MockClusterSession()
        {
            Mock = RdKafkaMockCluster.Start();
            Shell = new PowerShellSession();
            Shell.Run("Connect-DrEnvironment -PrimaryBootstrapServers $b -DrBootstrapServers $b", new Dictionary<string, object?> { ["b"] = Mock.BootstrapServers }).ThrowOnError();
        }

        public RdKafkaMockCluster Mock { get; }

        public PowerShellSession Shell { get; }

        public string NewTopic(int partitions = 1)
        {
            var name = "c" + Guid.NewGuid().ToString("N").Substring(0, 12);
            Mock.CreateTopic(name, partitions);
            return name;
        }

        public void Dispose()
        {
            Shell.Dispose();
            Mock.Dispose();
        }
    }
}

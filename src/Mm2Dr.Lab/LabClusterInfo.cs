using System;

namespace Mm2Dr.Lab
{
    /// <summary>A snapshot of a named lab broker, as Start-/Get-KafkaLabCluster show it.</summary>
    public sealed class LabClusterInfo
    {
        public LabClusterInfo(string name, LabBroker broker, string? dataDirectory)
        {
            Name = name;
            BootstrapServers = broker.BootstrapServers;
            Port = broker.Port;
            IsUp = broker.IsUp;
            ClusterId = broker.ClusterId;
            AddedLatency = broker.AddedLatency;
            DataDirectory = dataDirectory;
        }

        public string Name { get; }

        public string BootstrapServers { get; }

        public int Port { get; }

        public bool IsUp { get; }

        public string ClusterId { get; }

        public TimeSpan AddedLatency { get; }

        /// <summary>Where the broker persists its data, or null when it keeps everything in memory only.</summary>
        public string? DataDirectory { get; }

        public bool Persistent => DataDirectory != null;

        public override string ToString() => $"{Name} ({BootstrapServers})";
    }
}

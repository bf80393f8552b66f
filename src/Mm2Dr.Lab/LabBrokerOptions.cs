using System;

namespace Mm2Dr.Lab
{
    /// <summary>Settings of a <see cref="LabBroker"/>. Names follow the Kafka broker settings they stand for.</summary>
    public sealed class LabBrokerOptions
    {
        private string? _clusterId;

        public string Host { get; set; } = "127.0.0.1";

        /// <summary>0 picks a free port; <see cref="LabBroker.Port"/> tells which.</summary>
        public int Port { get; set; }

        public int NodeId { get; set; } = 1;

        /// <summary>
        /// Defaults to a fresh id, or, with a <see cref="DataDirectory"/> that already has one, to the stored id
        /// (a restarted broker keeps its identity unless an id is set explicitly).
        /// </summary>
        public string ClusterId
        {
            get => _clusterId ??= Storage.ClusterIds.New();
            set
            {
                _clusterId = value ?? throw new ArgumentNullException(nameof(value));
                ClusterIdWasSet = true;
            }
        }

        internal bool ClusterIdWasSet { get; private set; }

        /// <summary>null keeps everything in memory; otherwise topics, logs, offsets and groups survive a restart.</summary>
        public string? DataDirectory { get; set; }

        /// <summary>Kafka's auto.create.topics.enable.</summary>
        public bool AutoCreateTopics { get; set; } = true;

        /// <summary>Kafka's num.partitions: used for auto-created topics and CreateTopics with -1 partitions.</summary>
        public int DefaultPartitions { get; set; } = 1;

        /// <summary>Kafka's group.initial.rebalance.delay.ms (Kafka's dev config uses 0, and so does the lab broker).</summary>
        public TimeSpan InitialRebalanceDelay { get; set; } = TimeSpan.Zero;

        /// <summary>Kafka's socket.request.max.bytes: a larger request frame closes the connection.</summary>
        public int MaxRequestBytes { get; set; } = 100 * 1024 * 1024;

        /// <summary>Optional diagnostics sink. Only rare events are logged, so it costs nothing on the hot paths.</summary>
        public Action<string>? Log { get; set; }

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(Host))
            {
                throw new ArgumentException("Host must be set (e.g. 127.0.0.1).", nameof(Host));
            }

            if (Port < 0 || Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0 (any free port) to 65535.");
            }

            if (NodeId < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(NodeId), NodeId, "NodeId must not be negative.");
            }

            if (DefaultPartitions < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(DefaultPartitions), DefaultPartitions, "DefaultPartitions must be at least 1.");
            }

            if (InitialRebalanceDelay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(InitialRebalanceDelay), InitialRebalanceDelay, "InitialRebalanceDelay must not be negative.");
            }

            if (MaxRequestBytes < 1024)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), MaxRequestBytes, "MaxRequestBytes must be at least 1024.");
            }
        }
    }
}

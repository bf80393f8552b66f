using System;
using System.Runtime.InteropServices;
using System.Text;
using Mm2Dr.Core.Native;

namespace Mm2Dr.Core.Embedded
{
    /// <summary>
    /// librdkafka's in-process mock cluster: a real Kafka-protocol listener on 127.0.0.1, good for produce, fetch,
    /// metadata, groups and commits. It lacks group listing (which crashes the client), topic creation through the
    /// admin API, offsets by timestamp, and keeps only 5 MiB per partition. Tests and benchmarks only.
    /// </summary>
    public sealed class RdKafkaMockCluster : IDisposable
    {
        private readonly object _gate = new object();
        private IntPtr _rk;
        private IntPtr _cluster;

        private RdKafkaMockCluster(IntPtr rk, IntPtr cluster, int brokerCount)
        {
            _rk = rk;
            _cluster = cluster;
            BrokerCount = brokerCount;
            BootstrapServers = Marshal.PtrToStringAnsi(RdKafkaMockApi.rd_kafka_mock_cluster_bootstraps(cluster)) ?? string.Empty;
        }

        public string BootstrapServers { get; }

        public int BrokerCount { get; }

        public static RdKafkaMockCluster Start(int brokerCount = 1)
        {
            if (brokerCount < 1 || brokerCount > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(brokerCount), brokerCount, "Expected 1 to 16 mock brokers.");
            }

            RdKafkaLibrary.EnsureOwnImportsBound();
            var err = new StringBuilder(512);
            var conf = RdKafkaMockApi.rd_kafka_conf_new();
            // The handle only hosts the mock's threads; it must never try to reach a real broker.
            RdKafkaMockApi.rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", err, (UIntPtr)err.Capacity);
            RdKafkaMockApi.rd_kafka_conf_set(conf, "log_level", "0", err, (UIntPtr)err.Capacity);
            var rk = RdKafkaMockApi.rd_kafka_new(RdKafkaMockApi.RdKafkaProducer, conf, err, (UIntPtr)err.Capacity);
            if (rk == IntPtr.Zero)
            {
                throw new InvalidOperationException("librdkafka could not create the handle for a mock cluster: " + err);
            }

            var cluster = RdKafkaMockApi.rd_kafka_mock_cluster_new(rk, brokerCount);
            if (cluster == IntPtr.Zero)
            {
                RdKafkaMockApi.rd_kafka_destroy(rk);
                throw new InvalidOperationException("librdkafka could not start a mock cluster.");
            }

            // Kafka's own server.properties uses 0 for development; the mock's 3 s default slows every join.
            RdKafkaMockApi.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
            return new RdKafkaMockCluster(rk, cluster, brokerCount);
        }

        /// <summary>Creates a topic directly in the mock (the admin API cannot: the mock lacks CreateTopics).</summary>
        public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
        {
            var code = RdKafkaMockApi.rd_kafka_mock_topic_create(Handle(), topic, partitions, replicationFactor);
            if (code != 0)
            {
                throw new InvalidOperationException($"The mock cluster refused to create topic '{topic}' (librdkafka error {code}).");
            }
        }

        /// <summary>Takes every broker down: connections are refused and open ones dropped. Data is kept.</summary>
        public void SetDown()
        {
            for (var id = 1; id <= BrokerCount; id++)
            {
                RdKafkaMockApi.rd_kafka_mock_broker_set_down(Handle(), id);
            }
        }

        public void SetUp()
        {
            for (var id = 1; id <= BrokerCount; id++)
            {
                RdKafkaMockApi.rd_kafka_mock_broker_set_up(Handle(), id);
            }
        }

        private IntPtr Handle()
        {
            lock (_gate)
            {
                if (_cluster == IntPtr.Zero)
                {
                    throw new ObjectDisposedException(nameof(RdKafkaMockCluster));
                }

                return _cluster;
            }
        }

        public void Dispose()
        {
            IntPtr cluster, rk;
            lock (_gate)
            {
                cluster = _cluster;
                rk = _rk;
                _cluster = IntPtr.Zero;
                _rk = IntPtr.Zero;
            }

            if (cluster != IntPtr.Zero)
            {
                RdKafkaMockApi.rd_kafka_mock_cluster_destroy(cluster);
            }

            if (rk != IntPtr.Zero)
            {
                RdKafkaMockApi.rd_kafka_destroy(rk);
            }
        }

        public override string ToString() => $"librdkafka mock cluster ({BootstrapServers})";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.TestSupport
{
    /// <summary>Writes raw MM2-format bytes into partition 0 of a topic with a plain producer, as MM2 would.</summary>
    internal static class MockTopicWriter
    {
        public static ClusterConnection Connection(RdKafkaMockCluster cluster, string alias, ClusterRole role)
            => new ClusterConnection(alias, cluster.BootstrapServers, role);

        public static void Write(RdKafkaMockCluster cluster, string topic, IEnumerable<(byte[]? Key, byte[]? Value)> records, DateTimeOffset? timestamp = null)
            => Write(cluster.BootstrapServers, topic, records.Select(r => (r.Key, r.Value, timestamp)));

        /// <summary>Each record with its own timestamp (CreateTime), or the producer's clock when null.</summary>
        public static void Write(string bootstrapServers, string topic, IEnumerable<(byte[]? Key, byte[]? Value, DateTimeOffset? Timestamp)> records)
        {
            var config = new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, LingerMs = 5 };
            using var producer = new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build();
            var failures = new List<string>();
            foreach (var (key, value, timestamp) in records)
            {
                var message = new Message<byte[]?, byte[]?> { Key = key, Value = value };
                if (timestamp.HasValue)
                {
                    message.Timestamp = new Timestamp(timestamp.Value);
                }

                producer.Produce(new TopicPartition(topic, 0), message, report =>
                {
                    if (report.Error.IsError)
                    {
                        lock (failures)
                        {
                            failures.Add(report.Error.Reason);
                        }
                    }
                });
            }

            if (producer.Flush(TimeSpan.FromSeconds(30)) != 0 || failures.Count > 0)
            {
                throw new InvalidOperationException($"Could not write to topic '{topic}' at {bootstrapServers}: {string.Join("; ", failures)}");
            }
        }

        public static (byte[]?, byte[]?) Bytes(Checkpoint c) => (CheckpointCodec.EncodeKey(c), CheckpointCodec.EncodeValue(c));

        public static (byte[]?, byte[]?) Bytes(OffsetSync s) => (OffsetSyncCodec.EncodeKey(s), OffsetSyncCodec.EncodeValue(s));

        public static (byte[]?, byte[]?) Bytes(Heartbeat h) => (HeartbeatCodec.EncodeKey(h), HeartbeatCodec.EncodeValue(h));
    }
}

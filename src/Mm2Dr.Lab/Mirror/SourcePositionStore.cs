using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// Where the flow has replicated up to, kept where a Connect worker keeps MM2's source offsets: in the worker's offset
    /// topic on the target cluster (mm2-offsets.&lt;source&gt;.internal), with Connect's JSON layout, key
    /// ["MirrorSourceConnector",{"cluster":…,"partition":…,"topic":…}] and value {"offset":N}, N being the last
    /// upstream offset the target acknowledged. So the position survives a restart of the lab (with a data folder) and
    /// travels over the wire like everything else.
    /// </summary>
    internal sealed class SourcePositionStore : IDisposable
    {
        public const string ConnectorName = "MirrorSourceConnector";

        /// <summary>Connect's offset.storage.partitions default.</summary>
        public const int DefaultPartitions = 25;

        private readonly ClusterConnection _target;
        private readonly string _sourceAlias;
        private readonly MirrorActivity _activity;
        private readonly KafkaClientDiagnostics _diagnostics;
        private readonly Dictionary<TopicPartitionRef, long> _stored = new Dictionary<TopicPartitionRef, long>();
        private IProducer<byte[]?, byte[]?>? _producer;

        public SourcePositionStore(ClusterConnection target, string sourceAlias, string topic, MirrorActivity activity)
        {
            _target = target;
            _sourceAlias = sourceAlias;
            Topic = topic;
            _activity = activity;
            _diagnostics = activity.Diagnostics("positions", target);
        }

        public string Topic { get; }

        /// <summary>Reads every partition of the topic to its end: the last stored position of each source partition.</summary>
        public IReadOnlyDictionary<TopicPartitionRef, long> Load(KafkaAdmin targetAdmin, TimeSpan timeout, CancellationToken stop)
        {
            var metadata = targetAdmin.GetMetadata(Topic).Topics.FirstOrDefault(t => t.Topic == Topic);
            var positions = new Dictionary<TopicPartitionRef, long>();
            if (metadata == null || metadata.Error.Code != ErrorCode.NoError || metadata.Partitions.Count == 0)
            {
                return positions;
            }

            var deadline = DateTime.UtcNow + timeout;
            using var consumer = MirrorClients.Consumer(_target, _diagnostics, "mm2dr-mirror-offsets-reader", "mm2dr-mirror-offsets-reader", partitionEof: true);
            var ends = new Dictionary<int, long>();
            foreach (var p in metadata.Partitions)
            {
                var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p.PartitionId), MirrorClients.AdminTimeout);
                if (watermarks.High.Value > watermarks.Low.Value)
                {
                    ends[p.PartitionId] = watermarks.High.Value;
                }
            }

            if (ends.Count == 0)
            {
                return positions;
            }

            consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
            var remaining = new HashSet<int>(ends.Keys);
            while (remaining.Count > 0)
            {
                stop.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Reading the mirror's positions from '{Topic}' on cluster '{_target.Alias}' did not finish within {timeout.TotalSeconds:0} s.");
                }

                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result == null)
                {
                    continue;
                }

                var partition = result.Partition.Value;
                if (!result.IsPartitionEOF)
                {
                    Apply(result.Message.Key, result.Message.Value, positions);
                }

                if (result.IsPartitionEOF || result.Offset.Value + 1 >= ends[partition])
                {
                    remaining.Remove(partition);
                }
            }

            foreach (var kv in positions)
            {
                _stored[kv.Key] = kv.Value;
            }

            return positions;
        }

        /// <summary>Writes the positions that changed since the last call (Connect's offset flush); does not wait.</summary>
        public void Store(IReadOnlyDictionary<TopicPartitionRef, long> positions)
        {
            foreach (var kv in positions)
            {
                if (_stored.TryGetValue(kv.Key, out var known) && known == kv.Value)
                {
                    continue;
                }

                _producer ??= MirrorClients.RecordProducer(_target, _diagnostics, "mm2dr-mirror-offsets-writer", new Dictionary<string, string>
                {
                    // Java's default partitioner for keyed records, so a Connect worker would find the keys where it expects them.
                    ["partitioner"] = "murmur2_random",
                });
                _producer.Produce(Topic, new Message<byte[]?, byte[]?> { Key = Key(kv.Key), Value = Value(kv.Value) }, report =>
                {
                    if (report.Error.IsError)
                    {
                        _activity.Error("positions", $"storing the position of {kv.Key} in '{Topic}' on cluster '{_target.Alias}' failed: {_target.Redact(report.Error.Reason)}");
                    }
                });
                _stored[kv.Key] = kv.Value;
            }
        }

        /// <summary>Waits for the stored positions to be acknowledged; false if they were not within the time.</summary>
        public bool Flush(TimeSpan timeout) => _producer == null || _producer.Flush(timeout) == 0;

        public void Dispose() => _producer?.Dispose();

        internal byte[] Key(TopicPartitionRef sourcePartition)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                json.WriteStringValue(ConnectorName);
                json.WriteStartObject();
                json.WriteString("cluster", _sourceAlias);
                json.WriteNumber("partition", sourcePartition.Partition);
                json.WriteString("topic", sourcePartition.Topic);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            return buffer.ToArray();
        }

        internal static byte[] Value(long offset) => Encoding.UTF8.GetBytes("{\"offset\":" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");

        /// <summary>Applies one record of the offsets topic; anything not ours or not readable is skipped (other connectors share the topic).</summary>
        internal void Apply(byte[]? key, byte[]? value, Dictionary<TopicPartitionRef, long> positions)
        {
            if (key == null)
            {
                return;
            }

            TopicPartitionRef partition;
            try
            {
                using var keyDoc = JsonDocument.Parse(key);
                var root = keyDoc.RootElement;
                if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 2 || root[0].GetString() != ConnectorName)
                {
                    return;
                }

                var part = root[1];
                if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("cluster", out var cluster) || cluster.GetString() != _sourceAlias
                    || !part.TryGetProperty("topic", out var topic) || !part.TryGetProperty("partition", out var number) || topic.GetString() == null)
                {
                    return;
                }

                partition = new TopicPartitionRef(topic.GetString()!, number.GetInt32());
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is FormatException)
            {
                return;
            }

            if (value == null)
            {
                positions.Remove(partition);
                return;
            }

            try
            {
                using var valueDoc = JsonDocument.Parse(value);
                if (valueDoc.RootElement.ValueKind == JsonValueKind.Object && valueDoc.RootElement.TryGetProperty("offset", out var offset))
                {
                    positions[partition] = offset.GetInt64();
                }
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is FormatException)
            {
                // An unreadable value does not move the position.
            }
        }
    }
}

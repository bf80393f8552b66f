using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Topics
{
    /// <summary>Topic listing, creation and deletion on one cluster.</summary>
    public sealed class TopicCatalog
    {
        private readonly KafkaAdmin _admin;
        private readonly ReplicationPolicy _policy;

        public TopicCatalog(KafkaAdmin admin, ReplicationPolicy policy)
        {
            _admin = admin ?? throw new ArgumentNullException(nameof(admin));
            _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        /// <summary>Topic names only, from metadata (no watermarks); cheap enough for completion caches.</summary>
        public IReadOnlyList<string> ListNames(bool includeInternal)
        {
            var metadata = _admin.GetMetadata();
            return metadata.Topics
                .Where(t => t.Error.Code == ErrorCode.NoError || t.Error.Code == ErrorCode.LeaderNotAvailable)
                .Select(t => t.Topic)
                .Where(n => includeInternal || !IsInternal(n))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>Topics whose names pass <paramref name="nameFilter"/>, with per-partition watermarks.</summary>
        public IReadOnlyList<KafkaTopicInfo> List(Func<string, bool>? nameFilter, bool includeInternal, bool withWatermarks = true)
        {
            var metadata = _admin.GetMetadata();
            var topics = metadata.Topics
                .Where(t => includeInternal || !IsInternal(t.Topic))
                .Where(t => nameFilter == null || nameFilter(t.Topic))
                .OrderBy(t => t.Topic, StringComparer.Ordinal)
                .ToList();

            var result = new List<KafkaTopicInfo>(topics.Count);
            foreach (var t in topics)
            {
                var info = new KafkaTopicInfo
                {
                    Cluster = _admin.Cluster.Alias,
                    BootstrapServers = _admin.Cluster.BootstrapServers,
                    Name = t.Topic,
                    IsInternal = IsInternal(t.Topic),
                    Error = t.Error.Code == ErrorCode.NoError ? null : t.Error.Reason,
                    Partitions = t.Partitions
                        .OrderBy(p => p.PartitionId)
                        .Select(p => new KafkaPartitionInfo
                        {
                            Cluster = _admin.Cluster.Alias,
                            Topic = t.Topic,
                            Partition = p.PartitionId,
                            Leader = p.Leader,
                            Replicas = p.Replicas ?? Array.Empty<int>(),
                            InSyncReplicas = p.InSyncReplicas ?? Array.Empty<int>(),
                            Error = p.Error.Code == ErrorCode.NoError ? null : p.Error.Reason,
                        })
                        .ToArray(),
                };
                result.Add(info);
            }

            if (withWatermarks)
            {
                FillWatermarks(result.SelectMany(t => t.Partitions).ToList());
            }

            return result;
        }

        /// <summary>One topic, or a <see cref="ErrorIds.TopicNotFound"/> error naming it.</summary>
        public KafkaTopicInfo Get(string name, bool withWatermarks = true)
        {
            var found = List(n => n == name, includeInternal: true, withWatermarks).FirstOrDefault();
            if (found == null || (found.Partitions.Count == 0 && found.Error != null))
            {
                throw NotFound(name);
            }

            return found;
        }

        public bool Exists(string name) => _admin.GetMetadata().Topics.Any(t => t.Topic == name && t.Error.Code != ErrorCode.UnknownTopicOrPart && t.Partitions.Count > 0);

        /// <summary>Log start and end offsets for the given partitions, batched into two ListOffsets calls.</summary>
        public void FillWatermarks(IReadOnlyList<KafkaPartitionInfo> partitions)
        {
            if (partitions.Count == 0)
            {
                return;
            }

            var low = ListOffsets(partitions.Select(p => new TopicPartition(p.Topic, p.Partition)), OffsetSpec.Earliest());
            var high = ListOffsets(partitions.Select(p => new TopicPartition(p.Topic, p.Partition)), OffsetSpec.Latest());
            foreach (var p in partitions)
            {
                var key = new TopicPartitionRef(p.Topic, p.Partition);
                if (low.TryGetValue(key, out var l))
                {
                    p.LowWatermark = l;
                }

                if (high.TryGetValue(key, out var h))
                {
                    p.HighWatermark = h;
                }
            }
        }

        /// <summary>ListOffsets for a set of partitions and one spec (earliest, latest, or a timestamp).</summary>
        public IReadOnlyDictionary<TopicPartitionRef, long> ListOffsets(IEnumerable<TopicPartition> partitions, OffsetSpec spec)
        {
            var specs = partitions.Select(tp => new TopicPartitionOffsetSpec { TopicPartition = tp, OffsetSpec = spec }).ToList();
            var result = new Dictionary<TopicPartitionRef, long>();
            if (specs.Count == 0)
            {
                return result;
            }

            var options = new ListOffsetsOptions { RequestTimeout = _admin.Timeout };
            try
            {
                var listed = _admin.Call(() => _admin.Client.ListOffsetsAsync(specs, options), "Listing offsets", null);
                foreach (var info in listed.ResultInfos)
                {
                    var tpo = info.TopicPartitionOffsetError;
                    result[new TopicPartitionRef(tpo.Topic, tpo.Partition.Value)] = tpo.Offset.Value;
                }
            }
            catch (ListOffsetsException ex)
            {
                foreach (var info in ex.Result.ResultInfos)
                {
                    var tpo = info.TopicPartitionOffsetError;
                    if (tpo.Error.Code == ErrorCode.NoError)
                    {
                        result[new TopicPartitionRef(tpo.Topic, tpo.Partition.Value)] = tpo.Offset.Value;
                    }
                    else
                    {
                        throw KafkaErrorTranslator.Translate(_admin.Cluster, tpo.Error, "Listing offsets", new TopicPartitionRef(tpo.Topic, tpo.Partition.Value), _admin.Diagnostics, ex);
                    }
                }
            }

            return result;
        }

        public void Create(TopicSpec spec, bool validateOnly = false)
        {
            var specification = new TopicSpecification
            {
                Name = spec.Name,
                NumPartitions = spec.Partitions,
                ReplicationFactor = spec.ReplicationFactor,
                Configs = spec.Configs.Count == 0 ? null : new Dictionary<string, string>(spec.Configs),
            };
            var options = new CreateTopicsOptions { RequestTimeout = _admin.Timeout, OperationTimeout = _admin.Timeout, ValidateOnly = validateOnly };
            try
            {
                _admin.Call(() => _admin.Client.CreateTopicsAsync(new[] { specification }, options), $"Creating topic '{spec.Name}'", spec.Name);
            }
            catch (CreateTopicsException ex)
            {
                var report = ex.Results.FirstOrDefault(r => r.Topic == spec.Name) ?? ex.Results.First();
                var error = KafkaErrorTranslator.Translate(_admin.Cluster, report.Error, $"Creating topic '{spec.Name}'", spec.Name, _admin.Diagnostics, ex);
                throw error.ErrorId == ErrorIds.TopicAlreadyExists
                    ? new Mm2DrException(ErrorIds.TopicAlreadyExists, ErrorKind.AlreadyExists, $"Topic '{spec.Name}' already exists on cluster '{_admin.Cluster.Alias}' ({_admin.Cluster.BootstrapServers}).", spec.Name, ex)
                    : error.ErrorId == ErrorIds.KafkaError ? new Mm2DrException(ErrorIds.TopicCreateFailed, ErrorKind.OperationFailed, error.Message, spec.Name, ex) : error;
            }
        }

        public void Delete(string name)
        {
            var options = new DeleteTopicsOptions { RequestTimeout = _admin.Timeout, OperationTimeout = _admin.Timeout };
            try
            {
                _admin.Call(() => _admin.Client.DeleteTopicsAsync(new[] { name }, options), $"Deleting topic '{name}'", name);
            }
            catch (DeleteTopicsException ex)
            {
                var report = ex.Results.FirstOrDefault(r => r.Topic == name) ?? ex.Results.First();
                if (report.Error.Code == ErrorCode.UnknownTopicOrPart)
                {
                    throw NotFound(name);
                }

                var error = KafkaErrorTranslator.Translate(_admin.Cluster, report.Error, $"Deleting topic '{name}'", name, _admin.Diagnostics, ex);
                throw error.ErrorId == ErrorIds.KafkaError ? new Mm2DrException(ErrorIds.TopicDeleteFailed, ErrorKind.OperationFailed, error.Message, name, ex) : error;
            }
        }

        public bool IsInternal(string topic) => _policy.IsInternalTopic(topic);

        private Mm2DrException NotFound(string name)
            => new Mm2DrException(ErrorIds.TopicNotFound, ErrorKind.NotFound, $"Topic '{name}' does not exist on cluster '{_admin.Cluster.Alias}' ({_admin.Cluster.BootstrapServers}).", name);
    }
}

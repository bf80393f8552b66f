using System;
using System.Collections.Generic;
using System.Threading;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Reads MM2's offset-syncs topic of a flow into an <see cref="OffsetSyncStore"/>, as MM2's checkpoint task does at start.
    /// </summary>
    public sealed class OffsetSyncReader
    {
        /// <param name="sourceCluster">The flow's source (primary); its alias must be MM2's alias for it.</param>
        /// <param name="targetCluster">The flow's target (DR); its alias must be MM2's alias for it.</param>
        public OffsetSyncReader(ClusterConnection sourceCluster, ClusterConnection targetCluster, ReplicationPolicy policy, OffsetSyncsTopicLocation location = OffsetSyncsTopicLocation.Source)
        {
            SourceCluster = sourceCluster ?? throw new ArgumentNullException(nameof(sourceCluster));
            TargetCluster = targetCluster ?? throw new ArgumentNullException(nameof(targetCluster));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
            Location = location;
        }

        public ClusterConnection SourceCluster { get; }

        public ClusterConnection TargetCluster { get; }

        public ReplicationPolicy Policy { get; }

        public OffsetSyncsTopicLocation Location { get; }

        /// <summary>The cluster holding the topic: the source by default, the target with offset-syncs.topic.location=target.</summary>
        public ClusterConnection TopicCluster => Location == OffsetSyncsTopicLocation.Source ? SourceCluster : TargetCluster;

        /// <summary>MM2's MirrorCheckpointConfig.offsetSyncsTopic(): named after the cluster it is <i>not</i> on.</summary>
        public string OffsetSyncsTopic => Policy.OffsetSyncsTopic(Location == OffsetSyncsTopicLocation.Source ? TargetCluster.Alias : SourceCluster.Alias);

        /// <summary>Builds the store from in-memory records (unit tests, benchmarks): the same path the reader uses.</summary>
        public static OffsetSyncSnapshot FromRecords(IEnumerable<RawRecord> records, bool initializationMustReadToEnd = false, int maxErrorsKept = TolerantRecordDecoder<OffsetSync>.DefaultMaxErrorsKept)
        {
            if (records == null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            var store = new OffsetSyncStore(initializationMustReadToEnd);
            var decoder = TolerantRecordDecoder.ForOffsetSyncs(maxErrorsKept);
            foreach (var record in records)
            {
                if (decoder.TryDecode(record, out var sync))
                {
                    store.Apply(sync);
                }
            }

            store.MarkReadToEnd();
            return new OffsetSyncSnapshot(store, decoder.Report(), null);
        }

        /// <summary>
        /// Reads partition 0 of the offset-syncs topic from the beginning to the end offset captured at the start.
        /// </summary>
        /// <param name="initializationMustReadToEnd">
        /// False (default) rebuilds the sparse history from every retained sync, as MM2 3.7.1+ does after restoring its
        /// checkpoints; true keeps only the last sync per partition, as 3.7.0 (or 3.7.1+ without readable checkpoints) does.
        /// </param>
        /// <exception cref="Mm2TopicNotFoundException">The offset-syncs topic does not exist where it was looked for.</exception>
        /// <exception cref="Mm2ReadTimeoutException">The deadline ran out; says how far the read got.</exception>
        public OffsetSyncSnapshot Read(InternalTopicReadOptions? options = null, bool initializationMustReadToEnd = false, CancellationToken cancellationToken = default)
        {
            options ??= InternalTopicReadOptions.Default;
            var store = new OffsetSyncStore(initializationMustReadToEnd);
            var decoder = TolerantRecordDecoder.ForOffsetSyncs(options.MaxErrorsKept);
            var other = Location == OffsetSyncsTopicLocation.Source ? "target" : "source";
            var hint = $"MM2's source connector of flow {SourceCluster.Alias}->{TargetCluster.Alias} creates it on the {Location.ToString().ToLowerInvariant()} cluster "
                       + $"(offset-syncs.topic.location={Location.ToString().ToLowerInvariant()}). If MM2 is configured with offset-syncs.topic.location={other}, look there; "
                       + "in Kafka 3.9 emit.offset-syncs.enabled=false also means there is none.";
            var summary = InternalTopicReader.ReadToEnd(TopicCluster, OffsetSyncsTopic, hint, options, cancellationToken, record =>
            {
                if (decoder.TryDecode(record, out var sync))
                {
                    store.Apply(sync);
                }
            });
            store.MarkReadToEnd();
            return new OffsetSyncSnapshot(store, decoder.Report(), summary);
        }
    }
}

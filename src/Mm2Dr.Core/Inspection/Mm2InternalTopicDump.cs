using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Read-Mm2InternalTopic: decodes an MM2 internal topic record by record, in offset order, and hands each record to
    /// the caller as it comes (a topic may hold millions). Corrupt and null records are skipped and counted.
    /// </summary>
    public sealed class Mm2InternalTopicDump
    {
        private readonly TolerantRecordDecoder<Mm2InternalRecord> _decoder;

        public Mm2InternalTopicDump(string clusterAlias, Mm2TopicKind kind, int maxErrorsKept = TolerantRecordDecoder<Mm2InternalRecord>.DefaultMaxErrorsKept)
        {
            if (string.IsNullOrEmpty(clusterAlias))
            {
                throw new ArgumentException("The cluster alias is required.", nameof(clusterAlias));
            }

            Kind = kind;
            _decoder = kind switch
            {
                Mm2TopicKind.Checkpoints => new TolerantRecordDecoder<Mm2InternalRecord>(r => new CheckpointEntry(clusterAlias, r, CheckpointCodec.Decode(r)), e => ((CheckpointEntry)e).Version != Checkpoint.CurrentVersion, maxErrorsKept),
                Mm2TopicKind.OffsetSyncs => new TolerantRecordDecoder<Mm2InternalRecord>(r => new OffsetSyncEntry(clusterAlias, r, OffsetSyncCodec.Decode(r)), null, maxErrorsKept),
                Mm2TopicKind.Heartbeats => new TolerantRecordDecoder<Mm2InternalRecord>(r => new HeartbeatEntry(clusterAlias, r, HeartbeatCodec.Decode(r)), e => ((HeartbeatEntry)e).Version != Heartbeat.CurrentVersion, maxErrorsKept),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Checkpoints, OffsetSyncs or Heartbeats."),
            };
        }

        public Mm2TopicKind Kind { get; }

        /// <summary>The decoded record, or null when it was skipped (null key or value, or corrupt: see <see cref="Report"/>).</summary>
        public Mm2InternalRecord? Add(in RawRecord record) => _decoder.TryDecode(record, out var entry) ? entry : null;

        public DecodeReport Report() => _decoder.Report();

        /// <summary>Reads partition 0 of <paramref name="topic"/> on <paramref name="cluster"/>, at most <paramref name="maxRecords"/> records.</summary>
        /// <exception cref="Errors.Mm2DrException">The topic is missing (an id per kind), the read ran out of time, or the cluster refused.</exception>
        public static InternalTopicDumpSummary Read(IMm2TopicSource source, ClusterConnection cluster, string topic, Mm2TopicKind kind, long? maxRecords, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<Mm2InternalRecord> onEntry)
        {
            if (source == null || cluster == null || onEntry == null)
            {
                throw new ArgumentNullException(source == null ? nameof(source) : cluster == null ? nameof(cluster) : nameof(onEntry));
            }

            var dump = new Mm2InternalTopicDump(cluster.Alias, kind, options.MaxErrorsKept);
            TopicReadSummary read;
            try
            {
                read = source.ReadRecords(cluster, topic, MissingTopicHint(kind), maxRecords, options, cancellationToken, record =>
                {
                    var entry = dump.Add(record);
                    if (entry != null)
                    {
                        onEntry(entry);
                    }
                });
            }
            catch (Mm2TopicReadException e)
            {
                throw Mm2ReadErrors.Translate(e, kind, cluster);
            }

            return new InternalTopicDumpSummary(kind, read, dump.Report());
        }

        public static string MissingTopicHint(Mm2TopicKind kind) => kind switch
        {
            Mm2TopicKind.Checkpoints => "MM2 creates '<source>.checkpoints.internal' on the target cluster of a flow when its checkpoint connector starts (emit.checkpoints.enabled). Check the aliases and the replication policy (Get-DrEnvironment).",
            Mm2TopicKind.OffsetSyncs => "MM2 creates 'mm2-offset-syncs.<target>.internal' on the source cluster when a flow's source connector starts ('mm2-offset-syncs.<source>.internal' on the target with offset-syncs.topic.location=target).",
            _ => "MM2 creates 'heartbeats' on every cluster that is the target of a herder with emit.heartbeats.enabled=true (the default); replicas such as '<source>.heartbeats' appear once a flow replicates them.",
        };
    }
}

using System;
using System.Threading;
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

        /// <summary>
        /// Reads partition 0 of <paramref name="topic"/> on <paramref name="cluster"/>'s cluster, at most <paramref name="maxRecords"/>
        /// records. The cluster is asked for its topics first, so that an unreachable cluster fails within the request
        /// timeout and a missing topic at once, not when the read's deadline runs out.
        /// </summary>
        /// <exception cref="Errors.Mm2DrException">The cluster does not answer, the topic is missing (an id per kind), the read ran out of time, or the cluster refused.</exception>
        public static InternalTopicDumpSummary Read(IClusterView cluster, IMm2TopicSource source, string topic, Mm2TopicKind kind, string missingTopicHint, long? maxRecords, InternalTopicReadOptions options, CancellationToken cancellationToken, Action<Mm2InternalRecord> onEntry)
        {
            if (cluster == null || source == null || onEntry == null || options == null)
            {
                throw new ArgumentNullException(cluster == null ? nameof(cluster) : source == null ? nameof(source) : onEntry == null ? nameof(onEntry) : nameof(options));
            }

            var connection = cluster.Connection;
            if (!cluster.Topics().ContainsKey(topic))
            {
                throw Mm2ReadErrors.Translate(new Mm2TopicNotFoundException(connection.Alias, connection.BootstrapServers, topic, missingTopicHint), kind, connection);
            }

            var dump = new Mm2InternalTopicDump(connection.Alias, kind, options.MaxErrorsKept);
            TopicReadSummary read;
            try
            {
                read = source.ReadRecords(connection, topic, missingTopicHint, maxRecords, options, cancellationToken, record =>
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
                throw Mm2ReadErrors.Translate(e, kind, connection);
            }

            return new InternalTopicDumpSummary(kind, read, dump.Report());
        }
    }
}

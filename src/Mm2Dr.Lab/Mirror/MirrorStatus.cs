using System;
using System.Collections.Generic;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>A snapshot of the lab mirror: what it replicates, how much it has done, and its last trouble.</summary>
    public sealed class MirrorStatus
    {
        internal MirrorStatus(MirrorState state, IReadOnlyList<string> flows, IReadOnlyList<string> topics, long records, long offsetSyncs, long checkpoints, long heartbeats,
            long groupOffsetsSynced, DateTimeOffset? lastReplicatedAt, string? lastError, DateTimeOffset? lastErrorAt, IReadOnlyList<string> warnings)
        {
            State = state;
            Flows = flows;
            Topics = topics;
            RecordsReplicated = records;
            OffsetSyncsWritten = offsetSyncs;
            CheckpointsWritten = checkpoints;
            HeartbeatsWritten = heartbeats;
            GroupOffsetsSynced = groupOffsetsSynced;
            LastReplicatedAt = lastReplicatedAt;
            LastError = lastError;
            LastErrorAt = lastErrorAt;
            Warnings = warnings;
        }

        public MirrorState State { get; }

        /// <summary>The replication flows it runs, e.g. "primary->dr".</summary>
        public IReadOnlyList<string> Flows { get; }

        /// <summary>The remote topics it writes records to, e.g. "primary.test-topic".</summary>
        public IReadOnlyList<string> Topics { get; }

        /// <summary>Records acknowledged by the target since the mirror started.</summary>
        public long RecordsReplicated { get; }

        public long OffsetSyncsWritten { get; }

        public long CheckpointsWritten { get; }

        public long HeartbeatsWritten { get; }

        /// <summary>Group offsets written to the target by sync.group.offsets.</summary>
        public long GroupOffsetsSynced { get; }

        public DateTimeOffset? LastReplicatedAt { get; }

        /// <summary>The last failure (a cluster down, a refused write), already free of secrets; the mirror keeps retrying.</summary>
        public string? LastError { get; }

        public DateTimeOffset? LastErrorAt { get; }

        /// <summary>Settings the lab could not honour as written (e.g. a replication factor a one-broker cluster refuses).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public override string ToString() => $"{State}: {RecordsReplicated} records, {CheckpointsWritten} checkpoints, {HeartbeatsWritten} heartbeats";
    }
}

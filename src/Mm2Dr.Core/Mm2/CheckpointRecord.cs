using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>A checkpoint as found in the checkpoints topic: with the record's offset and timestamp (MM2 stamps the wall
    /// clock of the checkpoint batch, so the timestamp tells how old the checkpoint is).</summary>
    public sealed class CheckpointRecord
    {
        public CheckpointRecord(Checkpoint checkpoint, long? recordOffset, DateTimeOffset? timestamp)
        {
            Checkpoint = checkpoint ?? throw new ArgumentNullException(nameof(checkpoint));
            RecordOffset = recordOffset;
            Timestamp = timestamp;
        }

        public Checkpoint Checkpoint { get; }

        /// <summary>Offset of the record in the checkpoints topic.</summary>
        public long? RecordOffset { get; }

        /// <summary>When MM2 computed the checkpoint (the record timestamp).</summary>
        public DateTimeOffset? Timestamp { get; }

        public override string ToString() => Checkpoint + (RecordOffset.HasValue ? $" @ {RecordOffset}" : string.Empty);
    }
}

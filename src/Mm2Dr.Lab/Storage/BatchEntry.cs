namespace Mm2Dr.Lab.Storage
{
    /// <summary>One stored batch in a partition's offset index: where it is and which offsets and times it covers.</summary>
    internal struct BatchEntry
    {
        public long BaseOffset;
        public long LastOffset;
        public long MaxTimestamp;

        /// <summary>Largest MaxTimestamp of this batch and every earlier one: non-decreasing, so binary-searchable.</summary>
        public long RunningMaxTimestamp;

        public int Chunk;
        public int ChunkOffset;
        public int Length;
    }
}

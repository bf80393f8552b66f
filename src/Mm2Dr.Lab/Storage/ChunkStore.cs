using System;
using System.Collections.Generic;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// Append-only byte storage for one partition: a list of large arrays instead of one array per batch, so a
    /// gigabyte of records is a few hundred GC objects. Chunks grow from 64 KiB to 8 MiB so that the many small
    /// partitions of a test stay small. A batch never straddles two chunks, which lets fetch hand out one
    /// <see cref="ArraySegment{T}"/> per batch; written bytes never change, so those segments stay valid without locks.
    /// </summary>
    internal sealed class ChunkStore
    {
        private const int FirstChunkSize = 64 * 1024;
        private const int LargestChunkSize = 8 * 1024 * 1024;

        private readonly List<byte[]> _chunks = new List<byte[]>();
        private int _fill;

        public long AllocatedBytes { get; private set; }

        public byte[] Chunk(int index) => _chunks[index];

        /// <summary>Reserves <paramref name="length"/> contiguous bytes and returns where they are.</summary>
        public (int Chunk, int Offset) Reserve(int length)
        {
            if (_chunks.Count == 0 || _chunks[_chunks.Count - 1].Length - _fill < length)
            {
                var previous = _chunks.Count == 0 ? FirstChunkSize / 2 : _chunks[_chunks.Count - 1].Length;
                var size = Math.Min(LargestChunkSize, Math.Max(FirstChunkSize, previous * 2));
                _chunks.Add(new byte[Math.Max(size, length)]);
                AllocatedBytes += _chunks[_chunks.Count - 1].Length;
                _fill = 0;
            }

            var at = (_chunks.Count - 1, _fill);
            _fill += length;
            return at;
        }

        /// <summary>Gives back the tail of the last reservation (used when a load from disk stops at a torn batch).</summary>
        public void Unreserve(int length) => _fill -= length;

        public void Clear()
        {
            _chunks.Clear();
            _fill = 0;
            AllocatedBytes = 0;
        }
    }
}

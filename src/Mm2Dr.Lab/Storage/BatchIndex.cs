using System;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// The offset and time index of a partition: one struct per batch in a single growing array (no object per batch).
    /// Offsets only grow, and the running maximum timestamp only grows, so both lookups are binary searches.
    /// </summary>
    internal sealed class BatchIndex
    {
        private BatchEntry[] _entries = new BatchEntry[16];

        public int Count { get; private set; }

        public ref BatchEntry this[int index] => ref _entries[index];

        public void Add(BatchEntry entry)
        {
            if (Count == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            entry.RunningMaxTimestamp = Count == 0 ? entry.MaxTimestamp : Math.Max(_entries[Count - 1].RunningMaxTimestamp, entry.MaxTimestamp);
            _entries[Count++] = entry;
        }

        /// <summary>Index of the batch holding <paramref name="offset"/> (or the first batch after it), or -1 past the end.</summary>
        public int FindByOffset(long offset)
        {
            int low = 0, high = Count - 1, found = -1;
            while (low <= high)
            {
                var mid = (low + high) >> 1;
                if (_entries[mid].LastOffset >= offset)
                {
                    found = mid;
                    high = mid - 1;
                }
                else
                {
                    low = mid + 1;
                }
            }

            return found;
        }

        /// <summary>Index of the first batch whose MaxTimestamp is at least <paramref name="timestamp"/>, or -1.</summary>
        public int FindFirstWithMaxTimestampAtLeast(long timestamp)
        {
            int low = 0, high = Count - 1, found = -1;
            while (low <= high)
            {
                var mid = (low + high) >> 1;
                if (_entries[mid].RunningMaxTimestamp >= timestamp)
                {
                    found = mid;
                    high = mid - 1;
                }
                else
                {
                    low = mid + 1;
                }
            }

            return found;
        }

        public void Clear()
        {
            _entries = new BatchEntry[16];
            Count = 0;
        }
    }
}

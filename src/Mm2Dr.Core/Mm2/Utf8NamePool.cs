using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Turns the UTF-8 bytes of a name into a string, returning the same string instance for the same bytes. A checkpoints
    /// topic repeats a few thousand group and topic names across up to millions of records; decoding each occurrence
    /// would allocate two strings per record and keep millions of copies alive in the result. Capped, so hostile input
    /// cannot grow it without bound (beyond the cap names are simply decoded). Not thread-safe.
    /// </summary>
    internal sealed class Utf8NamePool
    {
        private readonly int _maxNames;
        private Entry[] _entries = new Entry[1024];
        private int _count;

        public Utf8NamePool(int maxNames = 1 << 20)
        {
            _maxNames = maxNames;
        }

        public int Count => _count;

        /// <summary>The pooled string for these bytes, or null if they are not pooled yet.</summary>
        public string? Find(byte[] buffer, int offset, int length, out int hash)
        {
            hash = Hash(buffer, offset, length);
            var mask = _entries.Length - 1;
            for (var i = hash & mask; ; i = (i + 1) & mask)
            {
                var entry = _entries[i];
                if (entry.Value == null)
                {
                    return null;
                }

                if (entry.Hash == hash && new ReadOnlySpan<byte>(entry.Bytes).SequenceEqual(new ReadOnlySpan<byte>(buffer, offset, length)))
                {
                    return entry.Value;
                }
            }
        }

        /// <summary>Remembers a string decoded from these bytes (after <see cref="Find"/> returned null for them).</summary>
        public void Add(byte[] buffer, int offset, int length, int hash, string value)
        {
            if (_count >= _maxNames)
            {
                return;
            }

            if ((_count + 1) * 2 > _entries.Length)
            {
                Grow();
            }

            var bytes = new byte[length];
            Buffer.BlockCopy(buffer, offset, bytes, 0, length);
            Insert(_entries, new Entry(hash, bytes, value));
            _count++;
        }

        private void Grow()
        {
            var bigger = new Entry[_entries.Length * 2];
            foreach (var entry in _entries)
            {
                if (entry.Value != null)
                {
                    Insert(bigger, entry);
                }
            }

            _entries = bigger;
        }

        private static void Insert(Entry[] entries, Entry entry)
        {
            var mask = entries.Length - 1;
            var i = entry.Hash & mask;
            while (entries[i].Value != null)
            {
                i = (i + 1) & mask;
            }

            entries[i] = entry;
        }

        // FNV-1a, then a final mix so that the low bits (used for the slot) depend on every byte.
        private static int Hash(byte[] buffer, int offset, int length)
        {
            unchecked
            {
                var h = 2166136261u;
                for (var i = offset; i < offset + length; i++)
                {
                    h = (h ^ buffer[i]) * 16777619u;
                }

                h ^= h >> 15;
                h *= 0x2c1b3c6du;
                h ^= h >> 12;
                return (int)(h & 0x7fffffff);
            }
        }

        private readonly struct Entry
        {
            public Entry(int hash, byte[] bytes, string value)
            {
                Hash = hash;
                Bytes = bytes;
                Value = value;
            }

            public int Hash { get; }

            public byte[] Bytes { get; }

            public string Value { get; }
        }
    }
}

using System;

namespace Mm2Dr.Lab.Records
{
    /// <summary>
    /// CRC-32C (Castagnoli), the checksum of record batch v2 (k39 DefaultRecordBatch.java: Crc32C over attributes→end).
    /// Slicing-by-8 tables: netstandard2.0 has no SSE4.2 intrinsics, and this runs at well over 1 GB/s, which keeps
    /// checksum validation a small part of the produce path.
    /// </summary>
    internal static class Crc32C
    {
        private const uint Polynomial = 0x82F63B78u;
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            var table = new uint[8 * 256];
            for (uint i = 0; i < 256; i++)
            {
                var crc = i;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
                }

                table[i] = crc;
            }

            for (var i = 0; i < 256; i++)
            {
                for (var slice = 1; slice < 8; slice++)
                {
                    var previous = table[(slice - 1) * 256 + i];
                    table[slice * 256 + i] = (previous >> 8) ^ table[previous & 0xFF];
                }
            }

            return table;
        }

        public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

        private static unsafe uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            fixed (uint* t = Table)
            fixed (byte* start = data)
            {
                var p = start;
                var remaining = data.Length;
                while (remaining >= 8)
                {
                    var low = *(uint*)p ^ crc;
                    var high = *(uint*)(p + 4);
                    if (!BitConverter.IsLittleEndian)
                    {
                        throw new PlatformNotSupportedException("CRC-32C slicing assumes a little-endian machine.");
                    }

                    crc = t[7 * 256 + (low & 0xFF)] ^ t[6 * 256 + ((low >> 8) & 0xFF)] ^
                          t[5 * 256 + ((low >> 16) & 0xFF)] ^ t[4 * 256 + (low >> 24)] ^
                          t[3 * 256 + (high & 0xFF)] ^ t[2 * 256 + ((high >> 8) & 0xFF)] ^
                          t[1 * 256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
                    p += 8;
                    remaining -= 8;
                }

                while (remaining-- > 0)
                {
                    crc = (crc >> 8) ^ t[(crc ^ *p++) & 0xFF];
                }

                return crc;
            }
        }
    }
}

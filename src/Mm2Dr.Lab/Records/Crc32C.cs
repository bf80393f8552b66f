using System;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace Mm2Dr.Lab.Records
{
    /// <summary>
    /// CRC-32C (Castagnoli), the checksum of record batch v2 (k39 DefaultRecordBatch.java: Crc32C over attributes→end).
    /// It is the broker's biggest CPU cost on the produce path, so on .NET 6+ the loop is compiled at run time around
    /// the runtime's BitOperations.Crc32C, which the JIT turns into the CPU's CRC32 instruction. netstandard2.0 cannot
    /// name that API, hence the expression tree; on .NET Framework (Windows PowerShell 5.1) the slicing-by-8 tables run.
    /// </summary>
    internal static class Crc32C
    {
        private const uint Polynomial = 0x82F63B78u;
        private static readonly uint[] Table = BuildTable();
        private static readonly Func<byte[], int, int, uint, uint>? HardwareUpdate = CompileHardwareUpdate();

        /// <summary>True when the runtime's hardware-accelerated CRC-32C is in use.</summary>
        public static bool IsHardwareAccelerated => HardwareUpdate != null;

        public static uint Compute(ReadOnlySpan<byte> data) => ~UpdateTables(0xFFFFFFFFu, data);

        public static uint Compute(byte[] array, int offset, int count)
        {
            if ((uint)offset > (uint)array.Length || (uint)count > (uint)(array.Length - offset))
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            return HardwareUpdate != null
                ? ~HardwareUpdate(array, offset, count, 0xFFFFFFFFu)
                : ~UpdateTables(0xFFFFFFFFu, new ReadOnlySpan<byte>(array, offset, count));
        }

        /// <summary>
        /// Builds: for (; count >= 8; offset += 8, count -= 8) crc = BitOperations.Crc32C(crc, BitConverter.ToUInt64(a, offset));
        /// then the tail byte by byte. Null when the runtime has no BitOperations.Crc32C (before .NET 6).
        /// </summary>
        private static Func<byte[], int, int, uint, uint>? CompileHardwareUpdate()
        {
            try
            {
                var bitOperations = Type.GetType("System.Numerics.BitOperations, System.Private.CoreLib", false);
                var crc64 = bitOperations?.GetMethod("Crc32C", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(uint), typeof(ulong) }, null);
                var crc8 = bitOperations?.GetMethod("Crc32C", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(uint), typeof(byte) }, null);
                var isLittleEndian = BitConverter.IsLittleEndian;
                if (crc64 == null || crc8 == null || !isLittleEndian)
                {
                    return null;
                }

                var array = Expression.Parameter(typeof(byte[]), "array");
                var offset = Expression.Parameter(typeof(int), "offset");
                var count = Expression.Parameter(typeof(int), "count");
                var crc = Expression.Parameter(typeof(uint), "crc");
                var toUInt64 = typeof(BitConverter).GetMethod(nameof(BitConverter.ToUInt64), new[] { typeof(byte[]), typeof(int) })!;
                var wordsDone = Expression.Label("wordsDone");
                var bytesDone = Expression.Label("bytesDone");
                var body = Expression.Block(
                    Expression.Loop(
                        Expression.IfThenElse(
                            Expression.GreaterThanOrEqual(count, Expression.Constant(8)),
                            Expression.Block(
                                Expression.Assign(crc, Expression.Call(crc64, crc, Expression.Call(toUInt64, array, offset))),
                                Expression.AddAssign(offset, Expression.Constant(8)),
                                Expression.SubtractAssign(count, Expression.Constant(8))),
                            Expression.Break(wordsDone)),
                        wordsDone),
                    Expression.Loop(
                        Expression.IfThenElse(
                            Expression.GreaterThan(count, Expression.Constant(0)),
                            Expression.Block(
                                Expression.Assign(crc, Expression.Call(crc8, crc, Expression.ArrayIndex(array, offset))),
                                Expression.AddAssign(offset, Expression.Constant(1)),
                                Expression.SubtractAssign(count, Expression.Constant(1))),
                            Expression.Break(bytesDone)),
                        bytesDone),
                    crc);
                var compiled = Expression.Lambda<Func<byte[], int, int, uint, uint>>(body, array, offset, count, crc).Compile();

                // Trust it only if it agrees with the tables on the standard check value.
                var check = System.Text.Encoding.ASCII.GetBytes("123456789");
                return ~compiled(check, 0, check.Length, 0xFFFFFFFFu) == 0xE3069283u ? compiled : null;
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is NotSupportedException || e is TypeLoadException)
            {
                return null;
            }
        }

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

        private static unsafe uint UpdateTables(uint crc, ReadOnlySpan<byte> data)
        {
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("CRC-32C slicing assumes a little-endian machine.");
            }

            fixed (uint* t = Table)
            fixed (byte* start = data)
            {
                var p = start;
                var remaining = data.Length;
                while (remaining >= 8)
                {
                    var low = *(uint*)p ^ crc;
                    var high = *(uint*)(p + 4);
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

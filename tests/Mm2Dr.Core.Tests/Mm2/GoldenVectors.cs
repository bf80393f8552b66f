using System;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>The byte vectors of docs/mm2-internals.md §5, produced by Kafka's own classes (3.7.0, 3.8.0, 3.9).</summary>
    internal static class GoldenVectors
    {
        public const string C1Key = "0013746573742d636f6e73756d65722d67726f7570000a746573742d746f70696300000000";
        public const string C1Value = "0000000000000000002a00000000000000280000";
        public const string C2Key = "0013746573742d636f6e73756d65722d67726f757000127072696d6172792e746573742d746f70696300000000";
        public const string C2Value = C1Value;
        public const string O1Key = "000a746573742d746f70696300000002";
        public const string O1Value = "00000000000003e800000000000003e6";
        public const string H1Key = "00077072696d61727900026472";
        public const string H1Value = "00000000018bcfe56800";

        public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

        public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}

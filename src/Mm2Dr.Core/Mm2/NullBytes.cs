namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// MM2 never writes null keys or values. The codecs refuse them with a format error; the tolerant reader skips
    /// them before decoding and counts them separately, because a tombstone is not corruption.
    /// </summary>
    internal static class NullBytes
    {
        public static void Reject(byte[]? key, byte[]? value, Mm2RecordKind kind, RecordLocation location)
        {
            if (value == null)
            {
                throw new Mm2RecordFormatException(kind, RecordPart.Value, null, location, "the value is null (a tombstone); MM2 never writes one.");
            }

            if (key == null)
            {
                throw new Mm2RecordFormatException(kind, RecordPart.Key, null, location, "the key is null; MM2 always writes a key.");
            }
        }
    }
}

namespace Mm2Dr.Lab.Records
{
    /// <summary>Attribute bits 0-2 of a record batch (k39 CompressionType.java).</summary>
    internal enum CompressionCodec
    {
        None = 0,
        Gzip = 1,
        Snappy = 2,
        Lz4 = 3,
        Zstd = 4,
    }
}

namespace Mm2Dr.Core.Consume
{
    /// <summary>One record header (Kafka allows repeated keys, so records keep them as a list too).</summary>
    public sealed class KafkaHeader
    {
        public KafkaHeader(string key, byte[]? value)
        {
            Key = key;
            ValueBytes = value;
        }

        public string Key { get; }

        public byte[]? ValueBytes { get; }

        public string? Value => ValueBytes == null ? null : System.Text.Encoding.UTF8.GetString(ValueBytes);

        public override string ToString() => $"{Key}={Value}";
    }
}

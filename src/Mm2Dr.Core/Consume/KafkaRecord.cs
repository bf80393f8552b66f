using System;
using System.Collections.Generic;
using System.Text;

namespace Mm2Dr.Core.Consume
{
    /// <summary>A message read from a topic, with where it came from.</summary>
    public sealed class KafkaRecord
    {
        private Dictionary<string, string?>? _headers;

        public string Cluster { get; set; } = "";

        public string Topic { get; set; } = "";

        public int Partition { get; set; }

        public long Offset { get; set; }

        public DateTime Timestamp { get; set; }

        /// <summary>CreateTime or LogAppendTime.</summary>
        public string TimestampType { get; set; } = "CreateTime";

        public byte[]? KeyBytes { get; set; }

        public byte[]? ValueBytes { get; set; }

        /// <summary>The key as UTF-8 text, or null.</summary>
        public string? Key => KeyBytes == null ? null : Encoding.UTF8.GetString(KeyBytes);

        /// <summary>Text, bytes or parsed JSON, as asked; set by the reader.</summary>
        public object? Value { get; set; }

        public IReadOnlyList<KafkaHeader> HeaderList { get; set; } = Array.Empty<KafkaHeader>();

        /// <summary>Headers by key as text (the last value wins where a key repeats; see <see cref="HeaderList"/>).</summary>
        public IReadOnlyDictionary<string, string?> Headers
        {
            get
            {
                if (_headers == null)
                {
                    _headers = new Dictionary<string, string?>(StringComparer.Ordinal);
                    foreach (var h in HeaderList)
                    {
                        _headers[h.Key] = h.Value;
                    }
                }

                return _headers;
            }
        }

        public override string ToString() => $"{Topic}[{Partition}]@{Offset}";
    }
}

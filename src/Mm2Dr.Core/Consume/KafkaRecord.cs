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

        private object? _value;
        private bool _valueSet;

        /// <summary>Text, bytes or parsed JSON, as asked. Text is decoded on first access, so a pipeline that only counts or filters on metadata never pays for it.</summary>
        public object? Value
        {
            get
            {
                if (!_valueSet)
                {
                    _value = ValueBytes == null ? null : Encoding.UTF8.GetString(ValueBytes);
                    _valueSet = true;
                }

                return _value;
            }

            set
            {
                _value = value;
                _valueSet = true;
            }
        }

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

using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Produce
{
    /// <summary>One message to send, already serialized.</summary>
    public sealed class OutgoingMessage
    {
        public OutgoingMessage(byte[]? key, byte[]? value, IReadOnlyList<KeyValuePair<string, byte[]>>? headers = null, int? partition = null, DateTimeOffset? timestamp = null)
        {
            Key = key;
            Value = value;
            Headers = headers;
            Partition = partition;
            Timestamp = timestamp;
        }

        public byte[]? Key { get; }

        public byte[]? Value { get; }

        public IReadOnlyList<KeyValuePair<string, byte[]>>? Headers { get; }

        /// <summary>A fixed partition, or null to let the partitioner choose by key.</summary>
        public int? Partition { get; }

        public DateTimeOffset? Timestamp { get; }
    }
}

using System;
using Confluent.Kafka;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The bytes of one Kafka record with where and when it was written: the input of every MM2 decoder, whether the
    /// record came over the wire or was built in memory (unit tests, benchmarks).
    /// </summary>
    public readonly struct RawRecord
    {
        public RawRecord(byte[]? key, byte[]? value, RecordLocation location, DateTimeOffset? timestamp = null, TimestampType timestampType = TimestampType.NotAvailable)
        {
            Key = key;
            Value = value;
            Location = location;
            Timestamp = timestamp;
            TimestampType = timestamp.HasValue ? timestampType : TimestampType.NotAvailable;
        }

        public byte[]? Key { get; }

        public byte[]? Value { get; }

        public RecordLocation Location { get; }

        /// <summary>The record's timestamp (CreateTime as set by MM2, or LogAppendTime if the topic says so).</summary>
        public DateTimeOffset? Timestamp { get; }

        public TimestampType TimestampType { get; }

        /// <summary>A null key or value: a tombstone or a record MM2 never writes. Readers skip these.</summary>
        public bool HasNullKeyOrValue => Key == null || Value == null;

        /// <summary>Copies a consumed Confluent.Kafka record, keeping its position and timestamp.</summary>
        public static RawRecord From(ConsumeResult<byte[], byte[]> result)
        {
            if (result == null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            var ts = result.Message.Timestamp;
            // A producer may stamp any long; one outside the calendar must not abort the read.
            var timestamp = ts.Type == TimestampType.NotAvailable ? null : EpochMilliseconds.ToDateTimeOffset(ts.UnixTimestampMs);
            return new RawRecord(
                result.Message.Key,
                result.Message.Value,
                new RecordLocation(result.Topic, result.Partition.Value, result.Offset.Value),
                timestamp,
                ts.Type);
        }
    }
}

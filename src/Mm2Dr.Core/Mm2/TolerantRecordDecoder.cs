using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Decodes a stream of MM2 records one at a time, skipping null and corrupt records instead of failing, and counting
    /// them (<see cref="Report"/>). One instance per topic read; not thread-safe.
    /// </summary>
    public sealed class TolerantRecordDecoder<T>
        where T : class
    {
        public const int DefaultMaxErrorsKept = 5;

        private readonly Func<RawRecord, T> _decode;
        private readonly Func<T, bool> _hasUnexpectedVersion;
        private readonly int _maxErrorsKept;
        private readonly List<Mm2RecordFormatException> _firstErrors = new List<Mm2RecordFormatException>();
        private long _seen;
        private long _decoded;
        private long _nulls;
        private long _corrupt;
        private long _unexpectedVersion;

        public TolerantRecordDecoder(Func<RawRecord, T> decode, Func<T, bool>? hasUnexpectedVersion = null, int maxErrorsKept = DefaultMaxErrorsKept)
        {
            if (maxErrorsKept < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxErrorsKept), maxErrorsKept, "Cannot keep a negative number of errors.");
            }

            _decode = decode ?? throw new ArgumentNullException(nameof(decode));
            _hasUnexpectedVersion = hasUnexpectedVersion ?? (_ => false);
            _maxErrorsKept = maxErrorsKept;
        }

        /// <summary>Decodes one record; false (and counted) for a null or corrupt record.</summary>
        public bool TryDecode(in RawRecord record, [NotNullWhen(true)] out T? value)
        {
            _seen++;
            if (record.HasNullKeyOrValue)
            {
                _nulls++;
                value = null;
                return false;
            }

            try
            {
                value = _decode(record);
            }
            catch (Mm2RecordFormatException e)
            {
                _corrupt++;
                if (_firstErrors.Count < _maxErrorsKept)
                {
                    _firstErrors.Add(e);
                }

                value = null;
                return false;
            }

            _decoded++;
            if (_hasUnexpectedVersion(value))
            {
                _unexpectedVersion++;
            }

            return true;
        }

        /// <summary>Decodes every record, yielding only those that decoded.</summary>
        public IEnumerable<T> DecodeAll(IEnumerable<RawRecord> records)
        {
            if (records == null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            foreach (var record in records)
            {
                if (TryDecode(record, out var value))
                {
                    yield return value;
                }
            }
        }

        /// <summary>A snapshot of the counts so far.</summary>
        public DecodeReport Report() => new DecodeReport(_seen, _decoded, _nulls, _corrupt, _unexpectedVersion, _firstErrors.ToArray());
    }

    /// <summary>Decoders for the three MM2 record types.</summary>
    public static class TolerantRecordDecoder
    {
        public static TolerantRecordDecoder<Checkpoint> ForCheckpoints(int maxErrorsKept = TolerantRecordDecoder<Checkpoint>.DefaultMaxErrorsKept)
            => new TolerantRecordDecoder<Checkpoint>(r => CheckpointCodec.Decode(r), c => c.Version != Checkpoint.CurrentVersion, maxErrorsKept);

        public static TolerantRecordDecoder<OffsetSync> ForOffsetSyncs(int maxErrorsKept = TolerantRecordDecoder<OffsetSync>.DefaultMaxErrorsKept)
            => new TolerantRecordDecoder<OffsetSync>(r => OffsetSyncCodec.Decode(r), null, maxErrorsKept);

        public static TolerantRecordDecoder<Heartbeat> ForHeartbeats(int maxErrorsKept = TolerantRecordDecoder<Heartbeat>.DefaultMaxErrorsKept)
            => new TolerantRecordDecoder<Heartbeat>(r => HeartbeatCodec.Decode(r), h => h.Version != Heartbeat.CurrentVersion, maxErrorsKept);
    }
}

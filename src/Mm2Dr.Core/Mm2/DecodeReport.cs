using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// What happened to the records of an MM2 internal topic while decoding them: how many decoded, how many were
    /// skipped as null (tombstones) or as corrupt, and the first few errors for display.
    /// MirrorClient skips undecodable records with an INFO log line; we count them so that a user sees that the
    /// answer was computed over a damaged topic.
    /// </summary>
    public sealed class DecodeReport
    {
        public DecodeReport(long recordsSeen, long decoded, long nullKeyOrValueSkipped, long corruptSkipped, long unexpectedVersion, IReadOnlyList<Mm2RecordFormatException> firstErrors)
        {
            RecordsSeen = recordsSeen;
            Decoded = decoded;
            NullKeyOrValueSkipped = nullKeyOrValueSkipped;
            CorruptSkipped = corruptSkipped;
            UnexpectedVersion = unexpectedVersion;
            FirstErrors = firstErrors ?? throw new ArgumentNullException(nameof(firstErrors));
        }

        public static DecodeReport Empty { get; } = new DecodeReport(0, 0, 0, 0, 0, Array.Empty<Mm2RecordFormatException>());

        public long RecordsSeen { get; }

        public long Decoded { get; }

        /// <summary>Records with a null key or value (tombstones): skipped, not errors.</summary>
        public long NullKeyOrValueSkipped { get; }

        /// <summary>Records that could not be decoded and were skipped.</summary>
        public long CorruptSkipped { get; }

        /// <summary>Decoded records whose version header was not 0 (decoded with the version-0 layout, as MM2 does).</summary>
        public long UnexpectedVersion { get; }

        /// <summary>The first errors met, in topic order, at most the number the decoder was told to keep.</summary>
        public IReadOnlyList<Mm2RecordFormatException> FirstErrors { get; }

        public bool HasCorruptRecords => CorruptSkipped > 0;

        public override string ToString()
            => $"{RecordsSeen} records: {Decoded} decoded, {CorruptSkipped} corrupt skipped, {NullKeyOrValueSkipped} null skipped"
               + (UnexpectedVersion > 0 ? $", {UnexpectedVersion} with a version other than 0" : string.Empty);
    }
}

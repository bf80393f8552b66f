using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The deadline of a topic read ran out before the end offset captured at the start was reached. The answer would be
    /// partial, so there is none; the exception says how far the read got.
    /// </summary>
    public sealed class Mm2ReadTimeoutException : Mm2TopicReadException
    {
        public Mm2ReadTimeoutException(string clusterAlias, string topic, ReadPhase phase, TimeSpan timeout, long recordsRead, long? offsetReached, long? endOffset, string? lastClientError = null)
            : base(clusterAlias, topic, BuildMessage(clusterAlias, topic, phase, timeout, recordsRead, offsetReached, endOffset, lastClientError))
        {
            Phase = phase;
            Timeout = timeout;
            RecordsRead = recordsRead;
            OffsetReached = offsetReached;
            EndOffset = endOffset;
            LastClientError = lastClientError;
        }

        public ReadPhase Phase { get; }

        public TimeSpan Timeout { get; }

        public long RecordsRead { get; }

        /// <summary>The next offset the read would have consumed (null before reading started).</summary>
        public long? OffsetReached { get; }

        /// <summary>The end offset the read had to reach (null if it was never learned).</summary>
        public long? EndOffset { get; }

        /// <summary>The last error the Kafka client reported (secrets removed), often the real cause: refused connection, authentication.</summary>
        public string? LastClientError { get; }

        private static string BuildMessage(string cluster, string topic, ReadPhase phase, TimeSpan timeout, long records, long? reached, long? end, string? lastClientError)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            var cause = lastClientError == null ? string.Empty : " Last client error: " + lastClientError;
            return phase switch
            {
                ReadPhase.Metadata => $"Timed out after {seconds} s asking cluster '{cluster}' for topic '{topic}': no metadata received.{cause}",
                ReadPhase.Watermarks => $"Timed out after {seconds} s asking cluster '{cluster}' for the offsets of '{topic}' partition 0.{cause}",
                _ => $"Timed out after {seconds} s reading '{topic}' partition 0 on cluster '{cluster}': reached offset {reached?.ToString() ?? "?"} of end offset {end?.ToString() ?? "?"} "
                     + $"after {records} records. The result would be incomplete, so none is returned; retry with a longer timeout.{cause}",
            };
        }
    }
}

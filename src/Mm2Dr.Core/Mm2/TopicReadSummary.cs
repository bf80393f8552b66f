using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>What a completed read of one partition of an MM2 internal topic covered.</summary>
    public sealed class TopicReadSummary
    {
        public TopicReadSummary(string clusterAlias, string topic, int partition, long logStartOffset, long endOffset, long recordsRead, TimeSpan elapsed, bool reachedEnd = true)
        {
            ReachedEnd = reachedEnd;
            ClusterAlias = clusterAlias;
            Topic = topic;
            Partition = partition;
            LogStartOffset = logStartOffset;
            EndOffset = endOffset;
            RecordsRead = recordsRead;
            Elapsed = elapsed;
        }

        public string ClusterAlias { get; }

        public string Topic { get; }

        public int Partition { get; }

        /// <summary>The low watermark when the read started.</summary>
        public long LogStartOffset { get; }

        /// <summary>The high watermark captured when the read started: the read covered everything before it.</summary>
        public long EndOffset { get; }

        /// <summary>Records delivered by the consumer (fewer than EndOffset - LogStartOffset when compaction removed some).</summary>
        public long RecordsRead { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>False when the read stopped at a record limit before <see cref="EndOffset"/>.</summary>
        public bool ReachedEnd { get; }

        public override string ToString() => $"{Topic}-{Partition} on {ClusterAlias}: {RecordsRead} records up to offset {EndOffset} in {Elapsed.TotalMilliseconds:F0} ms";
    }
}

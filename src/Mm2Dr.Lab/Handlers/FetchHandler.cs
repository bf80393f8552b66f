using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>
    /// Fetch v4-11 (k39 FetchRequest/Response.json; notes §3.4). Stored batch bytes are attached to the response by
    /// reference. Waits up to MaxWaitMs for MinBytes, waking on appends to any requested partition.
    /// </summary>
    internal static class FetchHandler
    {
        private sealed class PartitionRequest
        {
            public int Index;
            public long FetchOffset;
            public int MaxBytes;
            public PartitionLog? Log;
        }

        private sealed class PartitionAnswer
        {
            public ErrorCode Error;
            public long HighWatermark = -1;
            public readonly List<ArraySegment<byte>> Records = new List<ArraySegment<byte>>();
            public int RecordBytes;
        }

        public static async Task Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer, CancellationToken cancellation)
        {
            var version = header.ApiVersion;
            reader.ReadInt32(); // ReplicaId
            var maxWaitMs = reader.ReadInt32();
            var minBytes = reader.ReadInt32();
            var maxBytes = reader.ReadInt32();
            reader.ReadInt8(); // IsolationLevel: no transactions, so LSO = HWM for both levels
            if (version >= 7)
            {
                reader.ReadInt32(); // SessionId: sessions are not kept; answering 0 tells the client so (lrd216 fetcher.c:3440-3445)
                reader.ReadInt32(); // SessionEpoch
            }

            var topicCount = reader.ReadArrayCount(6);
            var topics = new List<(string Name, List<PartitionRequest> Partitions)>(topicCount);
            for (var t = 0; t < topicCount; t++)
            {
                var name = reader.ReadString();
                var topic = context.Topics.Find(name);
                var partitionCount = reader.ReadArrayCount(16);
                var partitions = new List<PartitionRequest>(partitionCount);
                for (var p = 0; p < partitionCount; p++)
                {
                    var request = new PartitionRequest { Index = reader.ReadInt32() };
                    if (version >= 9)
                    {
                        reader.ReadInt32(); // CurrentLeaderEpoch
                    }

                    request.FetchOffset = reader.ReadInt64();
                    if (version >= 5)
                    {
                        reader.ReadInt64(); // LogStartOffset (followers only)
                    }

                    request.MaxBytes = reader.ReadInt32();
                    request.Log = topic?.Partition(request.Index);
                    partitions.Add(request);
                }

                topics.Add((name, partitions));
            }

            if (version >= 7)
            {
                var forgotten = reader.ReadArrayCount(6);
                for (var f = 0; f < forgotten; f++)
                {
                    reader.ReadString();
                    var n = reader.ReadArrayCount(4);
                    for (var i = 0; i < n; i++)
                    {
                        reader.ReadInt32();
                    }
                }
            }

            if (version >= 11)
            {
                reader.ReadNullableString(); // RackId
            }

            var logs = topics.SelectMany(t => t.Partitions).Where(p => p.Log != null).Select(p => p.Log!).Distinct().ToList();
            var deadline = MonotonicClock.NowMs + Math.Max(0, maxWaitMs);
            List<List<PartitionAnswer>> answers;
            while (true)
            {
                // Take the wake-up tasks before reading, so an append between the read and the wait is not missed.
                var wakeUps = maxWaitMs > 0 ? logs.Select(l => l.Signal.NextAppend()).ToList() : null;
                answers = Collect(topics, maxBytes, out var totalBytes, out var anyError);
                var remaining = deadline - MonotonicClock.NowMs;
                if (totalBytes >= minBytes || anyError || remaining <= 0 || wakeUps == null || wakeUps.Count == 0)
                {
                    break;
                }

                using (var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    wakeUps.Add(Task.Delay(TimeSpan.FromMilliseconds(remaining), stopTimer.Token));
                    await Task.WhenAny(wakeUps).ConfigureAwait(false);
                    stopTimer.Cancel();
                }

                cancellation.ThrowIfCancellationRequested();
            }

            writer.WriteInt32(0); // ThrottleTimeMs
            if (version >= 7)
            {
                writer.WriteInt16((short)ErrorCode.None);
                writer.WriteInt32(0); // SessionId
            }

            writer.WriteArrayLength(topics.Count);
            for (var t = 0; t < topics.Count; t++)
            {
                writer.WriteString(topics[t].Name);
                writer.WriteArrayLength(topics[t].Partitions.Count);
                for (var p = 0; p < topics[t].Partitions.Count; p++)
                {
                    var request = topics[t].Partitions[p];
                    var answer = answers[t][p];
                    writer.WriteInt32(request.Index);
                    writer.WriteInt16((short)answer.Error);
                    writer.WriteInt64(answer.HighWatermark);
                    writer.WriteInt64(answer.HighWatermark); // LastStableOffset = HWM: no transactions (notes §3.4)
                    if (version >= 5)
                    {
                        writer.WriteInt64(answer.Error == ErrorCode.UnknownTopicOrPartition ? -1 : 0); // LogStartOffset
                    }

                    writer.WriteArrayLength(0); // AbortedTransactions
                    if (version >= 11)
                    {
                        writer.WriteInt32(-1); // PreferredReadReplica: anything else redirects the client (lrd216 fetcher.c:638-641)
                    }

                    // Records are never null: librdkafka fails the parse on a negative size (lrd216 fetcher.c:602-608).
                    writer.WriteInt32(answer.RecordBytes);
                    foreach (var segment in answer.Records)
                    {
                        writer.AppendBorrowed(segment);
                    }
                }
            }
        }

        private static List<List<PartitionAnswer>> Collect(List<(string Name, List<PartitionRequest> Partitions)> topics, int maxBytes,
            out long totalBytes, out bool anyError)
        {
            var answers = new List<List<PartitionAnswer>>(topics.Count);
            var remaining = (long)Math.Max(0, maxBytes);
            totalBytes = 0;
            anyError = false;
            foreach (var (_, partitions) in topics)
            {
                var list = new List<PartitionAnswer>(partitions.Count);
                foreach (var request in partitions)
                {
                    var answer = new PartitionAnswer();
                    list.Add(answer);
                    if (request.Log == null)
                    {
                        answer.Error = ErrorCode.UnknownTopicOrPartition;
                        anyError = true;
                        continue;
                    }

                    var logEnd = request.Log.LogEndOffset;
                    answer.HighWatermark = logEnd;
                    // k39 LocalLog.scala:368-369: outside [log start, log end] ⇒ OFFSET_OUT_OF_RANGE.
                    if (request.FetchOffset < request.Log.LogStartOffset || request.FetchOffset > logEnd)
                    {
                        answer.Error = ErrorCode.OffsetOutOfRange;
                        anyError = true;
                        continue;
                    }

                    if (request.FetchOffset == logEnd)
                    {
                        continue;
                    }

                    var limit = (int)Math.Min(Math.Max(0, request.MaxBytes), remaining);
                    // KIP-74: the first partition that returns data returns at least one whole batch.
                    answer.RecordBytes = request.Log.Read(request.FetchOffset, limit, totalBytes == 0, answer.Records);
                    totalBytes += answer.RecordBytes;
                    remaining = Math.Max(0, remaining - answer.RecordBytes);
                }

                answers.Add(list);
            }

            return answers;
        }
    }
}

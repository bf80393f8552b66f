using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Records;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>
    /// One partition: record batches stored exactly as received (only BaseOffset and PartitionLeaderEpoch patched,
    /// both outside the CRC), an offset/time index, idempotent-producer state and, with a data directory, an
    /// append-only file that is replayed on start. Nothing is ever expired: the log start offset is always 0.
    /// </summary>
    internal sealed class PartitionLog : IDisposable
    {
        /// <summary>The leader epoch the lab broker reports; it never changes because leadership never moves.</summary>
        public const int LeaderEpoch = 0;

        private readonly object _gate = new object();
        private readonly ChunkStore _chunks = new ChunkStore();
        private readonly BatchIndex _index = new BatchIndex();
        private readonly ProducerState _producers = new ProducerState();
        private readonly string? _filePath;
        private FileStream? _file;
        private long _logEndOffset;
        private long _storedBytes;
        private bool _deleted;
        private bool _closed;

        private PartitionLog(string topic, int partition, string? filePath)
        {
            Topic = topic;
            Partition = partition;
            _filePath = filePath;
        }

        public string Topic { get; }

        public int Partition { get; }

        public AppendSignal Signal { get; } = new AppendSignal();

        public long LogStartOffset => 0;

        public long LogEndOffset => Interlocked.Read(ref _logEndOffset);

        public long StoredBytes => Interlocked.Read(ref _storedBytes);

        public long MaxProducerId
        {
            get
            {
                lock (_gate)
                {
                    return _producers.MaxProducerId;
                }
            }
        }

        public static PartitionLog CreateInMemory(string topic, int partition) => new PartitionLog(topic, partition, null);

        /// <summary>Opens (or creates) the partition's file and replays it, cutting off a torn or corrupt tail.</summary>
        public static PartitionLog OpenFile(string topic, int partition, string filePath, Action<string>? log)
        {
            var partitionLog = new PartitionLog(topic, partition, filePath);
            partitionLog.Replay(log);
            partitionLog._file = new FileStream(filePath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1);
            partitionLog._file.Seek(0, SeekOrigin.End);
            return partitionLog;
        }

        private void Replay(Action<string>? log)
        {
            if (!File.Exists(_filePath!))
            {
                return;
            }

            long goodLength = 0;
            var header = new byte[RecordBatchLayout.LogOverhead];
            using (var stream = new FileStream(_filePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
            {
                while (true)
                {
                    if (ReadFully(stream, header, 0, header.Length) < header.Length)
                    {
                        break;
                    }

                    var batchLength = RecordBatchLayout.BatchLength(header);
                    var total = RecordBatchLayout.LogOverhead + (long)batchLength;
                    if (batchLength < RecordBatchLayout.HeaderSize - RecordBatchLayout.LogOverhead || total > int.MaxValue / 2)
                    {
                        break;
                    }

                    var (chunk, offset) = _chunks.Reserve((int)total);
                    var buffer = _chunks.Chunk(chunk);
                    Buffer.BlockCopy(header, 0, buffer, offset, header.Length);
                    var body = ReadFully(stream, buffer, offset + header.Length, batchLength);
                    var batch = new ReadOnlySpan<byte>(buffer, offset, (int)total);
                    if (body < batchLength || RecordBatchLayout.Magic(batch) != 2 ||
                        RecordBatchLayout.ComputeCrc(buffer, offset, (int)total) != RecordBatchLayout.Crc(batch) ||
                        RecordBatchLayout.BaseOffset(batch) != _logEndOffset)
                    {
                        _chunks.Unreserve((int)total);
                        break;
                    }

                    Index(batch, chunk, offset);
                    goodLength += total;
                }
            }

            var fileLength = new FileInfo(_filePath!).Length;
            if (fileLength != goodLength)
            {
                // A crash mid-write leaves a partial batch; Kafka's recovery truncates the same way (k39 LogSegment.recover).
                log?.Invoke($"{Topic}-{Partition}: truncating {fileLength - goodLength} bytes of torn or corrupt log tail.");
                using var truncate = new FileStream(_filePath!, FileMode.Open, FileAccess.Write, FileShare.Read);
                truncate.SetLength(goodLength);
            }
        }

        private static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
        {
            var total = 0;
            while (total < count)
            {
                var read = stream.Read(buffer, offset + total, count - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }

        private void Index(ReadOnlySpan<byte> batch, int chunk, int chunkOffset)
        {
            var baseOffset = RecordBatchLayout.BaseOffset(batch);
            var lastOffset = baseOffset + RecordBatchLayout.LastOffsetDelta(batch);
            _index.Add(new BatchEntry
            {
                BaseOffset = baseOffset,
                LastOffset = lastOffset,
                MaxTimestamp = RecordBatchLayout.MaxTimestamp(batch),
                Chunk = chunk,
                ChunkOffset = chunkOffset,
                Length = batch.Length,
            });

            var producerId = RecordBatchLayout.ProducerId(batch);
            if (producerId >= 0)
            {
                var firstSeq = RecordBatchLayout.BaseSequence(batch);
                _producers.Record(producerId, RecordBatchLayout.ProducerEpoch(batch), firstSeq,
                    unchecked(firstSeq + RecordBatchLayout.LastOffsetDelta(batch)), baseOffset);
            }

            Interlocked.Exchange(ref _logEndOffset, lastOffset + 1);
            Interlocked.Add(ref _storedBytes, batch.Length);
        }

        /// <summary>
        /// Appends one validated batch. <paramref name="logAppendTime"/> is set for LogAppendTime topics.
        /// </summary>
        public AppendResult Append(ReadOnlySpan<byte> batch, long? logAppendTime)
        {
            AppendResult result;
            lock (_gate)
            {
                if (_deleted)
                {
                    return AppendResult.Failed(ErrorCode.UnknownTopicOrPartition);
                }

                if (_closed)
                {
                    // The broker is stopping: an acknowledgement now could not be made durable any more.
                    return AppendResult.Failed(ErrorCode.NotLeaderOrFollower);
                }

                var producerId = RecordBatchLayout.ProducerId(batch);
                var epoch = RecordBatchLayout.ProducerEpoch(batch);
                var firstSeq = RecordBatchLayout.BaseSequence(batch);
                var lastSeq = unchecked(firstSeq + RecordBatchLayout.LastOffsetDelta(batch));
                if (producerId >= 0)
                {
                    var check = _producers.Check(producerId, epoch, firstSeq, lastSeq, out var duplicateOf);
                    if (check != ErrorCode.None)
                    {
                        return AppendResult.Failed(check);
                    }

                    if (duplicateOf >= 0)
                    {
                        return new AppendResult(ErrorCode.None, duplicateOf, -1);
                    }
                }

                var baseOffset = _logEndOffset;
                var (chunk, offset) = _chunks.Reserve(batch.Length);
                var stored = new Span<byte>(_chunks.Chunk(chunk), offset, batch.Length);
                batch.CopyTo(stored);
                RecordBatchLayout.SetBaseOffset(stored, baseOffset);
                RecordBatchLayout.SetPartitionLeaderEpoch(stored, LeaderEpoch);
                if (logAppendTime.HasValue)
                {
                    RecordBatchLayout.StampLogAppendTime(_chunks.Chunk(chunk), offset, batch.Length, logAppendTime.Value);
                }

                if (_file != null)
                {
                    try
                    {
                        _file.Write(_chunks.Chunk(chunk), offset, batch.Length);
                    }
                    catch (IOException)
                    {
                        // The batch is not acknowledged, so forgetting it keeps memory and disk identical.
                        _chunks.Unreserve(batch.Length);
                        return AppendResult.Failed(ErrorCode.UnknownServerError);
                    }
                }

                Index(stored, chunk, offset);
                result = new AppendResult(ErrorCode.None, baseOffset, logAppendTime ?? -1);
            }

            Signal.Notify();
            return result;
        }

        /// <summary>
        /// Adds the stored bytes from the batch holding <paramref name="fetchOffset"/> onwards, at most
        /// <paramref name="maxBytes"/>, cutting the last batch if needed (clients skip a partial trailing batch,
        /// notes §3.4). With <paramref name="wholeFirstBatch"/> the first batch is never cut (KIP-74,
        /// k39 ReplicaManager.scala:1733-1739).
        /// </summary>
        public int Read(long fetchOffset, int maxBytes, bool wholeFirstBatch, List<ArraySegment<byte>> into)
        {
            lock (_gate)
            {
                var i = _index.FindByOffset(fetchOffset);
                if (i < 0)
                {
                    return 0;
                }

                var limit = maxBytes;
                if (wholeFirstBatch && _index[i].Length > limit)
                {
                    limit = _index[i].Length;
                }

                var total = 0;
                for (; i < _index.Count && total < limit; i++)
                {
                    ref var entry = ref _index[i];
                    var take = Math.Min(entry.Length, limit - total);
                    into.Add(new ArraySegment<byte>(_chunks.Chunk(entry.Chunk), entry.ChunkOffset, take));
                    total += take;
                }

                return total;
            }
        }

        /// <summary>
        /// First offset whose record timestamp is at least <paramref name="timestamp"/>: batches by MaxTimestamp, then
        /// records inside the batch, decompressing when needed (k39 UnifiedLog.scala:1373-1379, LogSegment.java:755-762).
        /// </summary>
        public (long Offset, long Timestamp)? FindOffsetForTimestamp(long timestamp)
        {
            lock (_gate)
            {
                for (var i = _index.FindFirstWithMaxTimestampAtLeast(timestamp); i >= 0 && i < _index.Count; i++)
                {
                    ref var entry = ref _index[i];
                    if (entry.MaxTimestamp < timestamp)
                    {
                        continue;
                    }

                    var batch = new ReadOnlySpan<byte>(_chunks.Chunk(entry.Chunk), entry.ChunkOffset, entry.Length);
                    var found = RecordTimestampScanner.FindFirstAtOrAfter(batch, timestamp, LogStartOffset);
                    if (found != null)
                    {
                        return found;
                    }
                }

                return null;
            }
        }

        /// <summary>Forgets everything and removes the file (DeleteTopics).</summary>
        public void Delete()
        {
            lock (_gate)
            {
                _deleted = true;
                _file?.Dispose();
                _file = null;
                _chunks.Clear();
                _index.Clear();
                _producers.Clear();
                Interlocked.Exchange(ref _storedBytes, 0);
                if (_filePath != null && File.Exists(_filePath))
                {
                    File.Delete(_filePath);
                }
            }

            Signal.Notify();
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
                if (_file != null)
                {
                    _file.Flush(true);
                    _file.Dispose();
                    _file = null;
                }

                // The bytes are on disk (or were memory-only and are now unreachable through the broker): let them go
                // even if something still holds the stopped broker. Fetches being sent keep their own references.
                _chunks.Clear();
                _index.Clear();
                _producers.Clear();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Records;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>
    /// Produce v3-7. Per batch only the 61-byte header and the CRC are examined; records are not parsed. The batch is
    /// copied once, into the partition's store, with BaseOffset patched.
    /// </summary>
    internal static class ProduceHandler
    {
        /// <returns>False for acks=0, which gets no response at all (k39 KafkaApis.handleProduceRequest).</returns>
        public static bool Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            reader.ReadNullableString(); // TransactionalId
            var acks = reader.ReadInt16();
            reader.ReadInt32(); // TimeoutMs
            var topicCount = reader.ReadArrayCount(6);
            // The whole request is decoded before anything is appended, so a truncated request stores nothing.
            var decoded = new List<(string Topic, List<(int Partition, ArraySegment<byte>? Records)> Partitions)>(topicCount);
            for (var t = 0; t < topicCount; t++)
            {
                var name = reader.ReadString();
                var partitionCount = reader.ReadArrayCount(8);
                var partitions = new List<(int, ArraySegment<byte>?)>(partitionCount);
                for (var p = 0; p < partitionCount; p++)
                {
                    partitions.Add((reader.ReadInt32(), reader.ReadNullableBytes()));
                }

                decoded.Add((name, partitions));
            }

            // k39 KafkaApis.handleProduceRequest: acks other than -1, 0, 1 ⇒ INVALID_REQUIRED_ACKS for every partition.
            var validAcks = acks == -1 || acks == 0 || acks == 1;
            var results = new List<(string Topic, List<(int Partition, AppendResult Result)> Partitions)>(topicCount);
            foreach (var (name, partitions) in decoded)
            {
                var topic = context.Topics.Find(name);
                var answers = new List<(int, AppendResult)>(partitions.Count);
                foreach (var (index, records) in partitions)
                {
                    AppendResult result;
                    if (!validAcks)
                    {
                        result = AppendResult.Failed(ErrorCode.InvalidRequiredAcks);
                    }
                    else
                    {
                        var partition = topic?.Partition(index);
                        result = partition == null
                            ? AppendResult.Failed(ErrorCode.UnknownTopicOrPartition)
                            : Append(topic!, partition, version, records);
                    }

                    answers.Add((index, result));
                }

                results.Add((name, answers));
            }

            if (acks == 0)
            {
                return false;
            }

            writer.WriteArrayLength(results.Count);
            foreach (var (topic, partitions) in results)
            {
                writer.WriteString(topic);
                writer.WriteArrayLength(partitions.Count);
                foreach (var (index, result) in partitions)
                {
                    writer.WriteInt32(index);
                    writer.WriteInt16((short)result.Error);
                    writer.WriteInt64(result.BaseOffset);
                    writer.WriteInt64(result.LogAppendTime);
                    if (version >= 5)
                    {
                        writer.WriteInt64(result.Error == ErrorCode.None ? 0 : -1); // LogStartOffset
                    }
                }
            }

            writer.WriteInt32(0); // ThrottleTimeMs is the last field (notes §3.2)
            return true;
        }

        private static AppendResult Append(Topic topic, PartitionLog partition, short version, ArraySegment<byte>? records)
        {
            var error = Validate(topic, version, records);
            if (error != ErrorCode.None)
            {
                return AppendResult.Failed(error);
            }

            var batch = new ReadOnlySpan<byte>(records!.Value.Array, records.Value.Offset, records.Value.Count);
            long? appendTime = topic.IsLogAppendTime ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : (long?)null;
            return partition.Append(batch, appendTime);
        }

        internal static ErrorCode Validate(Topic topic, short version, ArraySegment<byte>? records)
        {
            // k39 ProduceRequest.validateRecords: v3+ needs exactly one magic-2 batch per partition ⇒ INVALID_RECORD.
            if (records == null || records.Value.Count == 0)
            {
                return ErrorCode.InvalidRecord;
            }

            var batch = new ReadOnlySpan<byte>(records.Value.Array, records.Value.Offset, records.Value.Count);
            if (batch.Length < RecordBatchLayout.HeaderSize)
            {
                return ErrorCode.CorruptMessage;
            }

            var declared = (long)RecordBatchLayout.BatchLength(batch) + RecordBatchLayout.LogOverhead;
            if (declared < RecordBatchLayout.HeaderSize || declared > batch.Length)
            {
                // k39 ByteBufferLogInputStream: a batch that overruns its buffer is corrupt.
                return ErrorCode.CorruptMessage;
            }

            if (declared < batch.Length)
            {
                return ErrorCode.InvalidRecord;
            }

            if (RecordBatchLayout.Magic(batch) != 2)
            {
                return ErrorCode.InvalidRecord;
            }

            var codec = RecordBatchLayout.Codec(batch);
            if (codec > (int)CompressionCodec.Zstd)
            {
                return ErrorCode.CorruptMessage;
            }

            // k39 ProduceRequest.validateRecords: zstd needs Produce v7+.
            if (codec == (int)CompressionCodec.Zstd && version < 7)
            {
                return ErrorCode.UnsupportedCompressionType;
            }

            // k39 UnifiedLog.scala:1133-1136: client batches must arrive with BaseOffset 0.
            if (RecordBatchLayout.BaseOffset(batch) != 0)
            {
                return ErrorCode.InvalidRecord;
            }

            // k39 UnifiedLog.scala:1158-1163: larger than max.message.bytes.
            if (batch.Length > topic.MaxMessageBytes)
            {
                return ErrorCode.MessageTooLarge;
            }

            // k39 UnifiedLog.scala:1169-1172 (batch.ensureValid): CRC-32C mismatch.
            if (RecordBatchLayout.ComputeCrc(records.Value.Array!, records.Value.Offset, records.Value.Count) != RecordBatchLayout.Crc(batch))
            {
                return ErrorCode.CorruptMessage;
            }

            // k39 storage LogValidator.validateBatch ("Inconsistent batch offset range ... and count of records"):
            // the record count must match the offset range.
            var lastOffsetDelta = RecordBatchLayout.LastOffsetDelta(batch);
            if (lastOffsetDelta < 0 || RecordBatchLayout.RecordCount(batch) != lastOffsetDelta + 1)
            {
                return ErrorCode.InvalidRecord;
            }

            // Same method: a producer id needs a sequence, and clients may not write control records.
            if (RecordBatchLayout.ProducerId(batch) >= 0 && RecordBatchLayout.BaseSequence(batch) < 0)
            {
                return ErrorCode.InvalidRecord;
            }

            if ((RecordBatchLayout.Attributes(batch) & RecordBatchLayout.ControlFlag) != 0)
            {
                return ErrorCode.InvalidRecord;
            }

            return ErrorCode.None;
        }
    }
}

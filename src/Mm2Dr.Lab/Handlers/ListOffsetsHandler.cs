using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>ListOffsets v1-5 (k39 ListOffsetsRequest/Response.json; semantics notes §3.3).</summary>
    internal static class ListOffsetsHandler
    {
        private const long Latest = -1;
        private const long Earliest = -2;

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            reader.ReadInt32(); // ReplicaId
            if (version >= 2)
            {
                reader.ReadInt8(); // IsolationLevel: without transactions the last stable offset is the high watermark
            }

            var topicCount = reader.ReadArrayCount(6);
            var topics = new List<(string, List<(int, long)>)>(topicCount);
            for (var t = 0; t < topicCount; t++)
            {
                var name = reader.ReadString();
                var partitionCount = reader.ReadArrayCount(12);
                var partitions = new List<(int, long)>(partitionCount);
                for (var p = 0; p < partitionCount; p++)
                {
                    var index = reader.ReadInt32();
                    if (version >= 4)
                    {
                        reader.ReadInt32(); // CurrentLeaderEpoch: -1 from both clients (Metadata < v9, notes §1.4)
                    }

                    partitions.Add((index, reader.ReadInt64()));
                }

                topics.Add((name, partitions));
            }

            if (version >= 2)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            writer.WriteArrayLength(topics.Count);
            foreach (var (name, partitions) in topics)
            {
                writer.WriteString(name);
                writer.WriteArrayLength(partitions.Count);
                var topic = context.Topics.Find(name);
                foreach (var (index, timestamp) in partitions)
                {
                    var (error, foundTimestamp, offset) = Lookup(topic?.Partition(index), timestamp);
                    writer.WriteInt32(index);
                    writer.WriteInt16((short)error);
                    writer.WriteInt64(foundTimestamp);
                    writer.WriteInt64(offset);
                    if (version >= 4)
                    {
                        writer.WriteInt32(offset >= 0 ? PartitionLog.LeaderEpoch : -1);
                    }
                }
            }
        }

        private static (ErrorCode, long Timestamp, long Offset) Lookup(PartitionLog? partition, long timestamp)
        {
            if (partition == null)
            {
                return (ErrorCode.UnknownTopicOrPartition, -1, -1);
            }

            switch (timestamp)
            {
                case Earliest:
                    return (ErrorCode.None, -1, partition.LogStartOffset);
                case Latest:
                    return (ErrorCode.None, -1, partition.LogEndOffset);
                case < Earliest:
                    // -3 (max timestamp) needs v7, -4/-5 (tiered) v8/v9: this version cannot ask for them
                    // (k39 KafkaApis.scala:1163-1169, 1195-1200).
                    return (ErrorCode.UnsupportedVersion, -1, -1);
            }

            var found = partition.FindOffsetForTimestamp(timestamp);
            // Not found ⇒ NONE with offset -1 and timestamp -1 (k39 KafkaApis.scala:1171-1177, 1224-1225).
            return found == null ? (ErrorCode.None, -1, -1) : (ErrorCode.None, found.Value.Timestamp, found.Value.Offset);
        }
    }
}

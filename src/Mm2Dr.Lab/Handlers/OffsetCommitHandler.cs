using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Lab.Groups;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>OffsetCommit v0-7 (k39 OffsetCommitRequest/Response.json; rules in notes §5.1).</summary>
    internal static class OffsetCommitHandler
    {
        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            var groupId = reader.ReadString();
            var generationId = version >= 1 ? reader.ReadInt32() : -1;
            var memberId = version >= 1 ? reader.ReadString() : "";
            var groupInstanceId = version >= 7 ? reader.ReadNullableString() : null;
            if (version >= 2 && version <= 4)
            {
                reader.ReadInt64(); // RetentionTimeMs: nothing expires here
            }

            var topicCount = reader.ReadArrayCount(6);
            var requested = new List<(string Topic, List<(int Partition, long Offset, int Epoch, string? Metadata)> Partitions)>(topicCount);
            for (var t = 0; t < topicCount; t++)
            {
                var name = reader.ReadString();
                var partitionCount = reader.ReadArrayCount(14);
                var partitions = new List<(int, long, int, string?)>(partitionCount);
                for (var p = 0; p < partitionCount; p++)
                {
                    var index = reader.ReadInt32();
                    var offset = reader.ReadInt64();
                    var epoch = version >= 6 ? reader.ReadInt32() : -1;
                    if (version == 1)
                    {
                        reader.ReadInt64(); // CommitTimestamp
                    }

                    partitions.Add((index, offset, epoch, reader.ReadNullableString()));
                }

                requested.Add((name, partitions));
            }

            // Per partition first: unknown topic/partition (k39 KafkaApis.scala:476-490) and oversized metadata
            // (k39 GroupMetadataManager.scala:437, 473); the rest goes to the coordinator as one group decision.
            var errors = new Dictionary<(string, int), ErrorCode>();
            var valid = new List<(string, int, long, int, string?)>();
            foreach (var (topicName, partitions) in requested)
            {
                var topic = context.Topics.Find(topicName);
                foreach (var (index, offset, epoch, metadata) in partitions)
                {
                    if (topic?.Partition(index) == null)
                    {
                        errors[(topicName, index)] = ErrorCode.UnknownTopicOrPartition;
                    }
                    else if (GroupCoordinator.MetadataTooLarge(metadata))
                    {
                        errors[(topicName, index)] = ErrorCode.OffsetMetadataTooLarge;
                    }
                    else
                    {
                        valid.Add((topicName, index, offset, epoch, metadata));
                    }
                }
            }

            var groupError = valid.Count == 0
                ? ErrorCode.None
                : context.Groups.CommitOffsets(groupId, generationId, memberId, groupInstanceId, valid);

            if (version >= 3)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            writer.WriteArrayLength(requested.Count);
            foreach (var (topicName, partitions) in requested)
            {
                writer.WriteString(topicName);
                writer.WriteArrayLength(partitions.Count);
                foreach (var (index, _, _, _) in partitions)
                {
                    writer.WriteInt32(index);
                    writer.WriteInt16((short)(errors.TryGetValue((topicName, index), out var error) ? error : groupError));
                }
            }
        }
    }
}

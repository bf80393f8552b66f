using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Storage;

namespace Mm2Dr.Lab.Handlers
{
    /// <summary>Metadata v1-8 (k39 MetadataRequest/Response.json; fields librdkafka reads: lrd216 metadata.c:635-885).</summary>
    internal static class MetadataHandler
    {
        // Schema default for "authorized operations not requested" (k39 KafkaApis.scala:1396).
        private const int AuthorizedOperationsOmitted = int.MinValue;

        public static void Handle(BrokerContext context, RequestHeader header, KafkaReader reader, ResponseWriter writer)
        {
            var version = header.ApiVersion;
            List<string>? requested = null;
            var count = reader.ReadArrayCount(2);
            if (count >= 0)
            {
                requested = new List<string>(count);
                for (var i = 0; i < count; i++)
                {
                    requested.Add(reader.ReadString());
                }
            }

            var allowAutoCreate = version < 4 || reader.ReadBoolean();
            if (version >= 8)
            {
                reader.ReadBoolean(); // IncludeClusterAuthorizedOperations
                reader.ReadBoolean(); // IncludeTopicAuthorizedOperations
            }

            if (version >= 3)
            {
                writer.WriteInt32(0); // ThrottleTimeMs
            }

            writer.WriteArrayLength(1);
            writer.WriteInt32(context.NodeId);
            writer.WriteString(context.AdvertisedHost);
            writer.WriteInt32(context.AdvertisedPort);
            writer.WriteNullableString(null); // Rack
            if (version >= 2)
            {
                writer.WriteNullableString(context.ClusterId);
            }

            // ControllerId must be our own id: admin requests go to the controller (notes §1.3, §7).
            writer.WriteInt32(context.NodeId);

            // v1+: null = all topics, empty = brokers only (lrd216 request.c:2917-2950).
            if (requested == null)
            {
                var topics = context.Topics.All();
                writer.WriteArrayLength(topics.Count);
                foreach (var topic in topics)
                {
                    WriteTopic(context, writer, version, topic);
                }
            }
            else
            {
                writer.WriteArrayLength(requested.Count);
                foreach (var name in requested)
                {
                    var topic = context.Topics.Find(name);
                    if (topic != null)
                    {
                        WriteTopic(context, writer, version, topic);
                        continue;
                    }

                    var nameError = TopicNames.Validate(name);
                    if (nameError != null)
                    {
                        WriteTopicError(writer, version, name, ErrorCode.InvalidTopicException);
                    }
                    else if (allowAutoCreate && context.Options.AutoCreateTopics)
                    {
                        // Kafka auto-creates only for explicitly named topics with both switches on, and answers the
                        // first request LEADER_NOT_AVAILABLE while creation runs (k39 KafkaApis.scala:1392,
                        // AutoTopicCreationManager.scala:125-134); clients retry.
                        context.Topics.TryCreate(name, context.Options.DefaultPartitions, new Dictionary<string, string>(), out _);
                        WriteTopicError(writer, version, name, ErrorCode.LeaderNotAvailable);
                    }
                    else
                    {
                        WriteTopicError(writer, version, name, ErrorCode.UnknownTopicOrPartition);
                    }
                }
            }

            if (version >= 8)
            {
                writer.WriteInt32(AuthorizedOperationsOmitted); // ClusterAuthorizedOperations
            }
        }

        private static void WriteTopicError(ResponseWriter writer, short version, string name, ErrorCode error)
        {
            writer.WriteInt16((short)error);
            writer.WriteString(name);
            writer.WriteBoolean(false);
            writer.WriteArrayLength(0);
            if (version >= 8)
            {
                writer.WriteInt32(AuthorizedOperationsOmitted);
            }
        }

        private static void WriteTopic(BrokerContext context, ResponseWriter writer, short version, Topic topic)
        {
            writer.WriteInt16((short)ErrorCode.None);
            writer.WriteString(topic.Name);
            writer.WriteBoolean(false); // IsInternal
            var partitions = topic.Partitions;
            writer.WriteArrayLength(partitions.Count);
            for (var p = 0; p < partitions.Count; p++)
            {
                writer.WriteInt16((short)ErrorCode.None);
                writer.WriteInt32(p);
                writer.WriteInt32(context.NodeId);
                if (version >= 7)
                {
                    writer.WriteInt32(PartitionLog.LeaderEpoch);
                }

                writer.WriteArrayLength(1);
                writer.WriteInt32(context.NodeId); // replicas
                writer.WriteArrayLength(1);
                writer.WriteInt32(context.NodeId); // isr
                if (version >= 5)
                {
                    writer.WriteArrayLength(0); // offline replicas
                }
            }

            if (version >= 8)
            {
                writer.WriteInt32(AuthorizedOperationsOmitted);
            }
        }
    }
}

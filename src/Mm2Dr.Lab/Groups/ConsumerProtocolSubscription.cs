using System.Collections.Generic;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Groups
{
    /// <summary>
    /// Reads the topic list from a "consumer" member's subscription metadata (ConsumerProtocolSubscription: int16
    /// version, then string[] topics as its prefix in every version). Unreadable ⇒ null, which Kafka treats as
    /// "subscribed to everything" for OffsetDelete (k39 GroupMetadata.scala:471-516).
    /// </summary>
    internal static class ConsumerProtocolSubscription
    {
        public static IReadOnlyCollection<string>? TryReadTopics(byte[] metadata)
        {
            try
            {
                var reader = new KafkaReader(metadata, 0, metadata.Length);
                var version = reader.ReadInt16();
                if (version < 0)
                {
                    return null;
                }

                var count = reader.ReadArrayCount(2);
                var topics = new HashSet<string>();
                for (var i = 0; i < count; i++)
                {
                    topics.Add(reader.ReadString());
                }

                return topics;
            }
            catch (MalformedRequestException)
            {
                return null;
            }
        }
    }
}

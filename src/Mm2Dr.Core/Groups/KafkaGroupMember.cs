using System;
using System.Collections.Generic;
using Mm2Dr.Core.Kafka;

namespace Mm2Dr.Core.Groups
{
    /// <summary>A member of a consumer group and the partitions assigned to it.</summary>
    public sealed class KafkaGroupMember
    {
        public string MemberId { get; set; } = "";

        public string? GroupInstanceId { get; set; }

        public string ClientId { get; set; } = "";

        public string Host { get; set; } = "";

        public IReadOnlyList<TopicPartitionRef> Assignment { get; set; } = Array.Empty<TopicPartitionRef>();

        public override string ToString() => $"{ClientId} ({Host})";
    }
}

namespace Mm2Dr.Core.Groups
{
    /// <summary>How Set-KafkaConsumerGroupOffset chooses each partition's new offset.</summary>
    public enum OffsetResetMode
    {
        ToEarliest,
        ToLatest,
        ToOffset,
        ToTimestamp,
        ShiftBy,
    }
}

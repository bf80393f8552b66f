namespace Mm2Dr.Core.Groups
{
    /// <summary>A consumer group as listed (Get-KafkaConsumerGroup without -Name).</summary>
    public sealed class KafkaConsumerGroupInfo
    {
        public string Cluster { get; set; } = "";

        public string BootstrapServers { get; set; } = "";

        public string Group { get; set; } = "";

        /// <summary>Stable, Empty, PreparingRebalance, CompletingRebalance, Dead or Unknown.</summary>
        public string State { get; set; } = "Unknown";

        public int? Members { get; set; }

        public bool IsSimpleConsumerGroup { get; set; }

        public override string ToString() => Group;
    }
}

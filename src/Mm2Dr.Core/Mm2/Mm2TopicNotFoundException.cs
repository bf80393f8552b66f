namespace Mm2Dr.Core.Mm2
{
    /// <summary>The MM2 internal topic does not exist on the cluster the read was pointed at.</summary>
    public sealed class Mm2TopicNotFoundException : Mm2TopicReadException
    {
        public Mm2TopicNotFoundException(string clusterAlias, string bootstrapServers, string topic, string hint)
            : base(clusterAlias, topic, $"Topic '{topic}' does not exist on cluster '{clusterAlias}' ({bootstrapServers}). {hint}")
        {
            BootstrapServers = bootstrapServers;
            Hint = hint;
        }

        public string BootstrapServers { get; }

        /// <summary>What usually causes this for this kind of topic.</summary>
        public string Hint { get; }
    }
}

using System;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>Reading an MM2 internal topic failed (the cluster refused, the topic is missing, the deadline passed).</summary>
    public class Mm2TopicReadException : Exception
    {
        public Mm2TopicReadException(string clusterAlias, string topic, string message, Exception? inner = null)
            : base(message, inner)
        {
            ClusterAlias = clusterAlias;
            Topic = topic;
        }

        public string ClusterAlias { get; }

        public string Topic { get; }
    }
}

namespace Mm2Dr.Core.Sites
{
    /// <summary>A cluster's state as its site sees it (the process or container), independent of whether Kafka answers.</summary>
    public enum SiteClusterState
    {
        /// <summary>The site cannot tell (e.g. it was not asked, or it failed to answer).</summary>
        Unknown,

        /// <summary>Running: it should answer Kafka requests.</summary>
        Running,

        /// <summary>Taken down on purpose: connections are refused, the data is kept.</summary>
        Stopped,
    }
}

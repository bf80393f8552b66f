namespace Mm2Dr.Core.Environment
{
    /// <summary>The part a cluster plays in the DR pair.</summary>
    public enum ClusterRole
    {
        /// <summary>The active cluster MM2 replicates from.</summary>
        Primary,

        /// <summary>The disaster-recovery cluster MM2 replicates to.</summary>
        DR,

        /// <summary>A cluster named ad hoc with -BootstrapServers.</summary>
        Other,
    }
}

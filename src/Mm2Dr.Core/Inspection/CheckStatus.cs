namespace Mm2Dr.Core.Inspection
{
    /// <summary>The verdict of one health check; ordered from best to worst so the overall verdict is the maximum.</summary>
    public enum CheckStatus
    {
        Ok,

        /// <summary>Works, but something deserves a look (stale replicated heartbeats, corrupt records, idle filters).</summary>
        Warning,

        /// <summary>Broken: a failover now would lack data or offsets, or MM2 is not running.</summary>
        Failed,
    }
}

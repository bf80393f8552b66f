namespace Mm2Dr.Core.Mm2
{
    /// <summary>MM2's offset-syncs.topic.location.</summary>
    public enum OffsetSyncsTopicLocation
    {
        /// <summary>Default: "mm2-offset-syncs.&lt;target&gt;.internal" on the source cluster.</summary>
        Source,

        /// <summary>"mm2-offset-syncs.&lt;source&gt;.internal" on the target cluster.</summary>
        Target,
    }
}

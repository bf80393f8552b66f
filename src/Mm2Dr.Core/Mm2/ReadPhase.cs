namespace Mm2Dr.Core.Mm2
{
    /// <summary>The step of a topic read, to say where a deadline ran out.</summary>
    public enum ReadPhase
    {
        /// <summary>Asking the cluster whether the topic exists.</summary>
        Metadata,

        /// <summary>Asking for the partition's first and end offsets.</summary>
        Watermarks,

        /// <summary>Consuming records up to the end offset.</summary>
        Reading,
    }
}

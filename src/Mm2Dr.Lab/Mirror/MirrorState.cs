namespace Mm2Dr.Lab.Mirror
{
    /// <summary>Where the lab mirror stands.</summary>
    public enum MirrorState
    {
        /// <summary>Copying records, emitting offset syncs, checkpoints and heartbeats.</summary>
        Running,

        /// <summary>Records are not copied (Suspend-DrMirror); heartbeats and checkpoints go on, so lag shows.</summary>
        Suspended,

        /// <summary>Stopped for good; its position is stored on the target cluster.</summary>
        Stopped,
    }
}

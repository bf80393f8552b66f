namespace Mm2Dr.Core.Inspection
{
    /// <summary>The three kinds of MM2 internal topic, named as an operator asks for them.</summary>
    public enum Mm2TopicKind
    {
        /// <summary>"primary.checkpoints.internal" on DR: translated group offsets.</summary>
        Checkpoints,

        /// <summary>"mm2-offset-syncs.dr.internal" on the primary (by default): which primary offset landed where on DR.</summary>
        OffsetSyncs,

        /// <summary>"heartbeats" on DR: MM2 is alive; replicas such as "primary.heartbeats" show replication delay.</summary>
        Heartbeats,
    }
}

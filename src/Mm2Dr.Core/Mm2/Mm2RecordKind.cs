namespace Mm2Dr.Core.Mm2
{
    /// <summary>The three record types MM2 writes to its internal topics.</summary>
    public enum Mm2RecordKind
    {
        Checkpoint,
        OffsetSync,
        Heartbeat,
    }
}

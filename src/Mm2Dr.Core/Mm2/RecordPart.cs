namespace Mm2Dr.Core.Mm2
{
    public enum RecordPart
    {
        Key,
        Value,
    }
}

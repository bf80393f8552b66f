namespace Mm2Dr.Lab.Groups
{
    /// <summary>Classic group states; the names are the exact strings DescribeGroups returns (k39 GroupMetadata.scala:37-127).</summary>
    internal enum GroupState
    {
        Empty,
        PreparingRebalance,
        CompletingRebalance,
        Stable,
        Dead,
    }
}

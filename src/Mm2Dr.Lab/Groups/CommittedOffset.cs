namespace Mm2Dr.Lab.Groups
{
    internal sealed class CommittedOffset
    {
        public CommittedOffset(long offset, int leaderEpoch, string? metadata, long commitTimestamp)
        {
            Offset = offset;
            LeaderEpoch = leaderEpoch;
            Metadata = metadata;
            CommitTimestamp = commitTimestamp;
        }

        public long Offset { get; }

        public int LeaderEpoch { get; }

        public string? Metadata { get; }

        public long CommitTimestamp { get; }
    }
}

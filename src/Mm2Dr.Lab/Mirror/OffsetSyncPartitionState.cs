namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// MM2's per-partition rule for when an offset sync must go out at once (OffsetSyncWriter.PartitionState, Kafka 3.7+):
    /// the first record of this task's lifetime, a downstream offset too far past the last sync for translation to stay
    /// within offset.lag.max, a gap in upstream offsets, or a downstream offset that went backwards.
    /// </summary>
    internal sealed class OffsetSyncPartitionState
    {
        private readonly long _maxOffsetLag;
        private long _previousUpstreamOffset = -1;
        private long _previousDownstreamOffset = -1;
        private long _lastSyncDownstreamOffset = -1;
        private bool _shouldSyncOffsets;

        public OffsetSyncPartitionState(long maxOffsetLag)
        {
            _maxOffsetLag = maxOffsetLag;
        }

        /// <summary>True if a sync must be sent now; stays true until <see cref="Reset"/>, as in MM2.</summary>
        public bool Update(long upstreamOffset, long downstreamOffset)
        {
            var noPreviousSyncThisLifetime = _lastSyncDownstreamOffset == -1;

            // translateDownstream answers "one past the last sync", hence the +1.
            var translatedOffsetTooStale = unchecked(downstreamOffset - (_lastSyncDownstreamOffset + 1)) >= _maxOffsetLag;
            var skippedUpstreamRecord = unchecked(upstreamOffset - _previousUpstreamOffset) != 1;
            var truncatedDownstreamTopic = downstreamOffset < _previousDownstreamOffset;
            if (noPreviousSyncThisLifetime || translatedOffsetTooStale || skippedUpstreamRecord || truncatedDownstreamTopic)
            {
                _lastSyncDownstreamOffset = downstreamOffset;
                _shouldSyncOffsets = true;
            }

            _previousUpstreamOffset = upstreamOffset;
            _previousDownstreamOffset = downstreamOffset;
            return _shouldSyncOffsets;
        }

        public void Reset() => _shouldSyncOffsets = false;
    }
}

using System;
using System.Collections.Generic;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The decode-only core of checkpoint reading, independent of Kafka clients: feed it the records of a checkpoints topic
    /// in offset order and it keeps the newest checkpoint per (group, target topic, partition) for the selected groups,
    /// skipping and counting records it cannot use. One pass serves every group, where MirrorClient re-reads the topic
    /// per group. Not thread-safe.
    /// </summary>
    public sealed class CheckpointAccumulator
    {
        private readonly GroupSelector _groups;
        private readonly TolerantRecordDecoder<Checkpoint> _decoder;
        private readonly Dictionary<GroupTopicPartition, CheckpointRecord> _latest = new Dictionary<GroupTopicPartition, CheckpointRecord>();

        // Pattern selectors run a regex; a topic holds few distinct groups, so decide once per group id.
        private readonly Dictionary<string, bool> _selected = new Dictionary<string, bool>(StringComparer.Ordinal);

        // Group and topic names repeat on every record; one string per distinct name saves two allocations per record and
        // shrinks a million-entry result several-fold.
        private readonly Utf8NamePool _names = new Utf8NamePool();
        private bool _completed;

        public CheckpointAccumulator(GroupSelector? groups = null, int maxErrorsKept = TolerantRecordDecoder<Checkpoint>.DefaultMaxErrorsKept)
        {
            _groups = groups ?? GroupSelector.All;
            _decoder = new TolerantRecordDecoder<Checkpoint>(DecodeCommittable, c => c.Version != Checkpoint.CurrentVersion, maxErrorsKept);
        }

        public GroupSelector Groups => _groups;

        /// <summary>Decoded records whose group was selected (including ones later superseded).</summary>
        public long SelectedRecords { get; private set; }

        public void Add(in RawRecord record)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The accumulator has been completed; start a new one for another read.");
            }

            if (!_decoder.TryDecode(record, out var checkpoint))
            {
                return;
            }

            if (!IsSelected(checkpoint.ConsumerGroupId))
            {
                return;
            }

            SelectedRecords++;

            // Last record wins, as in MirrorClient and in the compacted topic itself.
            _latest[new GroupTopicPartition(checkpoint.ConsumerGroupId, checkpoint.Topic, checkpoint.Partition)] = new CheckpointRecord(checkpoint, record.Location.Offset, record.Timestamp);
        }

        public void AddRange(IEnumerable<RawRecord> records)
        {
            if (records == null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            foreach (var record in records)
            {
                Add(record);
            }
        }

        /// <summary>
        /// Ends the read and hands over the result (without copying a possibly million-entry map); <paramref name="read"/>
        /// describes the topic read when the records came from Kafka. No records can be added afterwards.
        /// </summary>
        public CheckpointSnapshot Complete(TopicReadSummary? read = null)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The accumulator has already been completed.");
            }

            _completed = true;
            return new CheckpointSnapshot(_groups, _latest, _decoder.Report(), SelectedRecords, read);
        }

        private bool IsSelected(string group)
        {
            if (_groups.IsAll)
            {
                return true;
            }

            if (!_selected.TryGetValue(group, out var selected))
            {
                selected = _groups.Matches(group);
                _selected[group] = selected;
            }

            return selected;
        }

        private Checkpoint DecodeCommittable(RawRecord record)
        {
            var checkpoint = CheckpointCodec.Decode(record.Key, record.Value, record.Location, _names);
            if (checkpoint.DownstreamOffset < 0)
            {
                // MM2 3.x never writes one (it drops -1 translations). MirrorClient would throw on it (OffsetAndMetadata
                // rejects negative offsets) and abort the whole call; we skip and count it instead.
                throw new Mm2RecordFormatException(Mm2RecordKind.Checkpoint, RecordPart.Value, "offset", record.Location,
                    $"downstream offset {checkpoint.DownstreamOffset} is negative and cannot be committed (group '{checkpoint.ConsumerGroupId}', {checkpoint.Topic}-{checkpoint.Partition}).");
            }

            return checkpoint;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// The newest checkpoint per (group, target topic, partition) found in a checkpoints topic, with how the read went,
    /// and the offset translation MirrorClient.remoteConsumerOffsets would return for each group.
    /// </summary>
    public sealed class CheckpointSnapshot
    {
        private readonly Dictionary<GroupTopicPartition, CheckpointRecord> _latest;
        private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CheckpointRecord>>> _byGroup;

        internal CheckpointSnapshot(GroupSelector groups, Dictionary<GroupTopicPartition, CheckpointRecord> latest, DecodeReport decode, long selectedRecords, TopicReadSummary? read)
        {
            Groups = groups;
            _latest = latest;
            Decode = decode;
            SelectedRecords = selectedRecords;
            Read = read;
            _byGroup = new Lazy<IReadOnlyDictionary<string, IReadOnlyList<CheckpointRecord>>>(IndexByGroup);
        }

        /// <summary>The groups that were kept.</summary>
        public GroupSelector Groups { get; }

        /// <summary>The topic read, or null when the records were given in memory.</summary>
        public TopicReadSummary? Read { get; }

        /// <summary>Decoding counts; <see cref="DecodeReport.CorruptSkipped"/> is the number of corrupt records skipped.</summary>
        public DecodeReport Decode { get; }

        /// <summary>Decoded records of selected groups, before last-wins.</summary>
        public long SelectedRecords { get; }

        /// <summary>Newest checkpoint per (group, target topic, partition).</summary>
        public IReadOnlyDictionary<GroupTopicPartition, CheckpointRecord> Latest => _latest;

        /// <summary>The groups with at least one checkpoint, ordinal order.</summary>
        public IReadOnlyList<string> GroupIds => _byGroup.Value.Keys.OrderBy(g => g, StringComparer.Ordinal).ToArray();

        public int Count => _latest.Count;

        /// <summary>The newest checkpoint for one partition of a group, or null.</summary>
        public CheckpointRecord? Find(string group, string targetTopic, int partition)
            => _latest.TryGetValue(new GroupTopicPartition(group, targetTopic, partition), out var record) ? record : null;

        /// <summary>A group's newest checkpoints, ordered by topic and partition; empty if it has none.</summary>
        public IReadOnlyList<CheckpointRecord> CheckpointsFor(string group)
            => _byGroup.Value.TryGetValue(group, out var list) ? list : Array.Empty<CheckpointRecord>();

        /// <summary>
        /// What RemoteClusterUtils.translateOffsets returns for <paramref name="group"/>: per target-side partition, the
        /// downstream offset and metadata of the newest checkpoint. Empty if the group has no checkpoint.
        /// </summary>
        public IReadOnlyList<TranslatedOffset> TranslateOffsets(string group)
            => CheckpointsFor(group).Select(c => new TranslatedOffset(c)).ToArray();

        /// <summary><see cref="TranslateOffsets"/> for every group in the snapshot, from the same single read.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<TranslatedOffset>> TranslateAllGroups()
        {
            var result = new Dictionary<string, IReadOnlyList<TranslatedOffset>>(StringComparer.Ordinal);
            foreach (var pair in _byGroup.Value)
            {
                var translated = new TranslatedOffset[pair.Value.Count];
                for (var i = 0; i < translated.Length; i++)
                {
                    translated[i] = new TranslatedOffset(pair.Value[i]);
                }

                result[pair.Key] = translated;
            }

            return result;
        }

        private IReadOnlyDictionary<string, IReadOnlyList<CheckpointRecord>> IndexByGroup()
        {
            var lists = new Dictionary<string, List<CheckpointRecord>>(StringComparer.Ordinal);
            foreach (var pair in _latest)
            {
                if (!lists.TryGetValue(pair.Key.Group, out var list))
                {
                    list = new List<CheckpointRecord>();
                    lists[pair.Key.Group] = list;
                }

                list.Add(pair.Value);
            }

            var result = new Dictionary<string, IReadOnlyList<CheckpointRecord>>(StringComparer.Ordinal);
            foreach (var pair in lists)
            {
                pair.Value.Sort((a, b) =>
                {
                    var c = string.CompareOrdinal(a.Checkpoint.Topic, b.Checkpoint.Topic);
                    return c != 0 ? c : a.Checkpoint.Partition.CompareTo(b.Checkpoint.Partition);
                });
                result[pair.Key] = pair.Value;
            }

            return result;
        }

        public override string ToString() => $"{Count} checkpoints for {_byGroup.Value.Count} groups ({Decode})";
    }
}

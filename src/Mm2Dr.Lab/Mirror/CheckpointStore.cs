using System;
using System.Collections.Generic;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// The last checkpoint emitted per group and target-side partition (MM2's CheckpointStore, Kafka 3.7.1+): restored
    /// from the checkpoints topic at start, so that checkpoints stay monotonic across restarts and sync.group.offsets
    /// has something to write before the first new checkpoint. Used by one thread.
    /// </summary>
    internal sealed class CheckpointStore
    {
        private readonly Dictionary<string, Dictionary<TopicPartitionRef, Checkpoint>> _perGroup = new Dictionary<string, Dictionary<TopicPartitionRef, Checkpoint>>(StringComparer.Ordinal);

        /// <summary>
        /// Reads partition 0 of the checkpoints topic to its end; false when it could not be read, which (as in MM2)
        /// makes the offset-sync history start from the latest sync per partition only.
        /// </summary>
        public bool Restore(ClusterConnection target, string topic, TimeSpan timeout, CancellationToken stop, Action<string> log)
        {
            var restored = new Dictionary<string, Dictionary<TopicPartitionRef, Checkpoint>>(StringComparer.Ordinal);
            var skipped = 0;
            try
            {
                InternalTopicReader.ReadToEnd(target, topic, "It is created by the mirror at start.", new InternalTopicReadOptions { Timeout = timeout }, stop, record =>
                {
                    if (record.HasNullKeyOrValue)
                    {
                        return;
                    }

                    try
                    {
                        Add(restored, CheckpointCodec.Decode(record));
                    }
                    catch (Mm2RecordFormatException)
                    {
                        skipped++;
                    }
                });
            }
            catch (Exception e) when (e is Mm2TopicReadException || e is Mm2ReadTimeoutException || e is Mm2TopicNotFoundException)
            {
                log($"the checkpoints in '{topic}' on '{target.Alias}' could not be read ({e.Message}); only syncs read from now on translate, as in MM2.");
                return false;
            }

            foreach (var kv in restored)
            {
                _perGroup[kv.Key] = kv.Value;
            }

            if (skipped > 0)
            {
                log($"{skipped} unreadable record(s) in '{topic}' were skipped.");
            }

            return true;
        }

        public IReadOnlyDictionary<TopicPartitionRef, Checkpoint>? Get(string group) => _perGroup.TryGetValue(group, out var checkpoints) ? checkpoints : null;

        public void Update(string group, IEnumerable<Checkpoint> checkpoints)
        {
            foreach (var checkpoint in checkpoints)
            {
                Add(_perGroup, checkpoint);
            }
        }

        /// <summary>The groups with checkpoints, for sync.group.offsets (computeConvertedUpstreamOffset).</summary>
        public IEnumerable<string> Groups => _perGroup.Keys;

        /// <summary>
        /// MirrorCheckpointTask.checkpointIsMoreRecent: the first checkpoint of a partition, one after the group rewound
        /// upstream, or one whose downstream offset advanced. Anything else would repeat or move DR backwards.
        /// </summary>
        public bool IsMoreRecent(Checkpoint checkpoint)
        {
            if (!_perGroup.TryGetValue(checkpoint.ConsumerGroupId, out var checkpoints)
                || !checkpoints.TryGetValue(new TopicPartitionRef(checkpoint.Topic, checkpoint.Partition), out var last))
            {
                return true;
            }

            return checkpoint.UpstreamOffset < last.UpstreamOffset || checkpoint.DownstreamOffset > last.DownstreamOffset;
        }

        private static void Add(Dictionary<string, Dictionary<TopicPartitionRef, Checkpoint>> map, Checkpoint checkpoint)
        {
            if (!map.TryGetValue(checkpoint.ConsumerGroupId, out var checkpoints))
            {
                checkpoints = new Dictionary<TopicPartitionRef, Checkpoint>();
                map.Add(checkpoint.ConsumerGroupId, checkpoints);
            }

            checkpoints[new TopicPartitionRef(checkpoint.Topic, checkpoint.Partition)] = checkpoint;
        }
    }
}

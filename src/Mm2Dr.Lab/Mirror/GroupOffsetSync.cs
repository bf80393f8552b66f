using System;
using System.Collections.Generic;
using System.Linq;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Groups;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// sync.group.offsets.enabled (MirrorCheckpointTask.refreshIdleConsumerGroupOffset + syncGroupOffset): writes the
    /// latest checkpoints into the target's consumer groups, but only into groups with no active member, and for a group
    /// that exists only forward: a partition whose target offset is at or past the checkpoint is left alone.
    /// </summary>
    /// <remarks>
    /// MM2 reads the target groups' state on one timer and writes on another, so a group that became active in between
    /// is refused by the broker. The lab reads the state right before it writes, and leaves active groups alone.
    /// </remarks>
    internal static class GroupOffsetSync
    {
        /// <summary>Returns the number of partition offsets written; <paramref name="note"/> hears about groups left alone.</summary>
        public static int Run(KafkaAdmin targetAdmin, ReplicationPolicy policy, IEnumerable<KeyValuePair<string, IReadOnlyDictionary<TopicPartitionRef, Checkpoint>>> converted, Action<string> note)
        {
            var catalog = new ConsumerGroupCatalog(targetAdmin, new Core.Topics.TopicCatalog(targetAdmin, policy));
            var states = catalog.List().ToDictionary(g => g.Group, g => g, StringComparer.Ordinal);
            var written = 0;
            foreach (var group in converted)
            {
                var wanted = group.Value.ToDictionary(kv => kv.Key, kv => kv.Value.DownstreamOffset);
                if (states.TryGetValue(group.Key, out var state))
                {
                    if (!string.Equals(state.State, "Empty", StringComparison.OrdinalIgnoreCase) && !string.Equals(state.State, "Dead", StringComparison.OrdinalIgnoreCase))
                    {
                        note($"group '{group.Key}' is {state.State} on '{targetAdmin.Cluster.Alias}' with {state.Members ?? 0} member(s); its offsets are not synced while consumers use it (as MM2).");
                        continue;
                    }

                    // An idle group: only partitions it has no offset for, or an offset behind the checkpoint.
                    var current = catalog.CommittedOffsets(group.Key, null);
                    wanted = wanted.Where(kv => !current.TryGetValue(kv.Key, out var offset) || offset < kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value);
                }

                if (wanted.Count == 0)
                {
                    continue;
                }

                Write(targetAdmin, group.Key, wanted);
                written += wanted.Count;
            }

            return written;
        }

        private static void Write(KafkaAdmin admin, string group, IReadOnlyDictionary<TopicPartitionRef, long> offsets)
        {
            var request = new ConsumerGroupTopicPartitionOffsets(group, offsets.Select(kv => new TopicPartitionOffset(kv.Key.Topic, kv.Key.Partition, kv.Value)).ToList());
            var options = new AlterConsumerGroupOffsetsOptions { RequestTimeout = admin.Timeout };
            try
            {
                admin.Call(() => admin.Client.AlterConsumerGroupOffsetsAsync(new[] { request }, options), $"Syncing the offsets of group '{group}'", group);
            }
            catch (AlterConsumerGroupOffsetsException ex)
            {
                var failed = ex.Results.SelectMany(r => r.Partitions).FirstOrDefault(p => p.Error.Code != ErrorCode.NoError);
                throw KafkaErrorTranslator.Translate(admin.Cluster, failed?.Error ?? ex.Error, $"Syncing the offsets of group '{group}'", group, admin.Diagnostics, ex);
            }
        }
    }
}

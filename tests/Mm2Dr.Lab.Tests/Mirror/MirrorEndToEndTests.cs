using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Confluent.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    public class MirrorEndToEndTests
    {
        [Fact]
        public void Records_arrive_on_DR_with_the_same_partition_key_value_headers_timestamp_and_order()
        {
            using var lab = new DrLabHarness();
            lab.Replicate(3, 600);

            var primary = DrLabHarness.ReadAll(lab.Primary, DrLabHarness.Topic);
            var dr = DrLabHarness.ReadAll(lab.Dr, DrLabHarness.RemoteTopic);
            Assert.Equal(3, dr.Count);
            foreach (var partition in primary.Keys)
            {
                Assert.Equal(200, dr[partition].Count);
                for (var i = 0; i < primary[partition].Count; i++)
                {
                    var a = primary[partition][i].Message;
                    var b = dr[partition][i].Message;
                    Assert.Equal(a.Key, b.Key);
                    Assert.Equal(a.Value, b.Value);
                    Assert.Equal(a.Timestamp.UnixTimestampMs, b.Timestamp.UnixTimestampMs);
                    Assert.Equal(TimestampType.CreateTime, b.Timestamp.Type);
                    Assert.Equal(a.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))), b.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
                }
            }
        }

        [Fact]
        public void Checkpoints_follow_MMs_rules_for_offset_syncs_and_the_plus_one_translation()
        {
            using var lab = new DrLabHarness();
            lab.Replicate(1, 40);

            // offset.lag.max = 10 and no Connect commit within the test: syncs go out at the first record (0->0), then when
            // downstream - (last sync + 1) >= 10: 11->11, 22->22, 33->33. The delayed 39->39 waits for a commit.
            Eventually.True(() => ReadSyncs(lab).Count >= 4, "four offset syncs");
            Assert.Equal(new[] { (0L, 0L), (11L, 11L), (22L, 22L), (33L, 33L) }, ReadSyncs(lab).Select(s => (s.UpstreamOffset, s.DownstreamOffset)));

            // Translation: the newest sync MM2 still keeps at or below the committed offset, +1 unless exactly on it.
            // MM2 keeps a sparse history (64 slots, exponentially spaced; OffsetSyncStore invariants B and C). Worked through:
            //   after 0:  [0 x64]
            //   after 11: slots 0-4 = 11 (slot j may be at most 2^j - 2^(j-1) above slot j+1), slots 5-63 = 0
            //   after 22: slots 0-4 = 22, slot 5 = 11, slots 6-63 = 0
            //   after 33: slots 0-4 = 33, slot 5 = 22 (recent enough for slot 5), and 11 cannot take slot 6: it must be
            //             at least 2^(6-2) = 16 above slot 7's 0 (invariant C). So 11->11 is forgotten; 0, 22, 33 remain.
            var expected = new Dictionary<string, (long Upstream, long Downstream)>
            {
                ["g-start"] = (0, 0),     // exactly on 0->0
                ["g-five"] = (5, 1),      // 0->0, +1
                ["g-eleven"] = (11, 1),   // 11->11 was emitted but is no longer kept: 0->0, +1
                ["g-twentytwo"] = (22, 22), // exactly on 22->22
                ["g-thirty"] = (30, 23),  // 22->22, +1: records 23..29 are read again after a failover
                ["g-end"] = (40, 34),     // 33->33, +1: 39->39 was delayed and never sent
            };
            foreach (var group in expected)
            {
                lab.Commit(group.Key, DrLabHarness.Topic, 0, group.Value.Upstream);
            }

            lab.Commit("other-group", DrLabHarness.Topic, 0, 7); // not in primary->dr.groups: never checkpointed
            Eventually.True(() => ReadCheckpoints(lab).Select(c => c.ConsumerGroupId).Distinct().Count() >= expected.Count, "a checkpoint per group");
            var checkpoints = ReadCheckpoints(lab).GroupBy(c => c.ConsumerGroupId).ToDictionary(g => g.Key, g => g.Last());
            Assert.Equal(expected.Keys.OrderBy(k => k), checkpoints.Keys.OrderBy(k => k));
            foreach (var group in expected)
            {
                var checkpoint = checkpoints[group.Key];
                Assert.Equal((DrLabHarness.RemoteTopic, 0, group.Value.Upstream, group.Value.Downstream, ""),
                    (checkpoint.Topic, checkpoint.Partition, checkpoint.UpstreamOffset, checkpoint.DownstreamOffset, checkpoint.Metadata));
            }

            // A repeated round does not repeat a checkpoint (checkpointIsMoreRecent).
            var before = ReadCheckpoints(lab).Count;
            var rounds = lab.Lab.Mirror.Status().CheckpointsWritten;
            Eventually.True(() => DrLabHarness.EndOffset(lab.Dr, "heartbeats", 0) >= 3, "a few more seconds of rounds");
            Assert.Equal(before, ReadCheckpoints(lab).Count);
            Assert.Equal(rounds, lab.Lab.Mirror.Status().CheckpointsWritten);
        }

        [Fact]
        public void Delayed_offset_syncs_are_promoted_at_each_commit_so_an_idle_partition_translates_exactly()
        {
            using var lab = new DrLabHarness(new Dictionary<string, string> { ["dr.offset.flush.interval.ms"] = "500" });
            lab.Replicate(1, 40);

            // 0, 11, 22, 33 at once, then 39->39 (the last record) at the next commit.
            Eventually.True(() => ReadSyncs(lab).Any(s => s.UpstreamOffset == 39), "the delayed sync of the last record");
            Assert.Equal(new[] { 0L, 11, 22, 33, 39 }, ReadSyncs(lab).Select(s => s.UpstreamOffset).Distinct());

            lab.Commit("g-caught-up", DrLabHarness.Topic, 0, 40);  // 39->39, +1 = 40: nothing read twice
            lab.Commit("g-behind", DrLabHarness.Topic, 0, 39);     // exactly on 39->39
            Eventually.True(() => ReadCheckpoints(lab).Select(c => c.ConsumerGroupId).Distinct().Count() == 2, "two checkpoints");
            var checkpoints = ReadCheckpoints(lab).ToDictionary(c => c.ConsumerGroupId);
            Assert.Equal(40, checkpoints["g-caught-up"].DownstreamOffset);
            Assert.Equal(39, checkpoints["g-behind"].DownstreamOffset);
        }

        [Fact]
        public void Heartbeats_are_fresh_both_ways_and_the_primarys_are_replicated_as_primary_heartbeats()
        {
            using var lab = new DrLabHarness();
            Eventually.True(() => DrLabHarness.EndOffset(lab.Dr, "primary.heartbeats", 0) >= 2, "primary.heartbeats on DR");

            var now = DateTimeOffset.UtcNow;
            var onDr = DrLabHarness.ReadAll(lab.Dr, "heartbeats")[0].Select(r => HeartbeatCodec.Decode(r.Message.Key, r.Message.Value)).ToList();
            var onPrimary = DrLabHarness.ReadAll(lab.Primary, "heartbeats")[0].Select(r => HeartbeatCodec.Decode(r.Message.Key, r.Message.Value)).ToList();
            var replicated = DrLabHarness.ReadAll(lab.Dr, "primary.heartbeats")[0].Select(r => HeartbeatCodec.Decode(r.Message.Key, r.Message.Value)).ToList();
            Assert.All(onDr, h => Assert.Equal(("primary", "dr"), (h.SourceClusterAlias, h.TargetClusterAlias)));
            Assert.All(onPrimary, h => Assert.Equal(("dr", "primary"), (h.SourceClusterAlias, h.TargetClusterAlias)));
            Assert.All(replicated, h => Assert.Equal(("dr", "primary"), (h.SourceClusterAlias, h.TargetClusterAlias)));
            Assert.InRange(now - onDr.Last().Timestamp!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            Assert.InRange(now - replicated.Last().Timestamp!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(5));

            // Replicated heartbeats are the primary's own records, in order.
            Assert.Equal(onPrimary.Take(replicated.Count).Select(h => h.TimestampMs), replicated.Select(h => h.TimestampMs));
        }

        /// <summary>The offset syncs of test-topic (the replicated heartbeats have syncs too).</summary>
        internal static List<OffsetSync> ReadSyncs(DrLabHarness lab)
            => DrLabHarness.EndOffset(lab.Primary, "mm2-offset-syncs.dr.internal", 0) <= 0 ? new List<OffsetSync>()
                : DrLabHarness.ReadAll(lab.Primary, "mm2-offset-syncs.dr.internal")[0].Select(r => OffsetSyncCodec.Decode(r.Message.Key, r.Message.Value))
                    .Where(s => s.Topic == DrLabHarness.Topic).ToList();

        internal static List<Checkpoint> ReadCheckpoints(DrLabHarness lab)
            => DrLabHarness.EndOffset(lab.Dr, "primary.checkpoints.internal", 0) <= 0 ? new List<Checkpoint>()
                : DrLabHarness.ReadAll(lab.Dr, "primary.checkpoints.internal")[0].Select(r => CheckpointCodec.Decode(r.Message.Key, r.Message.Value)).ToList();
    }
}

using System;
using System.Linq;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    /// <summary>The decode-only checkpoint path: MirrorClient.remoteConsumerOffsets semantics over in-memory records.</summary>
    public class CheckpointAccumulatorTests
    {
        private const string Topic = "primary.checkpoints.internal";
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        private static RawRecord Record(long offset, Checkpoint c)
            => new RawRecord(CheckpointCodec.EncodeKey(c), CheckpointCodec.EncodeValue(c), new RecordLocation(Topic, 0, offset), T0.AddSeconds(offset), Confluent.Kafka.TimestampType.CreateTime);

        private static RawRecord Raw(long offset, byte[]? key, byte[]? value) => new RawRecord(key, value, new RecordLocation(Topic, 0, offset));

        private static CheckpointSnapshot Accumulate(GroupSelector? groups, params RawRecord[] records)
        {
            var accumulator = new CheckpointAccumulator(groups);
            accumulator.AddRange(records);
            return accumulator.Complete();
        }

        [Fact]
        public void The_last_checkpoint_per_group_topic_partition_wins()
        {
            var snapshot = Accumulate(null,
                Record(0, new Checkpoint("g1", "primary.orders", 0, 10, 9, "")),
                Record(1, new Checkpoint("g1", "primary.orders", 1, 20, 19, "")),
                Record(2, new Checkpoint("g1", "primary.orders", 0, 30, 28, "m")),
                Record(3, new Checkpoint("g2", "primary.orders", 0, 5, 4, "")));

            Assert.Equal(3, snapshot.Count);
            Assert.Equal(4, snapshot.SelectedRecords);
            var g1p0 = snapshot.Find("g1", "primary.orders", 0)!;
            Assert.Equal(28, g1p0.Checkpoint.DownstreamOffset);
            Assert.Equal(2, g1p0.RecordOffset);
            Assert.Equal(T0.AddSeconds(2), g1p0.Timestamp);
            Assert.Equal(new[] { "g1", "g2" }, snapshot.GroupIds);
        }

        [Fact]
        public void Translation_returns_downstream_offsets_and_metadata_like_MirrorClient()
        {
            var snapshot = Accumulate(null,
                Record(0, new Checkpoint("g1", "primary.orders", 1, 20, 19, "meta-1")),
                Record(1, new Checkpoint("g1", "primary.orders", 0, 10, 9, "")),
                Record(2, new Checkpoint("g1", "primary.audit", 0, 7, 7, "")));

            var offsets = snapshot.TranslateOffsets("g1");
            Assert.Equal(new[] { "primary.audit-0:7", "primary.orders-0:9", "primary.orders-1:19" }, offsets.Select(o => $"{o.Topic}-{o.Partition}:{o.Offset}"));
            Assert.Equal("meta-1", offsets[2].Metadata);
            Assert.Equal(20, offsets[2].UpstreamOffset);
            Assert.Equal(new Confluent.Kafka.TopicPartitionOffset("primary.orders", 1, 19), offsets[2].ToTopicPartitionOffset());
        }

        [Fact]
        public void All_groups_translate_from_one_pass()
        {
            var snapshot = Accumulate(null,
                Record(0, new Checkpoint("a", "primary.t", 0, 1, 1, "")),
                Record(1, new Checkpoint("b", "primary.t", 0, 2, 2, "")),
                Record(2, new Checkpoint("c", "primary.t", 0, 3, 3, "")));

            var all = snapshot.TranslateAllGroups();
            Assert.Equal(new[] { "a", "b", "c" }, all.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(3, all["c"].Single().Offset);
        }

        [Fact]
        public void Group_ids_match_exactly_and_case_sensitively()
        {
            var snapshot = Accumulate(GroupSelector.Exact("orders"),
                Record(0, new Checkpoint("orders", "primary.t", 0, 1, 1, "")),
                Record(1, new Checkpoint("Orders", "primary.t", 0, 2, 2, "")),
                Record(2, new Checkpoint("orders-2", "primary.t", 0, 3, 3, "")));

            Assert.Equal(new[] { "orders" }, snapshot.GroupIds);
            Assert.Equal(1, snapshot.SelectedRecords);
            Assert.Equal(3, snapshot.Decode.Decoded);
            Assert.Empty(snapshot.TranslateOffsets("Orders"));
        }

        [Fact]
        public void Wildcard_and_regex_selectors_pick_groups()
        {
            var records = new[]
            {
                Record(0, new Checkpoint("orders-eu", "primary.t", 0, 1, 1, "")),
                Record(1, new Checkpoint("orders-us", "primary.t", 0, 2, 2, "")),
                Record(2, new Checkpoint("billing", "primary.t", 0, 3, 3, "")),
                Record(3, new Checkpoint("orders.x", "primary.t", 0, 3, 3, "")),
            };

            Assert.Equal(new[] { "orders-eu", "orders-us" }, Accumulate(GroupSelector.Wildcard("orders-*"), records).GroupIds);
            Assert.Equal(new[] { "orders-eu" }, Accumulate(GroupSelector.Wildcard("orders-?u"), records).GroupIds.Where(g => g.EndsWith("eu")).ToArray());
            Assert.Equal(new[] { "billing", "orders.x" }, Accumulate(GroupSelector.Pattern("billing|orders\\.x"), records).GroupIds);
        }

        [Fact]
        public void Corrupt_null_and_uncommittable_records_are_skipped_and_counted()
        {
            var snapshot = Accumulate(null,
                Record(0, new Checkpoint("g", "primary.t", 0, 10, 9, "")),
                Raw(1, new byte[] { 0xff, 0xff }, new byte[20]),
                Raw(2, CheckpointCodec.EncodeKey(new Checkpoint("g", "primary.t", 0, 0, 0, "")), null),
                Record(3, new Checkpoint("g", "primary.t", 0, 12, -1, "")),
                Raw(4, new byte[] { 1, 2, 3 }, new byte[] { 4 }),
                Record(5, new Checkpoint("g", "primary.t", 1, 4, 4, "")));

            Assert.Equal(6, snapshot.Decode.RecordsSeen);
            Assert.Equal(3, snapshot.Decode.CorruptSkipped);
            Assert.Equal(1, snapshot.Decode.NullKeyOrValueSkipped);
            Assert.Equal(new long?[] { 1, 3, 4 }, snapshot.Decode.FirstErrors.Select(e => e.Offset));
            Assert.Contains("downstream offset -1 is negative", snapshot.Decode.FirstErrors[1].Message);
            // The uncommittable record does not replace the previous good checkpoint.
            Assert.Equal(9, snapshot.Find("g", "primary.t", 0)!.Checkpoint.DownstreamOffset);
            Assert.Equal(2, snapshot.Count);
        }

        [Fact]
        public void An_empty_topic_is_an_empty_result()
        {
            var snapshot = Accumulate(null);
            Assert.Equal(0, snapshot.Count);
            Assert.Empty(snapshot.GroupIds);
            Assert.Empty(snapshot.TranslateAllGroups());
            Assert.Empty(snapshot.TranslateOffsets("any"));
            Assert.Equal(0, snapshot.Decode.RecordsSeen);
        }

        [Fact]
        public void Repeated_names_are_stored_once()
        {
            var snapshot = Accumulate(null,
                Record(0, new Checkpoint("g", "primary.t", 0, 1, 1, "")),
                Record(1, new Checkpoint("g", "primary.t", 1, 1, 1, "")));
            var a = snapshot.Find("g", "primary.t", 0)!.Checkpoint;
            var b = snapshot.Find("g", "primary.t", 1)!.Checkpoint;
            Assert.Same(a.Topic, b.Topic);
            Assert.Same(a.ConsumerGroupId, b.ConsumerGroupId);
        }

        [Fact]
        public void A_completed_accumulator_takes_no_more_records()
        {
            var accumulator = new CheckpointAccumulator();
            accumulator.Complete();
            Assert.Throws<InvalidOperationException>(() => accumulator.Add(Record(0, new Checkpoint("g", "t", 0, 1, 1, ""))));
            Assert.Throws<InvalidOperationException>(() => accumulator.Complete());
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Lab.Mirror;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>
    /// Faults in the middle of a stream of records: each check counts records by their id and compares every DR
    /// partition with its primary partition, record by record.
    /// </summary>
    public class MirrorFaultTests
    {
        private const int Partitions = 3;
        private const int Count = 20000;
        private const int PerSecond = 5000;

        [Fact]
        public void The_primary_down_and_up_mid_stream_loses_and_reorders_nothing()
            => OutageMidStream(lab => lab.Lab.Primary, (lab, producer) => { });

        [Fact]
        public void DR_down_and_up_mid_stream_loses_and_reorders_nothing()
            => OutageMidStream(lab => lab.Lab.Dr, (lab, producer) =>
            {
                var producedWhileDown = producer.Produced;
                Eventually.True(() => producer.Produced >= Math.Min(Count, producedWhileDown + 2000), "records piling up on the primary while DR is down");
            });

        /// <summary>
        /// A steady stream to the primary; once part of it is on DR, one cluster goes down until the mirror has noticed
        /// (and <paramref name="whileDown"/> is done), then comes back; at the end DR must equal the primary exactly.
        /// </summary>
        private static void OutageMidStream(Func<DrLabHarness, LabBroker> cluster, Action<DrLabHarness, ContinuousProducer> whileDown)
        {
            using var lab = new DrLabHarness();
            lab.CreateTopic(lab.Primary, DrLabHarness.Topic, Partitions);
            using var producer = new ContinuousProducer(lab.Primary, DrLabHarness.Topic, Partitions, Count, PerSecond);
            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, 2000);

            var down = DateTimeOffset.UtcNow;
            cluster(lab).TakeDown();
            Eventually.True(() => lab.Lab.Mirror.Status().LastErrorAt > down, "the mirror noticing the outage");
            Assert.True(TotalOnDr(lab) < Count, "the outage must land in the middle of the stream");
            whileDown(lab, producer);
            cluster(lab).BringUp();

            producer.Complete(TimeSpan.FromSeconds(60));
            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, Count);
            AssertMirroredExactly(lab, Count);
        }

        [Fact]
        public void A_mirror_stopped_mid_stream_resumes_from_its_stored_position_without_copying_again()
        {
            using var lab = new DrLabHarness();
            lab.CreateTopic(lab.Primary, DrLabHarness.Topic, Partitions);
            using var producer = new ContinuousProducer(lab.Primary, DrLabHarness.Topic, Partitions, Count, PerSecond);
            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, 3000);

            lab.Lab.Mirror.Dispose();
            var copied = TotalOnDr(lab);
            Assert.True(copied < Count, "the stop must land in the middle of the stream");
            Assert.Equal(MirrorState.Stopped, lab.Lab.Mirror.State);

            using var again = LabMirror.Start(new LabMirrorOptions
            {
                Config = Mm2Config.Load(lab.ConfigPath),
                Clusters = new[] { lab.Lab.Environment.Primary, lab.Lab.Environment.Dr },
                Log = lab.Log.Add,
            });
            producer.Complete(TimeSpan.FromSeconds(60));
            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, Count);
            AssertMirroredExactly(lab, Count);
            // The positions came from the worker's offset topic on DR (a partition with nothing copied yet has none, and
            // starts from the beginning, which copies nothing twice either).
            Assert.Contains(lab.Log.Lines, l => l.Contains("from the positions in 'mm2-offsets.primary.internal' on 'dr': ") && l.Contains("test-topic["));
        }

        [Fact]
        public void The_position_survives_a_restart_of_a_lab_with_a_data_folder()
        {
            using var lab = new DrLabHarness(persistent: true);
            lab.CreateTopic(lab.Primary, DrLabHarness.Topic, Partitions);

            // Ten rounds of 100 records per partition, each replicated and synced before the next, so that partition 0's
            // offset syncs span its history (a single burst may coalesce them all into the last one, as in MM2).
            for (var round = 0; round < 10; round++)
            {
                lab.Produce(DrLabHarness.Topic, Partitions, round * 300, 300);
                var last = (round * 100) + 99;
                Eventually.True(() => MirrorEndToEndTests.ReadSyncs(lab).Any(s => s.Partition == 0 && s.UpstreamOffset >= last - 10), $"partition 0 synced up to {last - 10}");
            }

            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, 3000);

            // 1000 records in partition 0, syncs every 11 (offset.lag.max = 10): the newest, 990->990, is always kept, so
            // the group at 1000 translates to 991. Earlier rounds may have used an older sync; wait for the final one.
            lab.Commit("g-restart", DrLabHarness.Topic, 0, 1000);
            Eventually.True(() => MirrorEndToEndTests.ReadCheckpoints(lab).Any(c => c.ConsumerGroupId == "g-restart" && c.DownstreamOffset == 991), "the checkpoint 1000 -> 991");

            lab.RestartLab();

            // Stopping ran Connect's final commit, which promoted the delayed sync of the last record (999->999): 1000 now
            // translates exactly. The restored checkpoints keep 1000->991 from being emitted again.
            Eventually.True(() => MirrorEndToEndTests.ReadCheckpoints(lab).Any(c => c.ConsumerGroupId == "g-restart" && c.DownstreamOffset == 1000), "the checkpoint 1000 -> 1000");
            Assert.Single(MirrorEndToEndTests.ReadCheckpoints(lab), c => c.ConsumerGroupId == "g-restart" && c.DownstreamOffset == 991);

            // The offset-sync history was rebuilt in full (MM2 3.7.1+, because the checkpoints could be read), so a group far
            // behind the latest sync is still translated; a 3.7.0-style start keeps only the latest sync and gives none.
            // Which syncs were written depends on timing (at most 10 in flight; the rest coalesce per partition, as in MM2),
            // so the group goes just past the oldest sync MM2 keeps, and MM2's own OffsetSyncStore is the oracle.
            var syncs = new OffsetSyncStore(initializationMustReadToEnd: false);
            foreach (var sync in MirrorEndToEndTests.ReadSyncs(lab))
            {
                syncs.Apply(sync);
            }

            syncs.MarkReadToEnd();
            var oldest = syncs.RetainedSyncsFor(DrLabHarness.Topic, 0).Last();
            Assert.True(oldest.UpstreamOffset < 990, $"an older sync than 990 must be kept; kept: {string.Join(", ", syncs.RetainedSyncsFor(DrLabHarness.Topic, 0))}");
            var expected = syncs.TranslateDownstream(DrLabHarness.Topic, 0, oldest.UpstreamOffset + 1);
            Assert.Equal(oldest.DownstreamOffset + 1, expected);
            lab.Commit("g-lagging", DrLabHarness.Topic, 0, oldest.UpstreamOffset + 1);
            Eventually.True(() => MirrorEndToEndTests.ReadCheckpoints(lab).Any(c => c.ConsumerGroupId == "g-lagging"), "a checkpoint for a group far behind");
            Assert.Equal(expected, MirrorEndToEndTests.ReadCheckpoints(lab).Single(c => c.ConsumerGroupId == "g-lagging").DownstreamOffset);

            // And records go on from the stored position: nothing copied twice.
            lab.Produce(DrLabHarness.Topic, Partitions, 3000, 3000);
            lab.WaitForRecords(DrLabHarness.RemoteTopic, Partitions, 6000);
            AssertMirroredExactly(lab, 6000);
        }

        private static long TotalOnDr(DrLabHarness lab) => Enumerable.Range(0, Partitions).Sum(p => Math.Max(0, DrLabHarness.EndOffset(lab.Dr, DrLabHarness.RemoteTopic, p)));

        /// <summary>Every DR partition holds exactly its primary partition's records in the same order, and the ids are 0..n-1 once each.</summary>
        internal static void AssertMirroredExactly(DrLabHarness lab, int count)
        {
            var primary = DrLabHarness.ReadAll(lab.Primary, DrLabHarness.Topic);
            var dr = DrLabHarness.ReadAll(lab.Dr, DrLabHarness.RemoteTopic);
            foreach (var partition in primary.Keys)
            {
                var expected = primary[partition].Select(r => Encoding.UTF8.GetString(r.Message.Value)).ToList();
                var actual = dr[partition].Select(r => Encoding.UTF8.GetString(r.Message.Value)).ToList();
                var firstDifference = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i]);
                Assert.True(expected.SequenceEqual(actual),
                    $"Partition {partition}: primary has {expected.Count} records, DR {actual.Count}; first difference at {firstDifference}.");
            }

            var ids = dr.Values.SelectMany(records => records).Select(r => int.Parse(Encoding.UTF8.GetString(r.Message.Value).Substring(3))).OrderBy(i => i).ToList();
            Assert.Equal(Enumerable.Range(0, count), ids);
        }
    }
}

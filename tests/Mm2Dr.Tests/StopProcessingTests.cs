using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Groups;
using Xunit;

namespace Mm2Dr.Tests
{
    public class StopProcessingTests : IClassFixture<MockClusterSession>
    {
        private readonly MockClusterSession _s;

        public StopProcessingTests(MockClusterSession session) => _s = session;

        [Fact]
        public void Ctrl_c_on_a_following_group_read_commits_exactly_what_was_written_out()
        {
            var topic = _s.NewTopic();
            var vars = new Dictionary<string, object?> { ["topic"] = topic };
            _s.Shell.Run("1..300 | Start-KafkaProducer -Topic $topic", vars).ThrowOnError();
            using var running = _s.Shell.Start("Read-KafkaTopic -Topic $topic -Group ctrl-c-group -Partition 0 -Follow", vars);
            Assert.True(running.WaitUntil(() => running.Output.Count >= 300, TimeSpan.FromSeconds(30)), "the read did not deliver the messages");
            var clock = Stopwatch.StartNew();
            running.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
            var written = running.Output.Count;
            var detail = (KafkaConsumerGroupDetail)_s.Shell.Run("Get-KafkaConsumerGroup -Name ctrl-c-group -Topic $topic -WarningAction SilentlyContinue", vars).ThrowOnError().Output.Single().BaseObject;
            Assert.Equal(written, detail.Offsets.Single().CommittedOffset);
            Assert.Equal(300, written);
        }

        [Fact]
        public void Ctrl_c_on_a_running_generator_stops_it_promptly()
        {
            var topic = _s.NewTopic();
            var vars = new Dictionary<string, object?> { ["topic"] = topic };
            // The runspace is busy with the producer, so the check goes through the core, as another client would.
            long Stored()
            {
                var cluster = new Core.Environment.ClusterConnection("check", _s.Mock.BootstrapServers, Core.Environment.ClusterRole.Other);
                using var admin = new Core.Kafka.KafkaAdmin(cluster, TimeSpan.FromSeconds(10), System.Threading.CancellationToken.None);
                return new Core.Topics.TopicCatalog(admin, Core.Mm2.ReplicationPolicy.Default()).Get(topic).Messages;
            }

            using var running = _s.Shell.Start("Start-KafkaProducer -Topic $topic -Duration 60 -Rate 200", vars);
            Assert.True(running.WaitUntil(() => Stored() >= 20, TimeSpan.FromSeconds(20)), "the generator did not start producing");
            var clock = Stopwatch.StartNew();
            running.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
            Assert.True(running.IsCompleted);
            var afterStop = Stored();
            Assert.InRange(afterStop, 20, 60 * 200 - 1);
            Assert.False(running.WaitUntil(() => Stored() > afterStop, TimeSpan.FromMilliseconds(500)), "messages kept arriving after the stop");
        }
    }
}

using System;
using Confluent.Kafka;
using Mm2Dr.Core.Embedded;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Xunit;
using static Mm2Dr.TestSupport.MockTopicWriter;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class HeartbeatReaderIntegrationTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Reads_local_and_replicated_heartbeats_from_the_DR_cluster()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic("heartbeats", 1);
            dr.CreateTopic("primary.heartbeats", 1);
            Write(dr, "heartbeats", new[] { Bytes(new Heartbeat("primary", "dr", T0.ToUnixTimeMilliseconds())), Bytes(new Heartbeat("primary", "dr", T0.AddSeconds(1).ToUnixTimeMilliseconds())) }, T0.AddSeconds(1));
            // The replica record is stamped 1.5 s after the heartbeat was emitted upstream.
            Write(dr, "primary.heartbeats", new[] { Bytes(new Heartbeat("dr", "primary", T0.ToUnixTimeMilliseconds())) }, T0.AddMilliseconds(1500));

            var reader = new HeartbeatReader(Connection(dr, "dr", ClusterRole.DR), ReplicationPolicy.Default());
            Assert.Equal(new[] { "heartbeats", "primary.heartbeats" }, reader.TopicsFor("primary"));
            var options = new InternalTopicReadOptions { Clock = new ManualClock(T0.AddSeconds(4)) };

            var local = reader.Read("heartbeats", options);
            var replicated = reader.Read("primary.heartbeats", options);

            var beat = Assert.Single(local.Heartbeats);
            Assert.Equal(("primary", "dr"), (beat.SourceClusterAlias, beat.TargetClusterAlias));
            Assert.Equal(T0.AddSeconds(1), beat.HeartbeatTimestamp);
            Assert.Equal(TimeSpan.FromSeconds(3), beat.Age);
            Assert.Equal(2, beat.HeartbeatsSeen);
            Assert.Equal(2, local.Read!.RecordsRead);

            var replica = Assert.Single(replicated.Heartbeats);
            Assert.Equal(("dr", "primary"), (replica.SourceClusterAlias, replica.TargetClusterAlias));
            Assert.Equal(T0.AddMilliseconds(1500), replica.RecordTimestamp);
            Assert.Equal(TimestampType.CreateTime, replica.RecordTimestampType);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), replica.ReplicationLatency);
            Assert.Equal(TimeSpan.FromSeconds(4), replica.Age);
        }

        [Fact]
        public void A_missing_replicated_heartbeats_topic_explains_when_it_appears()
        {
            using var dr = RdKafkaMockCluster.Start();
            dr.CreateTopic("heartbeats", 1);
            var reader = new HeartbeatReader(Connection(dr, "dr", ClusterRole.DR), ReplicationPolicy.Default());
            var e = Assert.Throws<Mm2TopicNotFoundException>(() => reader.Read("primary.heartbeats"));
            Assert.Contains("flow from 'primary'", e.Message);
        }
    }
}

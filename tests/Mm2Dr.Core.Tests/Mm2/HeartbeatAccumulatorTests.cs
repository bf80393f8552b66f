using System;
using Confluent.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;
using Xunit;

namespace Mm2Dr.Core.Tests.Mm2
{
    public class HeartbeatAccumulatorTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        private static RawRecord Beat(long offset, string source, string target, DateTimeOffset emitted, DateTimeOffset recordTime, TimestampType type = TimestampType.LogAppendTime)
        {
            var h = new Heartbeat(source, target, emitted.ToUnixTimeMilliseconds());
            return new RawRecord(HeartbeatCodec.EncodeKey(h), HeartbeatCodec.EncodeValue(h), new RecordLocation("primary.heartbeats", 0, offset), recordTime, type);
        }

        [Fact]
        public void Newest_heartbeat_per_key_with_latency_and_age()
        {
            var clock = new ManualClock(T0.AddSeconds(10));
            var snapshot = HeartbeatReader.FromRecords("primary.heartbeats", new[]
            {
                Beat(0, "dr", "primary", T0, T0.AddMilliseconds(300)),
                Beat(1, "dr", "primary", T0.AddSeconds(2), T0.AddSeconds(2).AddMilliseconds(450)),
                Beat(2, "x", "primary", T0.AddSeconds(1), T0.AddSeconds(1)),
            }, clock);

            Assert.Equal(2, snapshot.Heartbeats.Count);
            var dr = snapshot.Heartbeats[0];
            Assert.Equal("dr", dr.SourceClusterAlias);
            Assert.Equal("primary", dr.TargetClusterAlias);
            Assert.Equal(T0.AddSeconds(2), dr.HeartbeatTimestamp);
            Assert.Equal(TimeSpan.FromMilliseconds(450), dr.ReplicationLatency);
            Assert.True(dr.LatencyIsMeasured);
            Assert.Equal(TimeSpan.FromSeconds(8), dr.Age);
            Assert.Equal(1, dr.RecordOffset);
            Assert.Equal(2, dr.HeartbeatsSeen);
            Assert.Equal("x", snapshot.Heartbeats[1].SourceClusterAlias);
        }

        [Fact]
        public void An_out_of_order_older_heartbeat_does_not_replace_a_newer_one()
        {
            var snapshot = HeartbeatReader.FromRecords("heartbeats", new[]
            {
                Beat(0, "primary", "dr", T0.AddSeconds(5), T0.AddSeconds(5)),
                Beat(1, "primary", "dr", T0, T0.AddSeconds(6)),
            }, new ManualClock(T0.AddSeconds(5)));
            Assert.Equal(T0.AddSeconds(5), snapshot.Heartbeats[0].HeartbeatTimestamp);
            Assert.Equal(TimeSpan.Zero, snapshot.Heartbeats[0].Age);
        }

        [Fact]
        public void With_create_time_the_latency_is_not_a_measurement()
        {
            var snapshot = HeartbeatReader.FromRecords("primary.heartbeats", new[] { Beat(0, "dr", "primary", T0, T0, TimestampType.CreateTime) }, new ManualClock(T0));
            Assert.Equal(TimeSpan.Zero, snapshot.Heartbeats[0].ReplicationLatency);
            Assert.False(snapshot.Heartbeats[0].LatencyIsMeasured);
        }

        [Fact]
        public void Corrupt_heartbeats_are_counted()
        {
            var snapshot = HeartbeatReader.FromRecords("heartbeats", new[]
            {
                new RawRecord(new byte[] { 0, 1 }, new byte[10], new RecordLocation("heartbeats", 0, 0)),
                Beat(1, "primary", "dr", T0, T0),
            }, new ManualClock(T0));
            Assert.Equal(1, snapshot.Decode.CorruptSkipped);
            Assert.Single(snapshot.Heartbeats);
        }
    }
}

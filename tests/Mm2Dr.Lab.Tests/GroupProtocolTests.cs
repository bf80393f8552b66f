using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Mm2Dr.Lab.Protocol;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    /// <summary>The classic group protocol on the wire (k39 GroupCoordinator.scala, notes §4).</summary>
    public class GroupProtocolTests : BrokerTest
    {
        private static readonly byte[] Subscription = { 0, 0, 0, 0, 0, 1, 0, 1, (byte)'t', 0, 0, 0, 0 };

        private sealed class JoinAnswer
        {
            public short Error;
            public int Generation;
            public string Leader = "";
            public string MemberId = "";
            public int Members;
        }

        private static RequestBuilder Join(int correlationId, short version, string group, string memberId, int sessionTimeoutMs = 6000, int rebalanceTimeoutMs = 6000)
        {
            var request = new RequestBuilder(11, version, correlationId).String(group).Int32(sessionTimeoutMs);
            if (version >= 1)
            {
                request.Int32(rebalanceTimeoutMs);
            }

            request.String(memberId);
            if (version >= 5)
            {
                request.String(null);
            }

            return request.String("consumer").Int32(1).String("range").Bytes(Subscription);
        }

        private static JoinAnswer ReadJoin(KafkaReader reader, short version)
        {
            if (version >= 2)
            {
                reader.ReadInt32();
            }

            var answer = new JoinAnswer { Error = reader.ReadInt16(), Generation = reader.ReadInt32() };
            reader.ReadString();
            answer.Leader = reader.ReadString();
            answer.MemberId = reader.ReadString();
            answer.Members = reader.ReadInt32();
            return answer;
        }

        private static JoinAnswer JoinNow(RawKafkaConnection connection, int correlationId, short version, string group, string memberId, int sessionTimeoutMs = 6000) =>
            ReadJoin(connection.RoundTrip(Join(correlationId, version, group, memberId, sessionTimeoutMs), correlationId), version);

        private static short Sync(RawKafkaConnection connection, int correlationId, string group, int generation, string memberId, bool withAssignment)
        {
            var request = new RequestBuilder(14, 3, correlationId).String(group).Int32(generation).String(memberId).String(null);
            if (withAssignment)
            {
                request.Int32(1).String(memberId).Bytes(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
            }
            else
            {
                request.Int32(0);
            }

            var reader = connection.RoundTrip(request, correlationId);
            reader.ReadInt32();
            return reader.ReadInt16();
        }

        private static short Heartbeat(RawKafkaConnection connection, int correlationId, string group, int generation, string memberId)
        {
            var reader = connection.RoundTrip(new RequestBuilder(12, 3, correlationId).String(group).Int32(generation).String(memberId).String(null), correlationId);
            reader.ReadInt32();
            return reader.ReadInt16();
        }

        private static string GroupState(RawKafkaConnection connection, int correlationId, string group)
        {
            var reader = connection.RoundTrip(new RequestBuilder(15, 4, correlationId).Int32(1).String(group).Int8(0), correlationId);
            reader.ReadInt32();
            reader.ReadInt32();
            reader.ReadInt16();
            reader.ReadString();
            return reader.ReadString();
        }

        [Fact]
        public void JoinGroup_v4_and_later_asks_for_a_member_id_first()
        {
            using var broker = StartBroker();
            using var raw = new RawKafkaConnection(broker);
            var first = JoinNow(raw, 1, 5, "ids", "");
            Assert.Equal((short)ErrorCode.MemberIdRequired, first.Error);
            Assert.StartsWith("raw-test-", first.MemberId);

            var second = JoinNow(raw, 2, 5, "ids", first.MemberId);
            Assert.Equal((0, 1, first.MemberId, 1), (second.Error, second.Generation, second.Leader, second.Members));

            // v3 and older join directly.
            var old = JoinNow(raw, 3, 3, "ids-v3", "");
            Assert.Equal((short)0, old.Error);
            Assert.Equal(old.MemberId, old.Leader);

            Assert.Equal((short)ErrorCode.InvalidSessionTimeout, JoinNow(raw, 4, 5, "ids", "", sessionTimeoutMs: 1000).Error);
            Assert.Equal((short)ErrorCode.UnknownMemberId, JoinNow(raw, 5, 5, "never-seen", "made-up-id").Error);
        }

        [Fact]
        public void A_new_member_starts_a_rebalance_that_the_old_member_learns_from_its_heartbeat()
        {
            using var broker = StartBroker();
            Clients.CreateTopic(broker, "t", 1);
            using var a = new RawKafkaConnection(broker);
            using var b = new RawKafkaConnection(broker);
            var joinA = JoinNow(a, 1, 3, "pair", "");
            Assert.Equal((short)0, Sync(a, 2, "pair", 1, joinA.MemberId, withAssignment: true));
            Assert.Equal((short)0, Heartbeat(a, 3, "pair", 1, joinA.MemberId));
            Assert.Equal("Stable", GroupState(a, 4, "pair"));

            // B's join is parked until A rejoins.
            var joinB = Task.Run(() => ReadJoin(b.RoundTrip(Join(1, 3, "pair", ""), 1), 3));
            Eventually.True(() => GroupState(a, 5, "pair") == "PreparingRebalance", "group preparing a rebalance");
            Assert.Equal((short)ErrorCode.RebalanceInProgress, Heartbeat(a, 6, "pair", 1, joinA.MemberId));
            Assert.Equal((short)ErrorCode.RebalanceInProgress, Sync(a, 7, "pair", 1, joinA.MemberId, withAssignment: true));

            var rejoinA = JoinNow(a, 8, 3, "pair", joinA.MemberId);
            var answerB = joinB.Wait(TimeSpan.FromSeconds(10)) ? joinB.Result : throw new TimeoutException("B's join was not answered");
            Assert.Equal((2, 2), (rejoinA.Generation, answerB.Generation));
            Assert.Equal(joinA.MemberId, rejoinA.Leader);
            Assert.Equal(2, rejoinA.Members);   // only the leader gets the member list
            Assert.Equal(0, answerB.Members);
            Assert.Equal("CompletingRebalance", GroupState(a, 9, "pair"));
            Assert.Equal((short)ErrorCode.IllegalGeneration, Heartbeat(a, 10, "pair", 1, joinA.MemberId));

            // Member commits are refused while the leader's assignment is awaited.
            var commit = a.RoundTrip(new RequestBuilder(8, 7, 12).String("pair").Int32(2).String(joinA.MemberId).String(null)
                .Int32(1).String("t").Int32(1).Int32(0).Int64(1).Int32(-1).String(""), 12);
            commit.ReadInt32();
            commit.ReadInt32();
            commit.ReadString();
            commit.ReadInt32();
            commit.ReadInt32();
            Assert.Equal((short)ErrorCode.RebalanceInProgress, commit.ReadInt16());

            var syncB = Task.Run(() => Sync(b, 2, "pair", 2, answerB.MemberId, withAssignment: false));
            Assert.Equal((short)0, Sync(a, 13, "pair", 2, joinA.MemberId, withAssignment: true));
            Assert.Equal((short)0, syncB.Wait(TimeSpan.FromSeconds(10)) ? syncB.Result : (short)-999);
            Assert.Equal("Stable", GroupState(a, 14, "pair"));
        }

        [Fact]
        public void A_member_that_stops_heartbeating_is_removed_after_its_session_timeout()
        {
            using var broker = StartBroker();
            using var raw = new RawKafkaConnection(broker);
            var join = JoinNow(raw, 1, 3, "silent", "", sessionTimeoutMs: 6000);
            Assert.Equal((short)0, Sync(raw, 2, "silent", 1, join.MemberId, withAssignment: true));
            var watch = Stopwatch.StartNew();
            Eventually.True(() => GroupState(raw, 3, "silent") == "Empty", "group Empty after the session timeout", 20000);
            Assert.True(watch.ElapsedMilliseconds >= 5500, $"removed after only {watch.ElapsedMilliseconds} ms");
            Assert.Equal((short)ErrorCode.UnknownMemberId, Heartbeat(raw, 4, "silent", 1, join.MemberId));
        }

        [Fact]
        public void The_initial_rebalance_delay_gathers_members_into_one_generation()
        {
            using var broker = StartBroker(o => o.InitialRebalanceDelay = TimeSpan.FromSeconds(2));
            using var a = new RawKafkaConnection(broker);
            using var b = new RawKafkaConnection(broker);
            var watch = Stopwatch.StartNew();
            var joinA = Task.Run(() => ReadJoin(a.RoundTrip(Join(1, 3, "delayed", ""), 1), 3));
            var joinB = Task.Run(() => ReadJoin(b.RoundTrip(Join(1, 3, "delayed", ""), 1), 3));
            Assert.True(Task.WaitAll(new Task[] { joinA, joinB }, TimeSpan.FromSeconds(20)));
            Assert.True(watch.ElapsedMilliseconds >= 1900, $"answered after {watch.ElapsedMilliseconds} ms");
            Assert.Equal((1, 1), (joinA.Result.Generation, joinB.Result.Generation));
            Assert.Equal(2, joinA.Result.Members + joinB.Result.Members);
        }
    }
}

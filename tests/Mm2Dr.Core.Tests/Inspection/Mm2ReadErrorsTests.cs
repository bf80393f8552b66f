using System;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Mm2;
using Xunit;

namespace Mm2Dr.Core.Tests.Inspection
{
    public class Mm2ReadErrorsTests
    {
        private static readonly ClusterConnection Dr = new ClusterConnection("dr", "dr-host:9093", ClusterRole.DR);

        [Fact]
        public void A_deadline_while_reading_is_InternalTopicReadTimedOut_with_the_position_and_the_bootstrap()
        {
            var e = Mm2ReadErrors.Translate(new Mm2ReadTimeoutException("dr", "heartbeats", ReadPhase.Reading, TimeSpan.FromSeconds(5), 10, 10, 50), Mm2TopicKind.Heartbeats, Dr);

            Assert.Equal((ErrorIds.InternalTopicReadTimedOut, ErrorKind.Timeout, (object?)"heartbeats"), (e.ErrorId, e.Kind, e.Target));
            Assert.Contains("reached offset 10 of end offset 50 after 10 records", e.Message);
            Assert.EndsWith("(cluster 'dr' at dr-host:9093.)", e.Message);
            Assert.IsType<Mm2ReadTimeoutException>(e.InnerException);
        }

        [Fact]
        public void No_answer_at_all_with_a_refused_connection_is_the_cluster_being_unreachable()
        {
            var timeout = new Mm2ReadTimeoutException("dr", "heartbeats", ReadPhase.Metadata, TimeSpan.FromSeconds(5), 0, null, null, "Connect to ipv4#127.0.0.1:1 failed: Connection refused");

            var e = Mm2ReadErrors.Translate(timeout, Mm2TopicKind.Heartbeats, Dr);

            Assert.Equal((ErrorIds.ClusterUnreachable, ErrorKind.ConnectionFailed, (object?)"dr"), (e.ErrorId, e.Kind, e.Target));
            Assert.StartsWith("Cannot reach cluster 'dr' (dr-host:9093) to read 'heartbeats'", e.Message);
        }

        [Fact]
        public void A_slow_metadata_answer_without_a_connection_error_stays_a_timeout()
        {
            var e = Mm2ReadErrors.Translate(new Mm2ReadTimeoutException("dr", "heartbeats", ReadPhase.Watermarks, TimeSpan.FromSeconds(5), 0, null, null), Mm2TopicKind.Heartbeats, Dr);
            Assert.Equal(ErrorIds.InternalTopicReadTimedOut, e.ErrorId);
        }

        [Fact]
        public void Any_other_refusal_is_InternalTopicReadFailed()
        {
            var e = Mm2ReadErrors.Translate(new Mm2TopicReadException("dr", "x", "Not authorized to read 'x' on cluster 'dr'."), Mm2TopicKind.Checkpoints, Dr);
            Assert.Equal((ErrorIds.InternalTopicReadFailed, ErrorKind.OperationFailed, (object?)"x"), (e.ErrorId, e.Kind, e.Target));
            Assert.Contains("Not authorized", e.Message);
        }
    }
}

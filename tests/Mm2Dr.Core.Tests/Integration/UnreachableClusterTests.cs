using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Consume;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Topics;
using Xunit;

namespace Mm2Dr.Core.Tests.Integration
{
    public class UnreachableClusterTests
    {
        // Port 1 on loopback: nothing listens there, so connections are refused at once.
        private static readonly ClusterConnection Nowhere = new ClusterConnection("primary", "127.0.0.1:1", ClusterRole.Primary);

        [Fact]
        public void Admin_calls_fail_within_their_timeout_naming_the_bootstrap()
        {
            var clock = Stopwatch.StartNew();
            using var admin = new KafkaAdmin(Nowhere, TimeSpan.FromSeconds(2), CancellationToken.None);
            var ex = Assert.Throws<Mm2DrException>(() => new TopicCatalog(admin, ReplicationPolicy.Default()).List(null, false));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(ErrorIds.ClusterUnreachable, ex.ErrorId);
            Assert.Equal(ErrorKind.ConnectionFailed, ex.Kind);
            Assert.Contains("127.0.0.1:1", ex.Message);
        }

        [Fact]
        public void Reads_fail_within_their_timeout_naming_the_bootstrap()
        {
            var clock = Stopwatch.StartNew();
            var reader = new TopicReader(Nowhere, new TopicReadOptions(new[] { "t" }) { RequestTimeout = TimeSpan.FromSeconds(2) }, ReplicationPolicy.Default());
            var ex = Assert.Throws<Mm2DrException>(() => reader.Read(CancellationToken.None).ToList());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(ErrorIds.ClusterUnreachable, ex.ErrorId);
            Assert.Contains("127.0.0.1:1", ex.Message);
        }

        [Fact]
        public void Cancellation_ends_an_admin_call_early()
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            using var admin = new KafkaAdmin(Nowhere, TimeSpan.FromSeconds(30), cts.Token);
            var clock = Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => admin.GetMetadata());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Sites;
using Mm2Dr.Core.Time;
using Xunit;

namespace Mm2Dr.Core.Tests.Sites
{
    /// <summary>Outage control against a site and a probe in memory: what is asked, in what order, and when it gives up.</summary>
    public class ClusterControlTests
    {
        private static readonly ClusterConnection Primary = new ClusterConnection("primary", "127.0.0.1:9092", ClusterRole.Primary);
        private static readonly ClusterConnection Elsewhere = new ClusterConnection("other", "10.0.0.1:9092", ClusterRole.Other);

        private readonly ManualClock _clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        private readonly FakeSite _site = new FakeSite();

        [Fact]
        public void Start_returns_once_the_cluster_answers_metadata()
        {
            var probe = new FakeProbe(_clock, answersFromAttempt: 3, eachTakes: TimeSpan.FromMilliseconds(100));
            var control = new ClusterControl(_site, probe, _clock) { PollInterval = TimeSpan.FromMilliseconds(1) };
            _site.State = SiteClusterState.Stopped;

            var status = control.Start(Primary, TimeSpan.FromSeconds(30), CancellationToken.None);

            Assert.Equal(new[] { "start primary" }, _site.Calls);
            Assert.Equal(3, probe.Attempts);
            Assert.Equal((SiteClusterState.Running, (bool?)true, (int?)1, "lab"), (status.State, status.Answering, status.Brokers, status.Site));
            Assert.Equal(TimeSpan.FromMilliseconds(100), status.ResponseTime);
        }

        [Fact]
        public void A_started_cluster_that_never_answers_fails_with_ClusterStartTimedOut_naming_it()
        {
            var probe = new FakeProbe(_clock, answersFromAttempt: int.MaxValue, eachTakes: TimeSpan.FromSeconds(4));
            var control = new ClusterControl(_site, probe, _clock) { PollInterval = TimeSpan.FromMilliseconds(1) };

            var error = Assert.Throws<Mm2DrException>(() => control.Start(Primary, TimeSpan.FromSeconds(10), CancellationToken.None));

            Assert.Equal(ErrorIds.ClusterStartTimedOut, error.ErrorId);
            Assert.Equal(ErrorKind.Timeout, error.Kind);
            Assert.Equal("primary", error.Target);
            Assert.Contains("was started by the lab site but did not answer", error.Message);
            Assert.Contains("connection refused", error.Message);
            Assert.Equal(3, probe.Attempts);   // 4 s each: at 0, 4 and 8 s; none fits after 12 s
            Assert.Equal(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2) }, probe.Timeouts);
        }

        [Fact]
        public void Cancellation_ends_the_wait_between_two_attempts_at_once()
        {
            using var cancel = new CancellationTokenSource();
            var probe = new FakeProbe(_clock, answersFromAttempt: int.MaxValue, eachTakes: TimeSpan.FromSeconds(1), onAttempt: _ => cancel.Cancel());
            var control = new ClusterControl(_site, probe, _clock) { PollInterval = TimeSpan.FromMinutes(10) };

            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => control.Start(Primary, TimeSpan.FromHours(1), cancel.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
            Assert.Equal(1, probe.Attempts);
        }

        [Fact]
        public void A_stopped_cluster_is_not_probed_and_a_running_one_is()
        {
            var probe = new FakeProbe(_clock, answersFromAttempt: 1, eachTakes: TimeSpan.FromMilliseconds(20));
            var control = new ClusterControl(_site, probe, _clock);

            var stopped = control.Stop(Primary, CancellationToken.None);
            Assert.Equal((SiteClusterState.Stopped, (bool?)null), (stopped.State, stopped.Answering));
            Assert.Equal((SiteClusterState.Stopped, 0), (control.Status(Primary, TimeSpan.FromSeconds(1), CancellationToken.None).State, probe.Attempts));
            Assert.Contains("Start-KafkaCluster brings it back", stopped.Detail);

            _site.State = SiteClusterState.Running;
            Assert.True(control.Status(Primary, TimeSpan.FromSeconds(1), CancellationToken.None).Answering);
            Assert.Equal(1, probe.Attempts);
        }

        [Fact]
        public void A_cluster_the_site_does_not_run_is_refused_with_SiteNotAvailable_before_anything_happens()
        {
            var control = new ClusterControl(_site, new FakeProbe(_clock, 1, TimeSpan.Zero), _clock);
            foreach (var action in new Action[]
            {
                () => control.Stop(Elsewhere, CancellationToken.None),
                () => control.Start(Elsewhere, TimeSpan.FromSeconds(1), CancellationToken.None),
                () => control.SetLatency(Elsewhere, TimeSpan.FromSeconds(1)),
                () => control.Status(Elsewhere, TimeSpan.FromSeconds(1), CancellationToken.None),
            })
            {
                var error = Assert.Throws<Mm2DrException>(action);
                Assert.Equal((ErrorIds.SiteNotAvailable, ErrorKind.InvalidOperation, (object?)"other"), (error.ErrorId, error.Kind, error.Target));
            }

            Assert.Empty(_site.Calls);
        }

        [Fact]
        public void Latency_needs_a_site_that_supports_it()
        {
            var control = new ClusterControl(_site, new FakeProbe(_clock, 1, TimeSpan.Zero), _clock);
            Assert.Equal(TimeSpan.FromMilliseconds(250), control.SetLatency(Primary, TimeSpan.FromMilliseconds(250)).AddedLatency);
            _site.SupportsLatency = false;
            Assert.Equal(ErrorIds.FeatureNotSupported, Assert.Throws<Mm2DrException>(() => control.SetLatency(Primary, TimeSpan.FromSeconds(1))).ErrorId);
            Assert.Throws<ArgumentOutOfRangeException>(() => control.SetLatency(Primary, TimeSpan.FromSeconds(-1)));
        }

        [Fact]
        public void An_unmanaged_cluster_is_only_asked_whether_it_answers()
        {
            var status = ClusterControl.Unmanaged(Elsewhere, TimeSpan.FromSeconds(1), CancellationToken.None, new FakeProbe(_clock, int.MaxValue, TimeSpan.FromSeconds(1)), _clock);
            Assert.Equal(("none", SiteClusterState.Unknown, (bool?)false), (status.Site, status.State, status.Answering));
            Assert.StartsWith("Does not answer: connection refused", status.Detail);
        }

        private sealed class FakeSite : ISite
        {
            public SiteClusterState State { get; set; } = SiteClusterState.Running;

            public TimeSpan Latency { get; private set; }

            public List<string> Calls { get; } = new List<string>();

            public string Kind => "lab";

            public string Description => "in memory";

            public bool SupportsLatency { get; set; } = true;

            public bool Controls(ClusterConnection cluster) => cluster.Alias == "primary";

            public SiteClusterState GetState(ClusterConnection cluster) => State;

            public void Stop(ClusterConnection cluster, CancellationToken cancellation)
            {
                Calls.Add("stop " + cluster.Alias);
                State = SiteClusterState.Stopped;
            }

            public void Start(ClusterConnection cluster, CancellationToken cancellation)
            {
                Calls.Add("start " + cluster.Alias);
                State = SiteClusterState.Running;
            }

            public TimeSpan GetLatency(ClusterConnection cluster) => Latency;

            public void SetLatency(ClusterConnection cluster, TimeSpan latency) => Latency = latency;
        }

        /// <summary>Answers from the n-th attempt; each attempt moves the manual clock by its duration (no real waiting).</summary>
        private sealed class FakeProbe : IClusterProbe
        {
            private readonly ManualClock _clock;
            private readonly int _answersFrom;
            private readonly TimeSpan _eachTakes;
            private readonly Action<int>? _onAttempt;

            public FakeProbe(ManualClock clock, int answersFromAttempt, TimeSpan eachTakes, Action<int>? onAttempt = null)
            {
                _clock = clock;
                _answersFrom = answersFromAttempt;
                _eachTakes = eachTakes;
                _onAttempt = onAttempt;
            }

            public int Attempts { get; private set; }

            public List<TimeSpan> Timeouts { get; } = new List<TimeSpan>();

            public ClusterProbeResult Probe(ClusterConnection cluster, TimeSpan timeout, CancellationToken cancellation)
            {
                Attempts++;
                Timeouts.Add(timeout);
                _clock.Advance(_eachTakes);
                _onAttempt?.Invoke(Attempts);
                return Attempts >= _answersFrom ? ClusterProbeResult.Success(1, _eachTakes) : ClusterProbeResult.Failure("connection refused", _eachTakes);
            }
        }
    }
}

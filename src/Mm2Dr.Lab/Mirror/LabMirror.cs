using System;
using System.Collections.Generic;
using System.Linq;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// A stand-in for MirrorMaker 2 in rehearsals and tests: replicates between Kafka clusters the way MM2 does, driven by
    /// the same mm2.properties, and writes MM2's internal topics (offset syncs, checkpoints, heartbeats) byte for byte as
    /// MM2 would. It talks to the clusters only through Kafka clients, so it works against any Kafka, but it is one
    /// process with no Connect cluster behind it: in production, MirrorMaker 2 replicates.
    /// </summary>
    public sealed class LabMirror : IDisposable
    {
        private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(20);

        private readonly MirrorActivity _activity;
        private readonly List<MirrorWorker> _workers = new List<MirrorWorker>();
        private readonly List<SourceReplicator> _replicators = new List<SourceReplicator>();
        private readonly List<string> _flows = new List<string>();
        private readonly object _gate = new object();
        private MirrorState _state = MirrorState.Running;

        private LabMirror(LabMirrorOptions options)
        {
            _activity = new MirrorActivity(options.Clock, options.Log);
            var config = options.Config;
            var clusters = options.Clusters.ToDictionary(c => c.Alias, c => c, StringComparer.Ordinal);
            foreach (var alias in config.Clusters.Where(a => !clusters.ContainsKey(a)))
            {
                _activity.Warn($"Cluster '{alias}' of {config.Source} is not part of this mirror; flows and heartbeats to or from it do not run.");
            }

            foreach (var flow in config.Flows.Where(f => f.Enabled && clusters.ContainsKey(f.Source) && clusters.ContainsKey(f.Target)))
            {
                var settings = config.Settings(flow.Source, flow.Target);
                var source = clusters[flow.Source];
                var target = clusters[flow.Target];
                _flows.Add(flow.Name);
                var replicator = new SourceReplicator(settings, source, target, MirrorPositionsSettings.For(config, flow.Source, flow.Target), _activity);
                _replicators.Add(replicator);
                _workers.Add(replicator);
                if (!settings.EmitCheckpointsEnabled)
                {
                    continue;
                }

                if (!settings.EmitOffsetSyncsEnabled)
                {
                    // Kafka 3.9 refuses this combination (MirrorCheckpointConfig.validate): checkpoints need offset syncs.
                    _activity.Warn($"Flow {flow.Name}: emit.checkpoints.enabled needs emit.offset-syncs.enabled; no checkpoints are emitted.");
                    continue;
                }

                _workers.Add(new CheckpointEmitter(settings, source, target, _activity));
            }

            // MirrorMakerConfig.clusterPairs: a herder for every ordered pair, so heartbeats flow both ways.
            foreach (var source in config.Clusters.Where(clusters.ContainsKey))
            {
                foreach (var target in config.Clusters.Where(t => t != source && clusters.ContainsKey(t)))
                {
                    var settings = config.Settings(source, target);
                    if (settings.EmitHeartbeatsEnabled)
                    {
                        _workers.Add(new HeartbeatEmitter(settings, clusters[target], _activity));
                    }
                }
            }

            if (_flows.Count == 0)
            {
                _activity.Warn($"No flow of {config.Source} is enabled between the mirror's clusters ({string.Join(", ", clusters.Keys)}); only heartbeats are emitted.");
            }
        }

        /// <summary>Starts every flow, checkpoint task and heartbeat herder of the configuration; returns at once.</summary>
        public static LabMirror Start(LabMirrorOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            var mirror = new LabMirror(options);
            foreach (var worker in mirror._workers)
            {
                worker.Start();
            }

            return mirror;
        }

        public MirrorState State
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        /// <summary>Stops copying records (lag grows on purpose); heartbeats and checkpoints go on.</summary>
        public void Suspend() => SetCopying(false);

        /// <summary>Copies again from where it stopped.</summary>
        public void Resume() => SetCopying(true);

        public MirrorStatus Status() => _activity.Snapshot(State, _flows);

        /// <summary>
        /// Waits until every task has set itself up once (internal topics created, positions read, the source's topics
        /// found), so that inspections right after a start find MM2's topics. False when that took longer than
        /// <paramref name="timeout"/> (a cluster down, say); the mirror keeps trying either way.
        /// </summary>
        public bool WaitUntilReady(TimeSpan timeout, System.Threading.CancellationToken cancellation)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_activity.ReadyWorkers < _workers.Count)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                if (cancellation.WaitHandle.WaitOne(50))
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            }

            return true;
        }

        private void SetCopying(bool copying)
        {
            lock (_gate)
            {
                if (_state == MirrorState.Stopped)
                {
                    throw new ObjectDisposedException(nameof(LabMirror), "The mirror has stopped.");
                }

                foreach (var replicator in _replicators)
                {
                    replicator.Suspended = !copying;
                }

                _state = copying ? MirrorState.Running : MirrorState.Suspended;
            }

            _activity.Log(copying ? "Copying records again." : "Suspended: records are not copied until resumed.");
        }

        /// <summary>Stops everything; what was acknowledged is stored as the position (waits a few seconds at most per task).</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_state == MirrorState.Stopped)
                {
                    return;
                }

                _state = MirrorState.Stopped;
            }

            foreach (var worker in _workers)
            {
                worker.RequestStop();
            }

            foreach (var worker in _workers)
            {
                worker.Join(StopWait);
            }
        }
    }
}

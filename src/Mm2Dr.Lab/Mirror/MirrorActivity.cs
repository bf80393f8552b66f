using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>What the mirror's workers have done and said, shared by all of them (thread-safe), for status and logs.</summary>
    internal sealed class MirrorActivity
    {
        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly Action<string>? _log;
        private readonly SortedSet<string> _topics = new SortedSet<string>(StringComparer.Ordinal);
        private readonly List<string> _warnings = new List<string>();
        private readonly HashSet<string> _ready = new HashSet<string>(StringComparer.Ordinal);
        private long _records;
        private long _offsetSyncs;
        private long _checkpoints;
        private long _heartbeats;
        private long _groupOffsets;
        private long _lastReplicatedTicks;
        private string? _lastError;
        private DateTimeOffset? _lastErrorAt;

        public MirrorActivity(IClock clock, Action<string>? log)
        {
            _clock = clock;
            _log = log;
        }

        public IClock Clock => _clock;

        public void Replicated()
        {
            Interlocked.Increment(ref _records);
            Interlocked.Exchange(ref _lastReplicatedTicks, _clock.UtcNow.UtcTicks);
        }

        public void OffsetSyncWritten() => Interlocked.Increment(ref _offsetSyncs);

        public void CheckpointWritten() => Interlocked.Increment(ref _checkpoints);

        public void HeartbeatWritten() => Interlocked.Increment(ref _heartbeats);

        public void GroupOffsetsSynced(int count) => Interlocked.Add(ref _groupOffsets, count);

        /// <summary>A worker finished setting up (its topics exist, its clients work) at least once.</summary>
        public void Ready(string worker)
        {
            lock (_gate)
            {
                _ready.Add(worker);
            }
        }

        public int ReadyWorkers
        {
            get
            {
                lock (_gate)
                {
                    return _ready.Count;
                }
            }
        }

        public string? LastError
        {
            get
            {
                lock (_gate)
                {
                    return _lastError;
                }
            }
        }

        public void Replicating(string remoteTopic)
        {
            lock (_gate)
            {
                _topics.Add(remoteTopic);
            }
        }

        public void NotReplicating(string remoteTopic)
        {
            lock (_gate)
            {
                _topics.Remove(remoteTopic);
            }
        }

        /// <summary>Records a failure the mirror will retry past; the same message twice in a row is logged once.</summary>
        public void Error(string worker, string message)
        {
            bool repeated;
            var text = worker + ": " + message;
            lock (_gate)
            {
                repeated = text == _lastError;
                _lastError = text;
                _lastErrorAt = _clock.UtcNow;
            }

            if (!repeated)
            {
                Log(text);
            }
        }

        /// <summary>A setting the lab cannot honour as written; each distinct warning is kept once.</summary>
        public void Warn(string message)
        {
            lock (_gate)
            {
                if (_warnings.Contains(message))
                {
                    return;
                }

                _warnings.Add(message);
            }

            Log("warning: " + message);
        }

        public void Log(string message) => _log?.Invoke(message);

        /// <summary>Diagnostics for a client of <paramref name="worker"/>: what librdkafka reports (a cluster down) becomes the mirror's last error.</summary>
        public Core.Kafka.KafkaClientDiagnostics Diagnostics(string worker, Core.Environment.ClusterConnection cluster)
            => new Core.Kafka.KafkaClientDiagnostics(cluster, message => Error(worker, $"'{cluster.Alias}' ({cluster.BootstrapServers}): {message}"));

        public MirrorStatus Snapshot(MirrorState state, IReadOnlyList<string> flows)
        {
            lock (_gate)
            {
                var ticks = Interlocked.Read(ref _lastReplicatedTicks);
                return new MirrorStatus(state, flows, _topics.ToArray(), Interlocked.Read(ref _records), Interlocked.Read(ref _offsetSyncs), Interlocked.Read(ref _checkpoints),
                    Interlocked.Read(ref _heartbeats), Interlocked.Read(ref _groupOffsets), ticks == 0 ? (DateTimeOffset?)null : new DateTimeOffset(ticks, TimeSpan.Zero),
                    _lastError, _lastErrorAt, _warnings.ToArray());
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Mm2
{
    /// <summary>
    /// Reads MM2 heartbeats from a cluster: "heartbeats" (written there by the herder that targets it) and replicas such as
    /// "primary.heartbeats" (heartbeats of the upstream cluster, replicated by the flow), to show that MM2 is alive and
    /// how far behind replication runs.
    /// </summary>
    public sealed class HeartbeatReader
    {
        public HeartbeatReader(ClusterConnection cluster, ReplicationPolicy policy)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        public ClusterConnection Cluster { get; }

        public ReplicationPolicy Policy { get; }

        /// <summary>"heartbeats" and the replica of <paramref name="upstreamAlias"/>'s heartbeats, e.g. "primary.heartbeats".</summary>
        public IReadOnlyList<string> TopicsFor(string upstreamAlias)
            => new[] { Policy.HeartbeatsTopic, Policy.FormatRemoteTopic(upstreamAlias, Policy.HeartbeatsTopic) };

        /// <exception cref="Mm2TopicNotFoundException">The heartbeats topic does not exist on the cluster.</exception>
        /// <exception cref="Mm2ReadTimeoutException">The deadline ran out; says how far the read got.</exception>
        public HeartbeatSnapshot Read(string topic, InternalTopicReadOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= InternalTopicReadOptions.Default;
            var accumulator = new HeartbeatAccumulator(topic, options.MaxErrorsKept);
            var hint = Policy.IsHeartbeatsTopic(topic) && topic != Policy.HeartbeatsTopic
                ? $"A replicated heartbeats topic appears once a flow from '{Policy.TopicSource(topic)}' to this cluster is enabled and that cluster has a herder emitting heartbeats (emit.heartbeats.enabled, default true)."
                : "MM2 creates it on every cluster that is the target of a herder with emit.heartbeats.enabled=true (the default).";
            var summary = InternalTopicReader.ReadToEnd(Cluster, topic, hint, options, cancellationToken, record => accumulator.Add(record));
            return accumulator.ToSnapshot(options.Clock, summary);
        }

        /// <summary>The same result from in-memory records (unit tests).</summary>
        public static HeartbeatSnapshot FromRecords(string topic, IEnumerable<RawRecord> records, IClock clock)
        {
            var accumulator = new HeartbeatAccumulator(topic);
            accumulator.AddRange(records);
            return accumulator.ToSnapshot(clock);
        }
    }
}

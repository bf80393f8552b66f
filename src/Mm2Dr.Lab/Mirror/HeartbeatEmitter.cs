using System;
using System.Threading;
using Confluent.Kafka;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// MirrorHeartbeatConnector and MirrorHeartbeatTask of the herder source-&gt;target: every
    /// emit.heartbeats.interval.seconds a heartbeat (source, target, now) goes to partition 0 of "heartbeats" on the
    /// target. MM2 runs a herder for every pair of clusters, enabled flow or not, so the dr-&gt;primary herder writes
    /// "heartbeats" on the primary, which the primary-&gt;dr flow replicates as "primary.heartbeats".
    /// </summary>
    internal sealed class HeartbeatEmitter : MirrorWorker
    {
        private readonly Mm2FlowSettings _settings;
        private readonly ClusterConnection _target;

        public HeartbeatEmitter(Mm2FlowSettings settings, ClusterConnection target, MirrorActivity activity)
            : base(settings + " heartbeats", activity)
        {
            _settings = settings;
            _target = target;
        }

        protected override void Run(CancellationToken stop)
        {
            using (var admin = MirrorClients.Admin(_target, stop))
            {
                TopicProvisioner.Ensure(admin, _settings.HeartbeatsTopic, 1, _settings.HeartbeatsTopicReplicationFactor, TopicProvisioner.Compacted, Activity.Warn);
            }

            using var producer = MirrorClients.RecordProducer(_target, Activity.Diagnostics(Name, _target), $"{_settings}-heartbeats");
            var partition = new TopicPartition(_settings.HeartbeatsTopic, 0);

            // An interval of 0 would make MM2 emit as fast as it can; the lab caps that at ten a second.
            var interval = _settings.EmitHeartbeatsInterval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : _settings.EmitHeartbeatsInterval;
            while (Wait(interval, stop))
            {
                var now = Activity.Clock.UtcNow;
                var heartbeat = new Heartbeat(_settings.Source, _settings.Target, now.ToUnixTimeMilliseconds());
                var message = new Message<byte[]?, byte[]?> { Key = HeartbeatCodec.EncodeKey(heartbeat), Value = HeartbeatCodec.EncodeValue(heartbeat), Timestamp = new Timestamp(now) };
                producer.Produce(partition, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        Activity.Error(Name, $"writing a heartbeat to '{partition.Topic}' on '{_target.Alias}' failed: {_target.Redact(report.Error.Reason)}");
                    }
                    else
                    {
                        // Set up once the first heartbeat is in: a health check right after a start then sees one.
                        Activity.HeartbeatWritten();
                        Ready();
                    }
                });
            }

            producer.Flush(TimeSpan.FromSeconds(2));
        }
    }
}

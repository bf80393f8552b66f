using System.Collections.Concurrent;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;

namespace Mm2Dr.Core.Kafka
{
    /// <summary>
    /// Collects what librdkafka says on its own threads (errors, logs). Nothing here touches a pipeline; the cmdlet
    /// drains <see cref="TryDequeue"/> on its own thread. Messages are scrubbed of secrets on the way in.
    /// </summary>
    public sealed class KafkaClientDiagnostics
    {
        private const int MaxQueued = 500;
        private readonly ConcurrentQueue<string> _messages = new ConcurrentQueue<string>();
        private readonly ClusterConnection _cluster;
        private readonly System.Action<string>? _listener;
        private volatile string? _lastError;
        private volatile bool _allBrokersDown;

        /// <param name="cluster">The cluster whose secrets are scrubbed from every message.</param>
        /// <param name="listener">Also told each error as it happens (on librdkafka's thread), for long-running clients that report their health.</param>
        public KafkaClientDiagnostics(ClusterConnection cluster, System.Action<string>? listener = null)
        {
            _cluster = cluster;
            _listener = listener;
        }

        public string? LastError => _lastError;

        /// <summary>True once librdkafka reported that no broker of the cluster can be reached.</summary>
        public bool AllBrokersDown => _allBrokersDown;

        public void OnError(Error error)
        {
            var text = _cluster.Redact(error.Reason);
            _lastError = text;
            if (error.Code == ErrorCode.Local_AllBrokersDown)
            {
                _allBrokersDown = true;
            }

            Enqueue($"{_cluster.Alias}: {error.Code}: {text}");
            _listener?.Invoke(text);
        }

        public void OnLog(LogMessage message)
        {
            if (message.Level <= SyslogLevel.Warning)
            {
                Enqueue($"{_cluster.Alias}: {message.Facility}: {_cluster.Redact(message.Message)}");
            }
        }

        public bool TryDequeue(out string message) => _messages.TryDequeue(out message!);

        private void Enqueue(string message)
        {
            if (_messages.Count < MaxQueued)
            {
                _messages.Enqueue(message);
            }
        }
    }
}

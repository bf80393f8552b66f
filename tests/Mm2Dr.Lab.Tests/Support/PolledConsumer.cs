using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>
    /// A group member that keeps polling on its own thread (librdkafka handles rebalances inside Consume) and
    /// records its current assignment and what it read.
    /// </summary>
    internal sealed class PolledConsumer : IDisposable
    {
        private readonly IConsumer<string, string> _consumer;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;
        private readonly object _gate = new object();
        private List<TopicPartition> _assignment = new List<TopicPartition>();

        public PolledConsumer(LabBroker broker, string groupId, string topic, Action<ConsumerConfig>? configure = null)
        {
            var config = Clients.ConsumerConfig(broker, groupId);
            configure?.Invoke(config);
            _consumer = new ConsumerBuilder<string, string>(config)
                .SetPartitionsAssignedHandler((_, partitions) =>
                {
                    lock (_gate)
                    {
                        _assignment = partitions.ToList();
                        Rebalances++;
                    }
                })
                .SetPartitionsRevokedHandler((_, _) =>
                {
                    lock (_gate)
                    {
                        _assignment = new List<TopicPartition>();
                    }
                })
                .Build();
            _consumer.Subscribe(topic);
            _loop = Task.Factory.StartNew(Poll, TaskCreationOptions.LongRunning);
        }

        public ConcurrentQueue<ConsumeResult<string, string>> Received { get; } = new ConcurrentQueue<ConsumeResult<string, string>>();

        public int Rebalances { get; private set; }

        public IReadOnlyList<TopicPartition> Assignment
        {
            get
            {
                lock (_gate)
                {
                    return _assignment.ToList();
                }
            }
        }

        /// <summary>Commits what was read so far, from the polling thread's point of view (thread-safe in librdkafka).</summary>
        public void Commit(IEnumerable<TopicPartitionOffset> offsets) => _consumer.Commit(offsets);

        private void Poll()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (result != null && !result.IsPartitionEOF)
                    {
                        Received.Enqueue(result);
                    }
                }
                catch (ConsumeException)
                {
                }
            }
        }

        /// <summary>Leaves the group cleanly (LeaveGroup), as a stopping consumer does.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait(TimeSpan.FromSeconds(10));
            _consumer.Close();
            _consumer.Dispose();
        }
    }
}

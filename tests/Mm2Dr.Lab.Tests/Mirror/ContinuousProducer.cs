using System;
using System.Threading;
using Confluent.Kafka;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>
    /// Writes records with increasing ids to the primary from a thread of its own, at a steady pace, until a given count:
    /// the "stream" a fault is injected into. Idempotent with no delivery timeout, so an outage of the primary delays
    /// records but neither loses nor reorders them.
    /// </summary>
    internal sealed class ContinuousProducer : IDisposable
    {
        private readonly IProducer<byte[], byte[]> _producer;
        private readonly Thread _thread;
        private readonly string _topic;
        private readonly int _partitions;
        private readonly int _count;
        private readonly int _perMillisecond;
        private readonly DateTimeOffset _baseTime = DateTimeOffset.UtcNow.AddMinutes(-1);
        private volatile bool _stop;
        private long _produced;
        private long _failed;

        public ContinuousProducer(string bootstrap, string topic, int partitions, int count, int recordsPerSecond)
        {
            _topic = topic;
            _partitions = partitions;
            _count = count;
            _perMillisecond = Math.Max(1, recordsPerSecond / 1000);
            _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
            {
                BootstrapServers = bootstrap,
                EnableIdempotence = true,
                MessageTimeoutMs = 0,
                LingerMs = 2,
                ReconnectBackoffMaxMs = 200,
            }).Build();
            _thread = new Thread(Run) { IsBackground = true, Name = "test producer" };
            _thread.Start();
        }

        /// <summary>Records handed to the producer so far (not necessarily written yet).</summary>
        public long Produced => Interlocked.Read(ref _produced);

        public long Failed => Interlocked.Read(ref _failed);

        /// <summary>Waits until every record is handed over and acknowledged by the primary.</summary>
        public void Complete(TimeSpan timeout)
        {
            if (!_thread.Join(timeout) || _producer.Flush(timeout) != 0)
            {
                throw new TimeoutException($"The test producer did not finish ({Produced} of {_count} handed over).");
            }

            if (Failed > 0)
            {
                throw new InvalidOperationException($"{Failed} record(s) could not be produced.");
            }
        }

        private void Run()
        {
            for (var id = 0; id < _count && !_stop; id++)
            {
                while (!_stop)
                {
                    try
                    {
                        _producer.Produce(new TopicPartition(_topic, id % _partitions), DrLabHarness.Record(id, _baseTime), r =>
                        {
                            if (r.Error.IsError)
                            {
                                Interlocked.Increment(ref _failed);
                            }
                        });
                        break;
                    }
                    catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        Thread.Sleep(1);
                    }
                }

                Interlocked.Increment(ref _produced);

                // Pacing, not synchronisation: a steady stream a fault can land in the middle of.
                if (id % _perMillisecond == 0)
                {
                    Thread.Sleep(1);
                }
            }
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join(TimeSpan.FromSeconds(10));
            _producer.Dispose();
        }
    }
}

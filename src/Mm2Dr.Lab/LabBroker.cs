using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Mm2Dr.Lab.Network;

namespace Mm2Dr.Lab
{
    /// <summary>
    /// A single-node Kafka-protocol broker for rehearsals and tests: real Kafka clients (librdkafka, Confluent.Kafka,
    /// kcat) talk to it unmodified. No replication, no security, not for production data.
    /// </summary>
    public sealed class LabBroker : IDisposable
    {
        private readonly object _gate = new object();
        private readonly BrokerContext _context;
        private readonly HashSet<BrokerConnection> _connections = new HashSet<BrokerConnection>();
        private readonly IPAddress _address;
        private Socket? _listener;
        private bool _disposed;

        private LabBroker(LabBrokerOptions options)
        {
            _address = IPAddress.Parse(options.Host);
            _context = new BrokerContext(options);
            _context.AdvertisedHost = options.Host;
        }

        /// <summary>Starts the broker; returns once it accepts connections.</summary>
        public static LabBroker Start(LabBrokerOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            if (!IPAddress.TryParse(options.Host, out _))
            {
                throw new ArgumentException($"Host must be an IP address such as 127.0.0.1, not '{options.Host}'.", nameof(options));
            }

            var broker = new LabBroker(options);
            try
            {
                broker.Listen(options.Port);
            }
            catch
            {
                broker._context.Dispose();
                throw;
            }

            return broker;
        }

        public int Port { get; private set; }

        public string BootstrapServers => _context.AdvertisedHost + ":" + Port;

        public string ClusterId => _context.ClusterId;

        public int NodeId => _context.NodeId;

        public bool IsUp
        {
            get
            {
                lock (_gate)
                {
                    return _listener != null;
                }
            }
        }

        /// <summary>Delays every response by this much (replication-lag and slow-broker drills).</summary>
        public TimeSpan AddedLatency
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _context.AddedLatencyTicks));
            set
            {
                if (value < TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "Latency cannot be negative.");
                }

                Interlocked.Exchange(ref _context.AddedLatencyTicks, value.Ticks);
            }
        }

        private void Listen(int port)
        {
            var listener = new Socket(_address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                Network.ListenerAddressReuse.AllowRebindWhileTimeWait(listener);

                listener.Bind(new IPEndPoint(_address, port));
                listener.Listen(512);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            _context.AdvertisedPort = Port;
            _listener = listener;
            _ = AcceptLoop(listener);
        }

        private async Task AcceptLoop(Socket listener)
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                socket.NoDelay = true;
                var connection = new BrokerConnection(socket, _context);
                lock (_gate)
                {
                    if (_listener != listener)
                    {
                        // Taken down while this connection was being accepted.
                        connection.Abort();
                        continue;
                    }

                    _connections.Add(connection);
                }

                _ = RunConnection(connection);
            }
        }

        private async Task RunConnection(BrokerConnection connection)
        {
            try
            {
                await Task.Yield();
                await connection.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _connections.Remove(connection);
                }
            }
        }

        /// <summary>Simulates an outage: stops listening and drops every open connection. All data is kept.</summary>
        public void TakeDown()
        {
            List<BrokerConnection> open;
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_listener == null)
                {
                    return;
                }

                _listener.Dispose();
                _listener = null;
                open = new List<BrokerConnection>(_connections);
                _connections.Clear();
            }

            foreach (var connection in open)
            {
                connection.Abort();
            }
        }

        /// <summary>Ends an outage: listens again on the same port, with everything as it was.</summary>
        public void BringUp()
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_listener == null)
                {
                    Listen(Port);
                }
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(LabBroker));
            }
        }

        /// <summary>Stops the broker. With a data directory everything acknowledged is flushed to disk first.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
            }

            TakeDown();
            lock (_gate)
            {
                _disposed = true;
            }

            _context.Dispose();
        }

        public override string ToString() => $"Mm2Dr lab broker {BootstrapServers} (node {NodeId}, cluster {ClusterId})";
    }
}

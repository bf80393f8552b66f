using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Network
{
    /// <summary>
    /// One client connection. Requests are read ahead into one buffer (clients pipeline them) and handled one at a
    /// time in arrival order, so responses go out in order, as Kafka guarantees per connection. Anything that cannot
    /// be decoded closes this connection only; the broker and its stored data are untouched.
    /// </summary>
    internal sealed class BrokerConnection
    {
        private const int DefaultBufferSize = 256 * 1024;

        private readonly Socket _socket;
        private readonly BrokerContext _context;
        private readonly CancellationTokenSource _aborted = new CancellationTokenSource();
        private readonly string _clientHost;
        private byte[] _buffer;
        private int _start;
        private int _end;

        public BrokerConnection(Socket socket, BrokerContext context)
        {
            _socket = socket;
            _context = context;
            _clientHost = "/" + ((socket.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown");
            _buffer = ArrayPool<byte>.Shared.Rent(DefaultBufferSize);
        }

        public async Task RunAsync()
        {
            try
            {
                while (!_aborted.IsCancellationRequested)
                {
                    if (!await FillAsync(4).ConfigureAwait(false))
                    {
                        return;
                    }

                    var size = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_buffer, _start, 4));
                    if (size < 0 || size > _context.Options.MaxRequestBytes)
                    {
                        // k39 NetworkReceive: a size beyond socket.request.max.bytes (or negative) ⇒ InvalidReceiveException, connection closed.
                        _context.Log?.Invoke($"Closing {_clientHost}: request size {size} outside 0..{_context.Options.MaxRequestBytes}.");
                        return;
                    }

                    if (!await FillAsync(4 + size).ConfigureAwait(false))
                    {
                        return;
                    }

                    var frameOffset = _start + 4;
                    _start += 4 + size;
                    var response = await RequestDispatcher.Dispatch(_context, _buffer, frameOffset, size, _clientHost, _aborted.Token).ConfigureAwait(false);
                    if (response != null)
                    {
                        using (response)
                        {
                            var latency = Interlocked.Read(ref _context.AddedLatencyTicks);
                            if (latency > 0)
                            {
                                await Task.Delay(TimeSpan.FromTicks(latency), _aborted.Token).ConfigureAwait(false);
                            }

                            await SendAsync(response.Complete()).ConfigureAwait(false);
                        }
                    }

                    ShrinkBufferIfIdle();
                }
            }
            catch (MalformedRequestException e)
            {
                _context.Log?.Invoke($"Closing {_clientHost}: {e.Message}");
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException || e is IOException)
            {
                // The client went away or the broker was taken down.
            }
            catch (Exception e)
            {
                // A bug must cost one connection, never the broker.
                _context.Log?.Invoke($"Closing {_clientHost} after an unexpected error: {e}");
            }
            finally
            {
                Abort();
                var buffer = _buffer;
                _buffer = Array.Empty<byte>();
                if (buffer.Length > 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        /// <summary>Makes sure <paramref name="count"/> bytes starting at <see cref="_start"/> are buffered; false at end of stream.</summary>
        private async Task<bool> FillAsync(int count)
        {
            if (_end - _start >= count)
            {
                return true;
            }

            if (_buffer.Length - _start < count)
            {
                var target = _buffer.Length >= count ? _buffer : ArrayPool<byte>.Shared.Rent(count);
                var pending = _end - _start;
                Buffer.BlockCopy(_buffer, _start, target, 0, pending);
                if (!ReferenceEquals(target, _buffer))
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = target;
                }

                _start = 0;
                _end = pending;
            }

            while (_end - _start < count)
            {
                var read = await _socket.ReceiveAsync(new ArraySegment<byte>(_buffer, _end, _buffer.Length - _end), SocketFlags.None).ConfigureAwait(false);
                if (read <= 0)
                {
                    return false;
                }

                _end += read;
            }

            return true;
        }

        /// <summary>After a huge request, go back to a normal-size buffer so idle connections stay small.</summary>
        private void ShrinkBufferIfIdle()
        {
            if (_start == _end)
            {
                _start = _end = 0;
                if (_buffer.Length > 4 * DefaultBufferSize)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = ArrayPool<byte>.Shared.Rent(DefaultBufferSize);
                }
            }
        }

        private async Task SendAsync(IList<ArraySegment<byte>> segments)
        {
            var total = 0L;
            foreach (var s in segments)
            {
                total += s.Count;
            }

            var sent = segments.Count == 1
                ? await _socket.SendAsync(segments[0], SocketFlags.None).ConfigureAwait(false)
                : await _socket.SendAsync(segments, SocketFlags.None).ConfigureAwait(false);
            if (sent != total)
            {
                throw new IOException($"Short send: {sent} of {total} bytes.");
            }
        }

        public void Abort()
        {
            try
            {
                _aborted.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }

            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
            }

            _socket.Dispose();
        }
    }
}

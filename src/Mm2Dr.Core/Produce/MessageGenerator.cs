using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Mm2Dr.Core.Produce
{
    /// <summary>
    /// Generator mode: produces inside C# (not one pipeline object at a time) at a target rate, for a count or a
    /// duration. Runs on the caller's thread so that progress and report callbacks land where they may be written.
    /// </summary>
    public static class MessageGenerator
    {
        /// <summary>
        /// The default value: a JSON document carrying the sequence number, so that a DR check can count
        /// messages by id, padded with filler to the requested size.
        /// </summary>
        public static byte[] DefaultValue(long sequence, int size, string runId)
        {
            var head = "{\"id\":" + sequence.ToString(CultureInfo.InvariantCulture) + ",\"run\":\"" + runId + "\",\"payload\":\"";
            const string tail = "\"}";
            var minimum = head.Length + tail.Length;
            if (size <= minimum)
            {
                return Encoding.ASCII.GetBytes(head + tail);
            }

            var buffer = new byte[size];
            Encoding.ASCII.GetBytes(head, 0, head.Length, buffer, 0);
            for (var i = head.Length; i < size - tail.Length; i++)
            {
                buffer[i] = (byte)('a' + (i % 26));
            }

            Encoding.ASCII.GetBytes(tail, 0, tail.Length, buffer, size - tail.Length);
            return buffer;
        }

        public static void Run(
            MessageProducer producer,
            GeneratorOptions options,
            Action<ProducerProgress>? progress,
            Action<DeliveryResult>? reports,
            CancellationToken cancellation)
        {
            options.Validate();
            var runId = Guid.NewGuid().ToString("N").Substring(0, 8);
            var template = new DefaultValueTemplate(options.MessageSize, runId);
            var clock = Stopwatch.StartNew();
            var nextProgress = TimeSpan.Zero;
            var interval = options.Rate is double r && r > 0 ? TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / r)) : TimeSpan.Zero;
            long i = 0;
            while (!cancellation.IsCancellationRequested)
            {
                if (options.Count is long count && i >= count)
                {
                    break;
                }

                if (options.Duration is TimeSpan duration && clock.Elapsed >= duration)
                {
                    break;
                }

                if (interval > TimeSpan.Zero)
                {
                    var due = TimeSpan.FromTicks(interval.Ticks * i);
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        cancellation.WaitHandle.WaitOne(wait < TimeSpan.FromMilliseconds(100) ? wait : TimeSpan.FromMilliseconds(100));
                        continue;
                    }
                }

                var value = options.ValueFactory != null ? options.ValueFactory(i) : template.For(i);
                producer.Send(new OutgoingMessage(options.Key, value, options.Headers, options.Partition), cancellation);
                i++;

                if ((i & 0xFF) == 0 || interval > TimeSpan.Zero)
                {
                    if (reports != null)
                    {
                        producer.DrainReports(reports);
                    }

                    if (progress != null && clock.Elapsed >= nextProgress)
                    {
                        nextProgress = clock.Elapsed + options.ProgressInterval;
                        progress(new ProducerProgress(producer.Sent, producer.Delivered, producer.Failed, options.Count, clock.Elapsed, options.Duration));
                    }
                }
            }
        }

        /// <summary>
        /// Reuses one buffer per run: librdkafka copies the payload during Produce, so stamping the next sequence
        /// number into the same array is safe and keeps generator mode allocation-free.
        /// </summary>
        private sealed class DefaultValueTemplate
        {
            private readonly int _size;
            private readonly string _runId;
            private byte[]? _buffer;
            private int _idDigits;

            public DefaultValueTemplate(int size, string runId)
            {
                _size = size;
                _runId = runId;
            }

            public byte[] For(long sequence)
            {
                var digits = sequence == 0 ? 1 : (int)Math.Floor(Math.Log10(sequence)) + 1;
                if (_buffer == null || digits != _idDigits)
                {
                    _buffer = DefaultValue(sequence, _size, _runId);
                    _idDigits = digits;
                    return _buffer;
                }

                const int idStart = 6; // {"id":
                var v = sequence;
                for (var p = idStart + digits - 1; p >= idStart; p--)
                {
                    _buffer[p] = (byte)('0' + (v % 10));
                    v /= 10;
                }

                return _buffer;
            }
        }
    }
}

using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Mm2Dr.Lab.Host
{
    /// <summary>
    /// Ctrl+C and SIGTERM (docker stop) as one event, listened to from before the host says it is ready, so that a stop
    /// that comes at once still ends cleanly (data flushed, the mirror's position stored).
    /// </summary>
    internal sealed class StopSignal : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim();
        private readonly PosixSignalRegistration _sigterm;

        private StopSignal()
        {
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                _stop.Set();
            });
            Console.CancelKeyPress += OnCancelKeyPress;
        }

        public static StopSignal Listen() => new StopSignal();

        public void Wait() => _stop.Wait();

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            _stop.Set();
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            _sigterm.Dispose();
            _stop.Dispose();
        }
    }
}

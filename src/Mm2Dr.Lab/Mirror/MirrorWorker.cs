using System;
using System.Threading;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Lab.Mirror
{
    /// <summary>
    /// One of the mirror's background tasks (like a Connect task): runs on its own thread until stopped. A failure it did
    /// not handle itself is recorded and the task starts over after a back-off, as Connect restarts a failed task, so a
    /// cluster that goes away and comes back is waited out rather than ending the mirror.
    /// </summary>
    internal abstract class MirrorWorker
    {
        private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(5);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Thread? _thread;

        protected MirrorWorker(string name, MirrorActivity activity)
        {
            Name = name;
            Activity = activity;
        }

        public string Name { get; }

        protected MirrorActivity Activity { get; }

        public void Start()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "mm2dr-mirror " + Name };
            _thread.Start();
        }

        /// <summary>Asks the task to stop; <see cref="Join"/> waits for it.</summary>
        public void RequestStop() => _stop.Cancel();

        /// <summary>Waits for the task to finish its last step (a final flush, at most).</summary>
        public void Join(TimeSpan wait)
        {
            if (_thread != null && !_thread.Join(wait))
            {
                Activity.Log($"{Name}: did not stop within {wait.TotalSeconds:0} s; left to finish in the background.");
            }
        }

        /// <summary>The task's body: set up, then loop until <paramref name="stop"/> is cancelled; clean up in finally.</summary>
        protected abstract void Run(CancellationToken stop);

        /// <summary>Waits, ending early when the task is stopped; false if it was.</summary>
        protected static bool Wait(TimeSpan delay, CancellationToken stop) => delay <= TimeSpan.Zero ? !stop.IsCancellationRequested : !stop.WaitHandle.WaitOne(delay);

        /// <summary>Says the task has set itself up (for <see cref="LabMirror.WaitUntilReady"/>).</summary>
        protected void Ready() => Activity.Ready(Name);

        protected void Fail(string what, Exception e) => Activity.Error(Name, what + ": " + Describe(e));

        protected static string Describe(Exception e) => e is Mm2DrException || e is Confluent.Kafka.KafkaException ? e.Message : e.GetType().Name + ": " + e.Message;

        private void Loop()
        {
            var backoff = FirstBackoff;
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                try
                {
                    Run(token);
                    return;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Fail("restarting after a failure", e);
                }

                if (!Wait(backoff, token))
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
            }
        }
    }
}

using System.Threading.Tasks;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>Wakes long-polling fetches when a partition grows. The task is created only while someone waits.</summary>
    internal sealed class AppendSignal
    {
        private readonly object _gate = new object();
        private TaskCompletionSource<bool>? _waiters;

        public Task NextAppend()
        {
            lock (_gate)
            {
                _waiters ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiters.Task;
            }
        }

        public void Notify()
        {
            TaskCompletionSource<bool>? waiters;
            lock (_gate)
            {
                waiters = _waiters;
                _waiters = null;
            }

            waiters?.TrySetResult(true);
        }
    }
}

using System;

namespace Mm2Dr.Core.Time
{
    /// <summary>A clock that moves only when told to; for tests and rehearsed timelines.</summary>
    public sealed class ManualClock : IClock
    {
        private DateTimeOffset _now;

        public ManualClock(DateTimeOffset start)
        {
            _now = start;
        }

        public DateTimeOffset UtcNow => _now;

        public void Advance(TimeSpan by) => _now = _now.Add(by);

        public void Set(DateTimeOffset now) => _now = now;
    }
}

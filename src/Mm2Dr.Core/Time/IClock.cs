using System;

namespace Mm2Dr.Core.Time
{
    /// <summary>Where the core reads "now", so that lag maths, ages and drills can be tested without sleeping.</summary>
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }
}

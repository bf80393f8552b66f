using System;
using System.Diagnostics;

namespace LabBench
{
    /// <summary>Managed heap (after a full GC) and process working set, to estimate what holding records costs.</summary>
    internal readonly struct MemoryProbe
    {
        private MemoryProbe(long managed, long workingSet)
        {
            Managed = managed;
            WorkingSet = workingSet;
        }

        public long Managed { get; }

        public long WorkingSet { get; }

        public static MemoryProbe Take()
        {
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return new MemoryProbe(GC.GetTotalMemory(true), process.WorkingSet64);
        }
    }
}

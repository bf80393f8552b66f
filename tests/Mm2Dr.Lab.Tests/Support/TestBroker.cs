using System;
using System.IO;
using System.Collections.Concurrent;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Starts lab brokers on free ports with a log sink that keeps diagnostics for failure messages.</summary>
    internal static class TestBroker
    {
        public static LabBroker Start(Action<LabBrokerOptions>? configure = null)
        {
            var options = new LabBrokerOptions { Port = 0 };
            configure?.Invoke(options);
            return LabBroker.Start(options);
        }

        public static TempDirectory TempDirectory() => new TempDirectory();
    }

    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mm2dr-lab-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Collects broker log lines (thread-safe) so a test can assert on or print them.</summary>
    internal sealed class LogCollector
    {
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public void Add(string line) => Lines.Enqueue(line);

        public override string ToString() => string.Join(Environment.NewLine, Lines);
    }
}

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>
    /// Starts lab brokers on free ports. Every broker logs into the collector of the test that started it, and
    /// <see cref="BrokerTest"/> fails that test if the broker hit an unexpected error: the broker survives its own
    /// bugs by closing the connection, and clients may even retry past them, so without this check they would hide.
    /// </summary>
    internal static class TestBroker
    {
        public static LabBroker Start(LogCollector collector, Action<LabBrokerOptions>? configure = null)
        {
            var options = new LabBrokerOptions { Port = 0 };
            configure?.Invoke(options);
            var own = options.Log;
            options.Log = line =>
            {
                collector.Add(line);
                own?.Invoke(line);
            };
            return LabBroker.Start(options);
        }

        public static TempDirectory TempDirectory() => new TempDirectory();
    }

    /// <summary>Base of every test class: binds a log collector to the test and checks it when the test ends.</summary>
    public abstract class BrokerTest : IDisposable
    {
        private readonly LogCollector _log = new LogCollector();

        /// <summary>Starts a broker on a free port whose log this test checks when it ends.</summary>
        protected LabBroker StartBroker(Action<LabBrokerOptions>? configure = null) => TestBroker.Start(_log, configure);

        public void Dispose()
        {
            var errors = _log.Lines.Where(l => l.Contains("unexpected error")).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The broker hit unexpected errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }
        }
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
    public sealed class LogCollector
    {
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public void Add(string line) => Lines.Enqueue(line);

        public override string ToString() => string.Join(Environment.NewLine, Lines);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Mm2Dr.Lab;

namespace Mm2Dr.Tests
{
    /// <summary>
    /// A runspace with a DR lab started from tests/Shared/drill-mm2.properties (1 s checkpoints, heartbeats and refreshes),
    /// stopped and its files removed on dispose.
    /// </summary>
    public sealed class DrLabSession : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "mm2dr-cmdlet-tests", Guid.NewGuid().ToString("N"));

        public DrLabSession(bool start = true)
        {
            Directory.CreateDirectory(_folder);
            ConfigPath = Path.Combine(_folder, "mm2.properties");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "drill-mm2.properties"), ConfigPath);
            Shell = new PowerShellSession();
            Vars = new Dictionary<string, object?> { ["config"] = ConfigPath };
            if (start)
            {
                Lab = (DrLabInfo)Shell.Run("Start-DrLab -Mm2Config $config", Vars).ThrowOnError().Output.Single().BaseObject;
            }
        }

        public PowerShellSession Shell { get; }

        public string ConfigPath { get; }

        public string Folder => _folder;

        public Dictionary<string, object?> Vars { get; }

        public DrLabInfo? Lab { get; }

        public PowerShellSession.Result Run(string script) => Shell.Run(script, Vars);

        /// <summary>Messages in a topic, through the module (0 while it does not exist).</summary>
        public long Messages(string cluster, string topic)
        {
            var result = Run($"(Get-KafkaTopic -Cluster {cluster} -Name {topic} -ErrorAction SilentlyContinue).Messages");
            return result.Output.Count == 0 || result.Output[0] == null ? 0 : Convert.ToInt64(result.Output[0].BaseObject);
        }

        public static void Eventually(Func<bool> condition, string what, int timeoutMs = 30000)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.ElapsedMilliseconds > timeoutMs)
                {
                    throw new TimeoutException($"Timed out after {timeoutMs} ms waiting for: {what}");
                }

                Thread.Sleep(50);
            }
        }

        public void Dispose()
        {
            Shell.Run("Stop-DrLab -Confirm:$false -WarningAction SilentlyContinue; Get-KafkaLabCluster | Stop-KafkaLabCluster -Confirm:$false");
            Shell.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

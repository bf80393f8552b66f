using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Confluent.Kafka;
using Mm2Dr.Lab.Host;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class HostTests : BrokerTest
    {
        private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "Mm2Dr.Lab.Host.dll");

        internal static Process StartHost(string arguments)
        {
            var start = new ProcessStartInfo("dotnet", $"\"{HostDll}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            return Process.Start(start)!;
        }

        internal static void SendSigterm(Process process)
        {
            using var kill = Process.Start("kill", $"-TERM {process.Id}")!;
            kill.WaitForExit();
        }

        [Theory]
        [InlineData("--port abc", "'abc'")]
        [InlineData("--port 70000", "'70000'")]
        [InlineData("--partitions 0", "'0'")]
        [InlineData("--host localhost-ish", "'localhost-ish'")]
        [InlineData("--frobnicate", "'--frobnicate'")]
        [InlineData("--data", "--data needs a value")]
        public void Bad_arguments_name_the_bad_value(string arguments, string expected)
        {
            var parsed = HostArguments.Parse(arguments.Split(' '));
            Assert.NotNull(parsed.Error);
            Assert.Contains(expected, parsed.Error);
        }

        [Fact]
        public void Arguments_map_to_broker_options()
        {
            var parsed = HostArguments.Parse(new[] { "--port", "9093", "--data", "./d", "--host", "127.0.0.2", "--partitions", "4", "--no-auto-create" });
            Assert.Null(parsed.Error);
            Assert.Equal((9093, "./d", "127.0.0.2", 4, false),
                (parsed.Options.Port, parsed.Options.DataDirectory, parsed.Options.Host, parsed.Options.DefaultPartitions, parsed.Options.AutoCreateTopics));
            Assert.Contains("not for production", HostArguments.Usage, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void The_host_process_serves_until_SIGTERM_and_rejects_bad_arguments_with_exit_code_2()
        {
            using var bad = StartHost("--port nope");
            Assert.True(bad.WaitForExit(30000));
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("'nope'", bad.StandardError.ReadToEnd());

            using var help = StartHost("--help");
            Assert.True(help.WaitForExit(30000));
            Assert.Equal(0, help.ExitCode);
            var helpText = help.StandardOutput.ReadToEnd();
            Assert.Contains("rehearsals and tests", helpText);
            Assert.Contains("no replication, no security", helpText);

            using var data = TestBroker.TempDirectory();
            using var host = StartHost($"--port 0 --data \"{data.Path}\" --partitions 2");
            var ready = host.StandardOutput.ReadLine();
            Assert.NotNull(ready);
            Assert.StartsWith("Mm2Dr lab broker listening on 127.0.0.1:", ready);
            var bootstrap = ready!.Substring("Mm2Dr lab broker listening on ".Length);

            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
            {
                var report = producer.ProduceAsync("hosted", new Message<string, string> { Value = "v" }).GetAwaiter().GetResult();
                Assert.Equal(PersistenceStatus.Persisted, report.Status);
            }

            SendSigterm(host);
            Assert.True(host.WaitForExit(30000), "host did not stop on SIGTERM");
            Assert.Equal(0, host.ExitCode);
            Assert.Contains("stopped", host.StandardOutput.ReadToEnd());
            Assert.True(File.Exists(Path.Combine(data.Path, "topics", "hosted", "1.log")), "auto-created topic with 2 partitions on disk");
        }
    }
}

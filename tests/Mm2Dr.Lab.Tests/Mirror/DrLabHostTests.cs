using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Confluent.Kafka;
using Mm2Dr.Lab.Host;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests.Mirror
{
    /// <summary>The DR lab as one stand-alone process (for containers and other shells).</summary>
    public class DrLabHostTests
    {
        [Fact]
        public void Dr_lab_arguments_map_to_lab_options_and_do_not_mix_with_single_broker_ones()
        {
            var parsed = HostArguments.Parse(new[] { "--dr-lab", "--mm2-config", "m.properties", "--primary-port", "19092", "--dr-port", "19093", "--data", "./d" });
            Assert.Null(parsed.Error);
            Assert.True(parsed.DrLab);
            Assert.Equal(("m.properties", 19092, 19093, "./d"), (parsed.DrLabOptions.Mm2ConfigPath, parsed.DrLabOptions.PrimaryPort, parsed.DrLabOptions.DrPort, parsed.DrLabOptions.DataDirectory));

            var defaults = HostArguments.Parse(new[] { "--dr-lab" });
            Assert.Equal((9092, 9093, null), (defaults.DrLabOptions.PrimaryPort, defaults.DrLabOptions.DrPort, defaults.DrLabOptions.Mm2ConfigPath));

            Assert.Contains("--port is for a single broker", HostArguments.Parse(new[] { "--dr-lab", "--port", "1" }).Error);
            Assert.Contains("--mm2-config needs --dr-lab", HostArguments.Parse(new[] { "--mm2-config", "x" }).Error);
            Assert.Contains("both 9000", HostArguments.Parse(new[] { "--dr-lab", "--primary-port", "9000", "--dr-port", "9000" }).Error);
            Assert.Contains("'x'", HostArguments.Parse(new[] { "--dr-lab", "--dr-port", "x" }).Error);
            Assert.Contains("not for production", HostArguments.Usage, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void The_host_runs_a_dr_lab_that_mirrors_until_SIGTERM_and_prints_its_addresses()
        {
            using var folder = TestBroker.TempDirectory();
            var config = Path.Combine(folder.Path, "mm2.properties");
            File.WriteAllText(config, DrLabHarness.Properties(new Dictionary<string, string>
            {
                ["primary->dr.topics"] = "test-topic",
                ["refresh.topics.interval.seconds"] = "1",
                ["emit.heartbeats.interval.seconds"] = "1",
            }));
            using var host = HostTests.StartHost($"--dr-lab --mm2-config \"{config}\" --primary-port 0 --dr-port 0 --data \"{Path.Combine(folder.Path, "data")}\"");
            var primaryLine = host.StandardOutput.ReadLine();
            var drLine = host.StandardOutput.ReadLine();
            var mirrorLine = host.StandardOutput.ReadLine();
            Assert.StartsWith("Mm2Dr DR lab: primary cluster 'primary' listening on 127.0.0.1:", primaryLine);
            Assert.StartsWith("Mm2Dr DR lab: DR cluster 'dr' listening on 127.0.0.1:", drLine);
            Assert.Contains("mirroring primary->dr as configured in " + config, mirrorLine);
            var primary = primaryLine!.Substring(primaryLine.LastIndexOf(' ') + 1);
            var dr = drLine!.Substring(drLine.LastIndexOf(' ') + 1);

            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = primary }).Build())
            {
                producer.ProduceAsync("test-topic", new Message<string, string> { Key = "k", Value = "through the host" }).GetAwaiter().GetResult();
            }

            Eventually.True(() => DrLabHarness.EndOffset(dr, "primary.test-topic", 0) == 1, "the record on DR");
            Assert.Equal("through the host", Encoding.UTF8.GetString(DrLabHarness.ReadAll(dr, "primary.test-topic")[0].Single().Message.Value));

            HostTests.SendSigterm(host);
            Assert.True(host.WaitForExit(60000), "the host did not stop on SIGTERM");
            Assert.Equal(0, host.ExitCode);
            Assert.Contains("Mm2Dr DR lab stopped.", host.StandardOutput.ReadToEnd());
            Assert.True(Directory.Exists(Path.Combine(folder.Path, "data", "primary", "topics", "test-topic")), "the primary's data in data/primary");
            Assert.True(Directory.Exists(Path.Combine(folder.Path, "data", "dr", "topics", "mm2-offsets.primary.internal")), "the mirror's position on DR, in data/dr");
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Mm2Dr.Core.Environment;
using Xunit;

namespace Mm2Dr.Tests
{
    public class EnvironmentCmdletTests
    {
        [Fact]
        public void Without_connect_the_environment_is_the_compose_stack()
        {
            using var ps = new PowerShellSession();
            var env = (DrEnvironment)ps.Run("Get-DrEnvironment").ThrowOnError().Output.Single().BaseObject;
            Assert.Equal("localhost:9092", env.Primary.BootstrapServers);
            Assert.Equal("localhost:9093", env.Dr.BootstrapServers);
        }

        [Fact]
        public void Connect_reads_mm2_properties_and_overrides()
        {
            using var ps = new PowerShellSession();
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".properties");
            File.WriteAllText(path, "clusters = east, west\neast.bootstrap.servers = k1:29092\nwest.bootstrap.servers = k2:29093\neast->west.enabled = true\n");
            try
            {
                var env = (DrEnvironment)ps.Run($"Connect-DrEnvironment -Mm2Config '{path}' -DrBootstrapServers 127.0.0.1:19093 -PassThru").ThrowOnError().Output.Single().BaseObject;
                Assert.Equal("east", env.Primary.Alias);
                Assert.Equal("127.0.0.1:19093", env.Dr.BootstrapServers);
                var again = (DrEnvironment)ps.Run("Get-DrEnvironment").Output.Single().BaseObject;
                Assert.Same(env, again);
                var completions = ps.Run("$line = 'Get-KafkaTopic -Cluster w'; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText").Output.Where(o => o != null).Select(o => o.ToString()).ToList();
                Assert.Contains("west", completions);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_malformed_mm2_properties_names_file_and_line()
        {
            using var ps = new PowerShellSession();
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".properties");
            File.WriteAllText(path, "clusters = a, b\njustakey\n");
            try
            {
                var error = ps.Run($"Connect-DrEnvironment -Mm2Config '{path}'").FirstError!;
                Assert.StartsWith("ConfigurationInvalid", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
                Assert.Contains(path + ":2:", error.Exception.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_missing_mm2_properties_is_a_clear_error()
        {
            using var ps = new PowerShellSession();
            var error = ps.Run("Connect-DrEnvironment -Mm2Config ./nope/mm2.properties").FirstError!;
            Assert.StartsWith("ConfigurationInvalid", error.FullyQualifiedErrorId);
            Assert.Contains("does not exist", error.Exception.Message);
        }

        [Fact]
        public void Secrets_never_appear_in_output_verbose_or_errors()
        {
            using var ps = new PowerShellSession();
            var result = ps.Run(
                "Connect-DrEnvironment -PrimaryBootstrapServers 127.0.0.1:1 -PrimaryKafkaConfig @{ 'security.protocol'='SASL_PLAINTEXT'; 'sasl.mechanism'='PLAIN'; 'sasl.username'='ops'; 'sasl.password'='Hunter2-Secret' } -PassThru -Verbose | Format-List * | Out-String -Width 300\n"
                + "Get-DrEnvironment | Format-List * | Out-String -Width 300\n"
                + "(Get-DrEnvironment).Primary | Format-List * | Out-String -Width 300\n"
                + "Get-KafkaTopic -Cluster Primary -TimeoutSec 2 -Verbose -KafkaConfig @{ 'sasl.password'='Other-Secret' }");
            Assert.NotNull(result.FirstError);
            var text = result.AllText + string.Join("\n", result.Errors.Select(e => e.ErrorDetails?.Message + e.TargetObject));
            Assert.DoesNotContain("Hunter2-Secret", text);
            Assert.DoesNotContain("Other-Secret", text);
            Assert.Contains("********", text);
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Mm2Dr.Lab.Tests.Support
{
    /// <summary>Runs Debian's kcat (librdkafka 2.0.2) as an independent client. A missing kcat is a failure, not a skip.</summary>
    internal static class Kcat
    {
        private static string Locate()
        {
            var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "kcat"))
                .FirstOrDefault(File.Exists);
            return path ?? throw new InvalidOperationException(
                "kcat is not installed, and the kcat interoperability tests need it. Install it with: apt-get install -y kcat");
        }

        public static (int ExitCode, string Stdout, string Stderr) Run(string arguments, string? stdin = null, int timeoutMs = 30000)
        {
            var start = new ProcessStartInfo(Locate(), arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin != null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(true);
                throw new TimeoutException($"kcat {arguments} did not finish within {timeoutMs} ms. stderr: {stderr.Result}");
            }

            Task.WaitAll(stdout, stderr);
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}

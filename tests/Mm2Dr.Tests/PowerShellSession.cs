using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Mm2Dr.Tests
{
    /// <summary>A runspace with the module imported from the test's bin folder, and every stream captured per call.</summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellSession()
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            var dll = Path.Combine(AppContext.BaseDirectory, "Mm2Dr.dll");
            var format = Path.Combine(AppContext.BaseDirectory, "Mm2Dr.Format.ps1xml");
            Run($"Import-Module '{dll}' -ErrorAction Stop; Update-FormatData -PrependPath '{format}'").ThrowOnError();
        }

        public Result Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            if (variables != null)
            {
                foreach (var kv in variables)
                {
                    _runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
                }
            }

            ps.AddScript(script);
            Collection<PSObject> output;
            Exception? terminating = null;
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                output = new Collection<PSObject>();
                terminating = ex;
            }

            return new Result(
                output.ToList(),
                ps.Streams.Error.ToList(),
                ps.Streams.Warning.Select(w => w.Message).ToList(),
                ps.Streams.Verbose.Select(v => v.Message).ToList(),
                terminating);
        }

        /// <summary>Starts a script without waiting, as a user's long-running command; stop it like Ctrl+C with <see cref="Running.Stop"/>.</summary>
        public Running Start(string script, IDictionary<string, object?>? variables = null)
        {
            if (variables != null)
            {
                foreach (var kv in variables)
                {
                    _runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
                }
            }

            var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            var handle = ps.BeginInvoke<PSObject, PSObject>(null, output);
            return new Running(ps, output, handle);
        }

        /// <summary>
        /// Starts a script without waiting for it, for tests of long-running commands and Ctrl+C (PowerShell.Stop). The caller
        /// watches <c>Output</c>, then stops and disposes the returned shell.
        /// </summary>
        public (PowerShell Shell, PSDataCollection<PSObject> Output, IAsyncResult Running) StartPipeline(string script)
        {
            var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            var output = new PSDataCollection<PSObject>();
            var running = ps.BeginInvoke<PSObject, PSObject>(null, output);
            return (ps, output, running);
        }

        public void Dispose() => _runspace.Dispose();

        public sealed class Running : IDisposable
        {
            private readonly PowerShell _ps;
            private readonly IAsyncResult _handle;

            public Running(PowerShell ps, PSDataCollection<PSObject> output, IAsyncResult handle)
            {
                _ps = ps;
                Output = output;
                _handle = handle;
            }

            public PSDataCollection<PSObject> Output { get; }

            public PSDataCollection<ErrorRecord> Errors => _ps.Streams.Error;

            public bool IsCompleted => _handle.IsCompleted;

            /// <summary>What Ctrl+C does: StopProcessing on the running cmdlet; returns once the pipeline has stopped.</summary>
            public void Stop() => _ps.Stop();

            public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (!condition())
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        return false;
                    }

                    System.Threading.Thread.Sleep(20);
                }

                return true;
            }

            public void Dispose() => _ps.Dispose();
        }

        public sealed class Result
        {
            public Result(List<PSObject> output, List<ErrorRecord> errors, List<string> warnings, List<string> verbose, Exception? terminating)
            {
                Output = output;
                Errors = errors;
                Warnings = warnings;
                Verbose = verbose;
                Terminating = terminating;
            }

            public List<PSObject> Output { get; }

            public List<ErrorRecord> Errors { get; }

            public List<string> Warnings { get; }

            public List<string> Verbose { get; }

            public Exception? Terminating { get; }

            /// <summary>The terminating error's record, else the first non-terminating one.</summary>
            public ErrorRecord? FirstError => (Terminating as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();

            public Result ThrowOnError()
            {
                if (Terminating != null || Errors.Count > 0)
                {
                    throw new InvalidOperationException("PowerShell reported: " + (FirstError?.ToString() ?? Terminating?.Message));
                }

                return this;
            }

            public string AllText => string.Join("\n", Output.Select(o => o?.ToString()))
                + "\n" + string.Join("\n", Errors.Select(e => e.ToString() + " " + e.Exception?.Message))
                + "\n" + string.Join("\n", Warnings) + "\n" + string.Join("\n", Verbose) + "\n" + Terminating?.Message;
        }
    }
}

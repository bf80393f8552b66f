using System;
using System.IO;
using System.Management.Automation;
using Mm2Dr.Base;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Lab;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Starts the seed's whole stack in this process: a primary and a DR lab broker and the lab mirror (a stand-in for
    /// MirrorMaker 2) driven by mm2.properties, and makes it the session's DR environment.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "DrLab")]
    [OutputType(typeof(DrLabInfo))]
    public sealed class StartDrLabCommand : Mm2DrCmdlet
    {
        /// <summary>Where the repository keeps the file the real stack mounts.</summary>
        public const string DefaultConfigPath = "mirror-maker-config/mm2.properties";

        [Parameter(Position = 0)]
        [Alias("Path", "ConfigPath")]
        [ValidateNotNullOrEmpty]
        public string? Mm2Config { get; set; }

        /// <summary>0 picks a free port; 9092 mimics the compose stack.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int PrimaryPort { get; set; }

        /// <summary>0 picks a free port; 9093 mimics the compose stack.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int DrPort { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPath { get; set; }

        /// <summary>How long to wait for the mirror to set itself up before returning (it keeps trying after).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void Process()
        {
            var running = Session.DrLab;
            if (running != null && !running.IsDisposed)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"A DR lab already runs in this session (primary at {running.Primary.BootstrapServers}, DR at {running.Dr.BootstrapServers}). Stop it with Stop-DrLab first."),
                    ErrorIds.DrLabFailed, ErrorCategory.ResourceExists, running.Environment.Primary.Alias + "->" + running.Environment.Dr.Alias));
            }

            if (PrimaryPort != 0 && PrimaryPort == DrPort)
            {
                ThrowInvalidArgument($"-PrimaryPort and -DrPort are both {PrimaryPort}; the clusters need different ports.", PrimaryPort);
            }

            var options = new DrLabOptions
            {
                Mm2ConfigPath = ConfigPath(),
                PrimaryPort = PrimaryPort,
                DrPort = DrPort,
                DataDirectory = DataPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath),
            };
            WriteVerbose($"Starting a DR lab from {options.Mm2ConfigPath ?? DrLab.BuiltInConfigSource}{(options.DataDirectory != null ? $", data in {options.DataDirectory}" : ", in memory only")}.");

            DrLab lab;
            try
            {
                lab = DrLab.Start(options);
            }
            catch (Mm2DrException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.From(ex));
                return;
            }

            Session.BeginDrLab(lab);
            WriteVerbose($"DR lab: '{lab.Environment.Primary.Alias}' at {lab.Primary.BootstrapServers}, '{lab.Environment.Dr.Alias}' at {lab.Dr.BootstrapServers}; it is now the session's DR environment.");

            ShowProgress(new InspectionProgress("Starting the DR lab", "waiting for the mirror to create MM2's topics and find the topics to replicate", null));
            try
            {
                if (!lab.Mirror.WaitUntilReady(TimeSpan.FromSeconds(TimeoutSec), Cancellation))
                {
                    var last = lab.Mirror.Status().LastError;
                    WriteWarning($"The mirror has not finished setting up within {TimeoutSec} s{(last != null ? ": " + last : ".")} It keeps trying; Get-DrLab shows its state.");
                }
            }
            finally
            {
                CompleteProgress();
            }

            foreach (var warning in lab.Warnings)
            {
                WriteWarning(warning);
            }

            WriteObject(lab.Snapshot());
        }

        /// <summary>-Mm2Config, else the repository's file under the current folder, else (null) the built-in copy of it.</summary>
        private string? ConfigPath()
        {
            if (Mm2Config == null)
            {
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DefaultConfigPath);
                return File.Exists(local) ? local : null;
            }

            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Mm2Config);
            if (!File.Exists(resolved))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException($"The MM2 configuration '{resolved}' does not exist. Expected the path of an mm2.properties file.", resolved),
                    ErrorIds.ConfigurationInvalid, ErrorCategory.ObjectNotFound, resolved));
            }

            return resolved;
        }
    }
}

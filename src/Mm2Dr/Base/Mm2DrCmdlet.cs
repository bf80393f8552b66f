using System;
using System.Management.Automation;
using System.Threading;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Inspection;
using Mm2Dr.Core.Kafka;
using Mm2Dr.Session;

namespace Mm2Dr.Base
{
    /// <summary>
    /// Base of every Mm2Dr cmdlet: turns Ctrl+C (StopProcessing) into a CancellationToken, turns core exceptions
    /// into ErrorRecords with stable ids, and writes librdkafka's queued messages on the pipeline thread.
    /// </summary>
    public abstract class Mm2DrCmdlet : PSCmdlet, IDisposable
    {
        private const int ProgressId = 4711;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        protected CancellationToken Cancellation => _stop.Token;

        internal ModuleSession Session => ModuleSession.Current;

        protected sealed override void BeginProcessing() => Guarded(Begin);

        protected sealed override void ProcessRecord() => Guarded(Process);

        protected sealed override void EndProcessing() => Guarded(End);

        protected virtual void Begin()
        {
        }

        protected virtual void Process()
        {
        }

        protected virtual void End()
        {
        }

        protected override void StopProcessing()
        {
            // Called on another thread while Process() runs; the core polls the token and unwinds cleanly.
            _stop.Cancel();
        }

        /// <summary>Writes a per-item failure and carries on, or ends the command when nothing else can succeed.</summary>
        protected void Report(Mm2DrException ex)
        {
            var record = ErrorRecordFactory.From(ex);
            if (ErrorRecordFactory.IsTerminating(ex))
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>Writes what librdkafka said on its own threads; only ever called from the pipeline thread.</summary>
        protected void WriteDiagnostics(KafkaClientDiagnostics diagnostics)
        {
            while (diagnostics.TryDequeue(out var message))
            {
                WriteVerbose(message);
            }
        }

        protected void ThrowInvalidArgument(string message, object? target)
            => ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(message, target));

        /// <summary>Refuses a zero or negative duration parameter (the duration transformation accepts any number).</summary>
        protected void RequirePositive(TimeSpan? value, string parameterName)
        {
            if (value.HasValue && value.Value <= TimeSpan.Zero)
            {
                ThrowInvalidArgument($"-{parameterName} must be positive; got {value}.", value);
            }
        }

        /// <summary>The core reports progress on this (the pipeline) thread, so it can go straight to WriteProgress.</summary>
        protected void ShowProgress(InspectionProgress progress)
        {
            var record = new ProgressRecord(ProgressId, progress.Activity, string.IsNullOrEmpty(progress.Status) ? "..." : progress.Status);
            if (progress.Fraction.HasValue)
            {
                record.PercentComplete = (int)Math.Round(Math.Min(1.0, Math.Max(0.0, progress.Fraction.Value)) * 100);
            }

            WriteProgress(record);
        }

        protected void CompleteProgress() => WriteProgress(new ProgressRecord(ProgressId, "Mm2Dr", "Done") { RecordType = ProgressRecordType.Completed });

        private void Guarded(Action action)
        {
            try
            {
                action();
            }
            catch (Mm2DrException ex)
            {
                Report(ex);
            }
            catch (ConfigurationException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.From(ex));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, ex.ParamName));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell itself reports the stop; nothing to add.
            }
        }

        /// <summary>Releases clients the command kept across Begin/Process/End; PowerShell calls Dispose when the pipeline ends.</summary>
        protected virtual void DisposeResources()
        {
        }

        public void Dispose()
        {
            DisposeResources();
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}

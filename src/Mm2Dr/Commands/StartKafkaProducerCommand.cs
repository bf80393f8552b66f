using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using Mm2Dr.Base;
using Mm2Dr.Completion;
using Mm2Dr.Conversion;
using Mm2Dr.Core.Errors;
using Mm2Dr.Core.Produce;
using Mm2Dr.Core.Serialization;

namespace Mm2Dr.Commands
{
    /// <summary>
    /// Produces messages, from the pipeline (each object one message: strings as-is, objects as JSON) or from a
    /// generator (-Count/-Duration at -Rate). Ends with a summary; failed deliveries are reported, never dropped.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "KafkaProducer", DefaultParameterSetName = "Pipeline")]
    [OutputType(typeof(ProduceSummary), typeof(DeliveryResult))]
    public sealed class StartKafkaProducerCommand : KafkaCmdlet
    {
        private const int MaxErrorsWritten = 20;
        private MessageProducer? _producer;
        private IReadOnlyList<KeyValuePair<string, byte[]>>? _headers;
        private byte[]? _key;
        private int _errorsWritten;
        private DateTime _nextProgress;

        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(TopicNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Topic { get; set; } = "";

        [Parameter(ParameterSetName = "Pipeline", ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyString]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Key { get; set; }

        [Parameter(ParameterSetName = "Pipeline")]
        [ValidateNotNullOrEmpty]
        public string? KeyProperty { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Header { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Partition { get; set; }

        [Parameter(ParameterSetName = "Generator")]
        [ValidateRange(0, long.MaxValue)]
        public long Count { get; set; } = -1;

        [Parameter(ParameterSetName = "Generator")]
        [DurationTransformation]
        public TimeSpan? Duration { get; set; }

        [Parameter(ParameterSetName = "Generator")]
        [ValidateRange(0.001, 10000000)]
        public double Rate { get; set; }

        [Parameter(ParameterSetName = "Generator")]
        [ValidateRange(0, GeneratorOptions.MaxMessageSize)]
        public int MessageSize { get; set; } = 100;

        /// <summary>Makes each generated value; $_ (and $args[0]) is the 0-based message number.</summary>
        [Parameter(ParameterSetName = "Generator")]
        [ValidateNotNull]
        public ScriptBlock? Value { get; set; }

        [Parameter]
        [ValidateSet("none", "gzip", "snappy", "lz4", "zstd")]
        public string Compression { get; set; } = "none";

        [Parameter]
        [ValidateSet("all", "1", "0")]
        public string Acks { get; set; } = "all";

        [Parameter]
        public SwitchParameter NoIdempotence { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int DeliveryTimeoutSec { get; set; } = 30;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Begin()
        {
            if (ParameterSetName == "Generator" && Count < 0 && Duration == null)
            {
                ThrowInvalidArgument("Generator mode needs -Count or -Duration (or both).", null);
            }

            if (KeyProperty != null && Key != null)
            {
                ThrowInvalidArgument("Use -Key or -KeyProperty, not both.", KeyProperty);
            }

            var cluster = ResolveCluster();
            var options = new ProducerOptions(Topic)
            {
                Acks = Acks,
                Compression = Compression,
                Idempotence = !NoIdempotence && (Acks == "all"),
                DeliveryTimeout = TimeSpan.FromSeconds(DeliveryTimeoutSec),
                ReportEveryDelivery = PassThru,
            };
            // Fail fast, naming the bootstrap, when the cluster is down now; an outage that starts mid-run is
            // ridden out instead, within -DeliveryTimeoutSec, as a producer in a DR drill must.
            using (var admin = OpenAdmin(cluster))
            {
                var metadata = admin.GetMetadata();
                WriteDiagnostics(admin.Diagnostics);
                if (!metadata.Topics.Exists(t => t.Topic == Topic && t.Partitions.Count > 0))
                {
                    WriteVerbose($"Topic '{Topic}' does not exist on '{cluster.Alias}' yet; the broker creates it on first produce if auto.create.topics.enable is on.");
                }
            }

            _headers = Header == null ? null : HeaderBytes(Header);
            _key = Key == null ? null : Encoding.UTF8.GetBytes(Key);
            _producer = new MessageProducer(cluster, options);
            Session.Names.AddTopic(cluster.BootstrapServers, Topic);
        }

        protected override void Process()
        {
            if (ParameterSetName != "Pipeline" || _producer == null || !MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)))
            {
                return;
            }

            var key = _key;
            if (KeyProperty != null)
            {
                var property = InputObject?.Properties[KeyProperty];
                if (property == null)
                {
                    WriteError(new ErrorRecord(
                        new ArgumentException($"The input object has no property '{KeyProperty}' for -KeyProperty; it was not sent."),
                        ErrorIds.InvalidArgument, ErrorCategory.InvalidData, InputObject));
                    return;
                }

                key = MessageSerializer.ToBytes(PowerShellValues.ToPlain(property.Value));
            }

            byte[]? value;
            try
            {
                value = MessageSerializer.ToBytes(PowerShellValues.ToPlain(InputObject));
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is NotSupportedException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.SerializationFailed, ErrorCategory.InvalidData, InputObject));
                return;
            }

            _producer.Send(new OutgoingMessage(key, value, _headers, Partition), Cancellation);
            DrainReports();
            if (DateTime.UtcNow >= _nextProgress)
            {
                _nextProgress = DateTime.UtcNow.AddMilliseconds(500);
                WriteProgress(new ProgressRecord(1, $"Producing to {Topic}", $"{_producer.Sent} sent, {_producer.Delivered} delivered, {_producer.Failed} failed"));
            }
        }

        protected override void End()
        {
            if (_producer == null)
            {
                return;
            }

            if (ParameterSetName == "Generator")
            {
                RunGenerator(_producer);
            }

            var summary = _producer.Complete(TimeSpan.FromSeconds(DeliveryTimeoutSec + 5), Cancellation);
            DrainReports();
            WriteDiagnostics(_producer.Diagnostics);
            WriteProgress(new ProgressRecord(1, $"Producing to {Topic}", "done") { RecordType = ProgressRecordType.Completed });
            if (summary.Failed > 0 || summary.Unconfirmed > 0)
            {
                var lost = _producer.DroppedFailureReports > 0 ? $" ({_errorsWritten} shown, {_producer.DroppedFailureReports} more not itemized)" : string.Empty;
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"{summary.Failed} of {summary.Sent} message(s) failed and {summary.Unconfirmed} were not confirmed on topic '{Topic}' at cluster '{summary.Cluster}' ({summary.BootstrapServers}){lost}. First error: {summary.FirstError}"),
                    ErrorIds.DeliveryFailed, ErrorCategory.WriteError, Topic));
            }

            WriteObject(summary);
        }

        private void RunGenerator(MessageProducer producer)
        {
            var options = new GeneratorOptions
            {
                Count = Count >= 0 ? Count : (long?)null,
                Duration = Duration,
                Rate = Rate > 0 ? Rate : (double?)null,
                MessageSize = MessageSize,
                Key = _key,
                Headers = _headers,
                Partition = Partition,
            };
            if (Value != null)
            {
                var script = Value;
                options.ValueFactory = i =>
                {
                    var variables = new List<PSVariable> { new PSVariable("_", i) };
                    var output = script.InvokeWithContext(null, variables, i);
                    object? result = output.Count == 0 ? null : output.Count == 1 ? output[0] : output;
                    return MessageSerializer.ToBytes(PowerShellValues.ToPlain(result));
                };
            }

            MessageGenerator.Run(
                producer,
                options,
                p =>
                {
                    var status = $"{p.Sent} sent, {p.Delivered} delivered, {p.Failed} failed, {p.MessagesPerSecond:0} msg/s";
                    var record = new ProgressRecord(1, $"Producing to {Topic}", status);
                    if (p.PercentComplete >= 0)
                    {
                        record.PercentComplete = p.PercentComplete;
                    }

                    WriteProgress(record);
                    WriteDiagnostics(producer.Diagnostics);
                },
                WriteDelivery,
                Cancellation);
        }

        private void DrainReports() => _producer?.DrainReports(WriteDelivery);

        private void WriteDelivery(DeliveryResult report)
        {
            if (!report.Delivered)
            {
                if (_errorsWritten++ < MaxErrorsWritten)
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException($"Delivery to topic '{report.Topic}' failed: {report.Error} ({report.ErrorCode})."),
                        ErrorIds.DeliveryFailed, ErrorCategory.WriteError, report.Partition >= 0 ? (object)$"{report.Topic}[{report.Partition}]" : report.Topic));
                }
            }

            if (PassThru)
            {
                WriteObject(report);
            }
        }

        private static IReadOnlyList<KeyValuePair<string, byte[]>> HeaderBytes(Hashtable header)
        {
            var list = new List<KeyValuePair<string, byte[]>>();
            foreach (DictionaryEntry entry in header)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Length == 0)
                {
                    throw new ArgumentException("-Header has an empty name.", nameof(Header));
                }

                var bytes = MessageSerializer.ToBytes(PowerShellValues.ToPlain(entry.Value)) ?? Array.Empty<byte>();
                list.Add(new KeyValuePair<string, byte[]>(name, bytes));
            }

            return list;
        }

        protected override void DisposeResources()
        {
            _producer?.Dispose();
            _producer = null;
        }
    }
}

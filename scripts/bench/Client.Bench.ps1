<#
.SYNOPSIS
    Producer and reader throughput of the module against a raw Confluent.Kafka loop and kcat, on one embedded
    broker, in one run. Prints figures and ratios; it is a benchmark, not a test (nothing here passes or fails).

.DESCRIPTION
    1 KiB records, the same topic layout and producer settings (acks=all, idempotence, linger 5 ms) for:
      - Start-KafkaProducer -Count (generator mode, produces inside the module)
      - a raw Confluent.Kafka producer loop compiled in this process
      - kcat -P from Debian's packages
    Then pipeline mode (1..N | Start-KafkaProducer) and Read-KafkaTopic | Measure-Object, with the process's
    memory sampled while reading (a stream must stay flat).

.EXAMPLE
    ./build.sh bench
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [ValidateSet('Lab', 'Mock')] [string] $Engine = 'Lab',
    [int] $Count = 200000,
    [int] $MessageSize = 1024,
    [int] $Partitions = 8,
    [int] $PipelineCount = 100000
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path -Force
$moduleDir = Split-Path (Get-Module Mm2Dr).Path

if (-not ('RawConfluentProducer' -as [type])) {
    Add-Type -ReferencedAssemblies (Join-Path $moduleDir 'Confluent.Kafka.dll'), netstandard, System.Runtime, System.Collections, System.Linq, System.Threading, System.Threading.Thread, System.Diagnostics.Process, System.ComponentModel.Primitives -TypeDefinition @'
using System;
using System.Diagnostics;
using System.Threading;
using Confluent.Kafka;

public static class RawConfluentProducer
{
    // The baseline: the tightest loop a C# author would write with Confluent.Kafka.
    public static double Run(string bootstrap, string topic, int count, int size)
    {
        var config = new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5 };
        config.Set("dotnet.producer.delivery.report.fields", "status");
        var value = new byte[size];
        for (var i = 0; i < size; i++) value[i] = (byte)('a' + (i % 26));
        long failed = 0;
        Action<DeliveryReport<Null, byte[]>> handler = r => { if (r.Error.IsError) Interlocked.Increment(ref failed); };
        using (var producer = new ProducerBuilder<Null, byte[]>(config).Build())
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                while (true)
                {
                    try { producer.Produce(topic, new Message<Null, byte[]> { Value = value }, handler); break; }
                    catch (ProduceException<Null, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull) { Thread.Sleep(1); }
                }
            }
            producer.Flush(TimeSpan.FromMinutes(2));
            clock.Stop();
            if (failed > 0) throw new InvalidOperationException(failed + " raw deliveries failed");
            return count / clock.Elapsed.TotalSeconds;
        }
    }
}

public static class RawConfluentConsumer
{
    // The reading baseline: assign every partition from the beginning and consume to the end.
    public static double Run(string bootstrap, string topic, int partitions, out long read)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "raw-" + Guid.NewGuid(), EnablePartitionEof = true, EnableAutoCommit = false };
        read = 0;
        using (var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build())
        {
            var clock = Stopwatch.StartNew();
            var assignment = new System.Collections.Generic.List<TopicPartitionOffset>();
            for (var p = 0; p < partitions; p++) assignment.Add(new TopicPartitionOffset(topic, p, Offset.Beginning));
            consumer.Assign(assignment);
            var eof = 0;
            while (eof < partitions)
            {
                var r = consumer.Consume(TimeSpan.FromSeconds(5));
                if (r == null) break;
                if (r.IsPartitionEOF) { eof++; continue; }
                read++;
            }
            clock.Stop();
            consumer.Close();
            return read / clock.Elapsed.TotalSeconds;
        }
    }
}

/// <summary>Samples the process's working set on a timer thread, so the reading pipeline is not disturbed.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler(int periodMs)
    {
        _timer = new Timer(_ =>
        {
            var ws = Process.GetCurrentProcess().WorkingSet64;
            long seen;
            while (ws > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, ws, seen) != seen) { }
        }, null, 0, periodMs);
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();
}
'@
}

function New-BenchTopic([string] $Name) {
    if ($Engine -eq 'Mock') { $cluster.CreateTopic($Name, $Partitions) }
    else { New-KafkaTopic -Name $Name -Partitions $Partitions -ReplicationFactor 1 | Out-Null }
    return $Name
}

function Format-Rate([double] $r) { '{0,12:N0} msg/s' -f $r }

if ($Engine -eq 'Mock') {
    $cluster = [Mm2Dr.Core.Embedded.RdKafkaMockCluster]::Start(1)
    $bootstrap = $cluster.BootstrapServers
    Write-Host "Engine: librdkafka mock cluster at $bootstrap (keeps only 5 MiB per partition: read figures cover what it kept)"
}
else {
    $cluster = Start-KafkaLabCluster -Name bench
    $bootstrap = $cluster.BootstrapServers
    Write-Host "Engine: Mm2Dr lab broker at $bootstrap"
}
Connect-DrEnvironment -PrimaryBootstrapServers $bootstrap -DrBootstrapServers $bootstrap

try {
    $results = [ordered]@{}

    $t = New-BenchTopic 'bench-generator'
    $s = Start-KafkaProducer -Topic $t -Count $Count -MessageSize $MessageSize
    if ($s.Failed -gt 0) { throw "generator mode lost $($s.Failed) messages" }
    $results['Start-KafkaProducer -Count (generator)'] = $s.Sent / $s.Elapsed.TotalSeconds

    $t = New-BenchTopic 'bench-raw'
    $results['raw Confluent.Kafka loop'] = [RawConfluentProducer]::Run($bootstrap, $t, $Count, $MessageSize)

    $t = New-BenchTopic 'bench-kcat'
    $file = [IO.Path]::GetTempFileName()
    $line = 'k' * ($MessageSize - 1)
    [IO.File]::WriteAllLines($file, [string[]] (, $line * $Count))
    $clock = [Diagnostics.Stopwatch]::StartNew()
    & kcat -b $bootstrap -P -t $t -l -X acks=all -X enable.idempotence=true -X linger.ms=5 $file
    if ($LASTEXITCODE -ne 0) { throw "kcat -P failed with exit code $LASTEXITCODE" }
    $clock.Stop()
    Remove-Item $file
    $kcatCount = (Get-KafkaTopic -Name $t).EndOffsetSum
    $results['kcat -P'] = $kcatCount / $clock.Elapsed.TotalSeconds

    $t = New-BenchTopic 'bench-pipeline'
    # Warm up pipeline mode (JIT and PowerShell's binding caches) like every other path measured here.
    1..10000 | Start-KafkaProducer -Topic $t | Out-Null
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $s = 1..$PipelineCount | Start-KafkaProducer -Topic $t
    $clock.Stop()
    $results['1..N | Start-KafkaProducer (pipeline)'] = $s.Delivered / $clock.Elapsed.TotalSeconds

    # Warm up the reading path (JIT) on a small topic, as the raw loop below runs warm too.
    $warm = New-BenchTopic 'bench-warmup'
    Start-KafkaProducer -Topic $warm -Count 20000 -MessageSize $MessageSize | Out-Null
    (Read-KafkaTopic -Topic $warm | Measure-Object).Count | Out-Null

    # Read the generator's topic back through the pipeline while sampling memory.
    $process = [Diagnostics.Process]::GetCurrentProcess()
    [GC]::Collect()
    $process.Refresh()
    $before = $process.WorkingSet64
    $sampler = [MemorySampler]::new(50)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $read = (Read-KafkaTopic -Topic bench-generator -Timeout 5 | Measure-Object).Count
    $clock.Stop()
    $sampler.Dispose()
    $results['Read-KafkaTopic | Measure-Object'] = $read / $clock.Elapsed.TotalSeconds
    $rawRead = 0L
    $results['raw Confluent.Kafka consume loop'] = [RawConfluentConsumer]::Run($bootstrap, 'bench-generator', $Partitions, [ref] $rawRead)
    $peak = [Math]::Max($before, $sampler.Peak)

    Write-Host ''
    Write-Host ("{0} messages of {1} bytes, {2} partitions" -f $Count, $MessageSize, $Partitions)
    foreach ($k in $results.Keys) { Write-Host ('{0,-42} {1}' -f $k, (Format-Rate $results[$k])) }
    $raw = $results['raw Confluent.Kafka loop']
    Write-Host ''
    Write-Host ('generator / raw Confluent.Kafka = {0:N2}  (target >= 0.80)' -f ($results['Start-KafkaProducer -Count (generator)'] / $raw))
    Write-Host ('generator / kcat -P               = {0:N2}' -f ($results['Start-KafkaProducer -Count (generator)'] / $results['kcat -P']))
    Write-Host ('pipeline mode                     = {0:N0} msg/s (target >= 50,000)' -f $results['1..N | Start-KafkaProducer (pipeline)'])
    Write-Host ('Read-KafkaTopic into the pipeline = {0:N0} msg/s for {1:N0} messages (target >= 100,000)' -f $results['Read-KafkaTopic | Measure-Object'], $read)
    Write-Host ('Read-KafkaTopic / raw consume loop = {0:N2}' -f ($results['Read-KafkaTopic | Measure-Object'] / $results['raw Confluent.Kafka consume loop']))
    Write-Host ('memory while reading: {0:N0} MB before, {1:N0} MB peak ({2:N0} MB of data read)' -f ($before / 1MB), ($peak / 1MB), ($read * $MessageSize / 1MB))
}
finally {
    if ($Engine -eq 'Mock') { $cluster.Dispose() } else { Stop-KafkaLabCluster -Name bench -Confirm:$false }
}

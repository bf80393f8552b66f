<#
.SYNOPSIS
    Benchmark (figures, not pass/fail) of reading and translating a big checkpoints topic: the core alone (Mm2Bench:
    decoding and one-pass translation in memory, then over the wire) and end to end through Get-OffsetSync.

.DESCRIPTION
    The checkpoints topic holds -Groups x -Partitions records (10,000 x 100 = 1,000,000 by default: every group has
    committed on every partition of 10 topics). By default both clusters are lab brokers started here (-Engine Lab),
    which keep the whole topic. -Engine Mock uses librdkafka's mock clusters instead: they keep only about 5 MiB per
    partition, so only the newest records survive and the figures say how many. -PrimaryBootstrapServers and
    -DrBootstrapServers point the benchmark at any other test cluster.

    Targets: the core decodes at least 1,000,000 records/s; the one-read translation of 1,000,000 records end to end
    takes less than 10 s.

.EXAMPLE
    ./build.sh bench
.EXAMPLE
    dotnet pwsh scripts/bench/Get-OffsetSync.bench.ps1 -ModulePath out/Mm2Dr/Mm2Dr.psd1 -PrimaryBootstrapServers 127.0.0.1:19092 -DrBootstrapServers 127.0.0.1:19093
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $PrimaryBootstrapServers,
    [string] $DrBootstrapServers,
    [ValidateRange(1, 1000000)] [int] $Groups = 10000,
    [ValidateRange(10, 1000)] [int] $Partitions = 100,
    [ValidateSet('Lab', 'Mock')] [string] $Engine = 'Lab',
    [switch] $SkipCore
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Resolve-Path $ModulePath).Path -Force
$bench = Join-Path $PSScriptRoot 'Mm2Bench/Mm2Bench.csproj'
$topicCount = [Math]::Max(1, [int]($Partitions / 10))   # Mm2Bench's layout: 10 partitions per topic, topic-00, topic-01, ...
$perTopic = [int]($Partitions / $topicCount)

if (-not $SkipCore) {
    Write-Host "== Core alone (Mm2Bench): decode, last-wins and translation of all groups, in memory and over the wire" -ForegroundColor Cyan
    $coreLab = $null
    $wire = if ($DrBootstrapServers) { @('--bootstrap', $DrBootstrapServers) } else { @() }
    if (-not $DrBootstrapServers -and $Engine -eq 'Lab') {
        # A broker of its own: Mm2Bench writes the whole topic, which the end-to-end part below writes again.
        $coreLab = Start-KafkaLabCluster -Name bench-core
        $wire = @('--bootstrap', $coreLab.BootstrapServers)
    }
    try {
        & dotnet run -c Release --project $bench -- --groups $Groups --partitions $Partitions --iterations 3 @wire
        if ($LASTEXITCODE -ne 0) { throw "Mm2Bench failed with exit code $LASTEXITCODE." }
    }
    finally {
        if ($coreLab) { Stop-KafkaLabCluster -Name bench-core -Confirm:$false }
    }
}

Write-Host "`n== End to end: Get-OffsetSync over $($Groups.ToString('N0')) groups x $Partitions partitions" -ForegroundColor Cyan
$mocks = @()
$labs = @()
try {
    if (-not $DrBootstrapServers -and $Engine -eq 'Lab') {
        $labs = @((Start-KafkaLabCluster -Name bench-primary), (Start-KafkaLabCluster -Name bench-dr))
        $PrimaryBootstrapServers = $labs[0].BootstrapServers
        $DrBootstrapServers = $labs[1].BootstrapServers
        Write-Host "   clusters: two lab brokers ($PrimaryBootstrapServers, $DrBootstrapServers)"
    }

    if (-not $DrBootstrapServers) {
        $primaryMock = [Mm2Dr.Core.Embedded.RdKafkaMockCluster]::Start(1)
        $drMock = [Mm2Dr.Core.Embedded.RdKafkaMockCluster]::Start(1)
        $mocks = @($primaryMock, $drMock)
        $PrimaryBootstrapServers = $primaryMock.BootstrapServers
        $DrBootstrapServers = $drMock.BootstrapServers
        Write-Host "   clusters: two librdkafka mock clusters ($PrimaryBootstrapServers, $DrBootstrapServers); each partition keeps about 5 MiB"
    }
    elseif (-not $PrimaryBootstrapServers) {
        throw 'Give -PrimaryBootstrapServers with -DrBootstrapServers.'
    }

    Connect-DrEnvironment -PrimaryBootstrapServers $PrimaryBootstrapServers -DrBootstrapServers $DrBootstrapServers
    $topics = 0..($topicCount - 1) | ForEach-Object { 'topic-{0:D2}' -f $_ }
    if ($mocks) {
        $drMock.CreateTopic('primary.checkpoints.internal', 1)
        $primaryMock.CreateTopic('mm2-offset-syncs.dr.internal', 1)
        foreach ($t in $topics) { $primaryMock.CreateTopic($t, $perTopic); $drMock.CreateTopic("primary.$t", $perTopic) }
    }
    else {
        New-KafkaTopic -Name primary.checkpoints.internal -Cluster DR -Partitions 1 -Config @{ 'cleanup.policy' = 'compact' } -ErrorAction SilentlyContinue
        foreach ($t in $topics) {
            New-KafkaTopic -Name $t -Cluster Primary -Partitions $perTopic -ErrorAction SilentlyContinue
            New-KafkaTopic -Name "primary.$t" -Cluster DR -Partitions $perTopic -ErrorAction SilentlyContinue
        }
    }

    & dotnet run -c Release --project $bench -- --fill --bootstrap $DrBootstrapServers --groups $Groups --partitions $Partitions
    if ($LASTEXITCODE -ne 0) { throw "Mm2Bench --fill failed with exit code $LASTEXITCODE." }
    $checkpoints = (Get-KafkaTopic -Name primary.checkpoints.internal -Cluster DR).Partitions[0]
    $retained = $checkpoints.HighWatermark - $checkpoints.LowWatermark
    Write-Host ("   checkpoints topic: offsets {0:N0}..{1:N0} retained = {2:N0} of {3:N0} records" -f $checkpoints.LowWatermark, $checkpoints.HighWatermark, $retained, ($Groups * $Partitions))

    # The groups whose checkpoints the cluster kept (Mm2Bench writes group after group), by exact name: no group listing
    # (the mock cannot), as a runbook that knows its groups would call it.
    $first = [int][Math]::Floor($checkpoints.LowWatermark / $Partitions)
    $names = $first..($Groups - 1) | ForEach-Object { 'group-{0:D5}' -f $_ }
    Write-Host ("   groups asked for: {0:N0} (group-{1:D5} and after)" -f $names.Count, $first)

    $environment = Get-DrEnvironment
    foreach ($run in 1..2) {
        [GC]::Collect()
        # Each step's start comes from the progress reports, so the figures say where the time goes.
        $steps = [System.Collections.Generic.List[object]]::new()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $progress = [Action[Mm2Dr.Core.Inspection.InspectionProgress]] {
            param($p)
            if ($steps.Count -eq 0 -or $steps[-1].Activity -ne $p.Activity) { $steps.Add([pscustomobject]@{ Activity = $p.Activity; Start = $clock.Elapsed.TotalSeconds }) }
        }.GetNewClosure()
        $context = [Mm2Dr.Core.Inspection.InspectionContext]::Open($environment, [TimeSpan]::FromSeconds(60), [TimeSpan]::FromMinutes(10), [Threading.CancellationToken]::None, $null)
        try {
            $report = [Mm2Dr.Core.Inspection.OffsetSyncInspector]::Inspect($context, [Mm2Dr.Core.Inspection.OffsetSyncQuery]@{ Groups = [string[]] $names }, $progress)
        }
        finally {
            $context.Dispose()
        }
        $seconds = $clock.Elapsed.TotalSeconds
        Write-Host ("   core alone, run {0}: {1:N0} rows in {2:F2} s = {3:N0} checkpoints/s (read, committed offsets on both clusters, analysis)" -f $run, $report.Rows.Count, $seconds, ($report.Rows.Count / $seconds))
        $marks = @([pscustomobject]@{ Activity = 'Opening clients, DR metadata'; Start = 0.0 }) + $steps + @([pscustomobject]@{ Activity = 'end'; Start = $seconds })
        for ($i = 0; $i -lt $marks.Count - 1; $i++) {
            Write-Host ("      {0,6:F2} s  {1}" -f ($marks[$i + 1].Start - $marks[$i].Start), $marks[$i].Activity)
        }
    }

    foreach ($run in 1..2) {
        [GC]::Collect()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $rows = Get-OffsetSync -Group $names -ReadTimeout 10m -TimeoutSec 60 -WarningAction SilentlyContinue | Measure-Object
        $seconds = $clock.Elapsed.TotalSeconds
        Write-Host ("   Get-OffsetSync, run {0}: {1:N0} rows into the pipeline in {2:F2} s = {3:N0} checkpoints/s end to end" -f $run, $rows.Count, $seconds, ($rows.Count / $seconds))
    }

    $read = [Diagnostics.Stopwatch]::StartNew()
    $records = Read-Mm2InternalTopic Checkpoints -ReadTimeout 10m | Measure-Object
    Write-Host ("   for comparison, Read-Mm2InternalTopic Checkpoints (one object per record into the pipeline): {0:N0} records in {1:F2} s" -f $records.Count, $read.Elapsed.TotalSeconds)
    if ($retained -lt $Groups * $Partitions) {
        Write-Host ("   extrapolated to {0:N0} records at the measured rate: {1:F1} s (target < 10 s; measure it on the lab broker)" -f ($Groups * $Partitions), ($Groups * $Partitions / ($rows.Count / $seconds)))
    }
}
finally {
    foreach ($m in $mocks) { $m.Dispose() }
    foreach ($l in $labs) { Stop-KafkaLabCluster -Name $l.Name -Confirm:$false }
}

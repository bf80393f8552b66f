<#
.SYNOPSIS
    The DR lab's mirror: throughput for 1 KiB records lab to lab against the lab broker's plain produce rate measured in
    the same run, and replication latency (p50/p99) at a steady rate, from record timestamps and from MM2's heartbeats.
    Figures, not pass/fail.

.DESCRIPTION
    Runs scripts/bench/MirrorBench (a console program, so the measured loops are C#, not PowerShell):
      1. plain produce: a raw Confluent.Kafka loop into one lab broker (acks=all, idempotent, linger 5 ms);
      2. mirror: the same records written to the primary while the mirror is suspended, then timed from Resume-DrMirror's
         equivalent until DR holds them all (targets: at least 0.5x the plain produce rate);
      3. latency: -Rate records a second for -Seconds, read on DR as they arrive (target: p99 under 500 ms).
    Everything runs in one process on this machine: brokers, mirror, producer and reader share its cores.

.EXAMPLE
    ./build.sh bench
#>
[CmdletBinding()]
param(
    # Passed by build.ps1 to every benchmark; this one measures the lab mirror underneath the module.
    [string] $ModulePath,
    [int] $Records = 200000,
    [int] $MessageSize = 1024,
    [int] $Partitions = 8,
    [int] $Rate = 1000,
    [int] $Seconds = 30
)

$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'MirrorBench/MirrorBench.csproj'
& dotnet run -c Release --project $project -- --records $Records --size $MessageSize --partitions $Partitions --rate $Rate --seconds $Seconds
if ($LASTEXITCODE -ne 0) { throw "MirrorBench failed with exit code $LASTEXITCODE." }

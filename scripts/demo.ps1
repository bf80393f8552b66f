<#
.SYNOPSIS
    The seed's scenarios on the embedded DR lab: no Docker, no JVM, no external broker.

.DESCRIPTION
    Starts the DR lab (a primary and a DR lab broker with a MirrorMaker 2 stand-in, driven by the repository's
    mirror-maker-config/mm2.properties), then runs:
      Scenario 1, normal operation: create the topic, produce, consume with a consumer group, show offsets and lag;
      replication to DR and MM2's offset synchronization;
      Scenario 2, the disaster-recovery test: stop the primary, read from DR, start the primary again, check that
      replication resumes.
    The same cmdlets work against the docker-compose stack once Connect-DrEnvironment points at it.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Mm2Dr/Mm2Dr.psd1'),
    [string] $Mm2Config = (Join-Path $PSScriptRoot '../mirror-maker-config/mm2.properties'),
    [int] $Messages = 1000
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path -Force

function Step([string] $text) { Write-Host "`n=== $text" -ForegroundColor Cyan }
function Show { $input | Format-Table | Out-String -Width 160 | Write-Host }
function Wait-Until([scriptblock] $Condition, [string] $What, [int] $TimeoutSec = 60) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting for $What." }
        Write-Progress -Activity 'Waiting' -Status "$What ($([int]$clock.Elapsed.TotalSeconds) s)"
        Start-Sleep -Milliseconds 250
    }
    Write-Progress -Activity 'Waiting' -Completed
    Write-Host ("    {0} after {1:0.0} s" -f $What, $clock.Elapsed.TotalSeconds)
}

Step 'Starting the DR lab: primary and DR lab brokers, and MirrorMaker 2''s stand-in from mm2.properties'
Write-Host '    (the lab is for rehearsals and tests, not production data: in production, MirrorMaker 2 replicates)'
Start-DrLab -Mm2Config $Mm2Config | Format-List | Out-String -Width 160 | Write-Host

try {
    Step 'Scenario 1. Create the topic (kafka-topics --create --topic test-topic --partitions 3)'
    New-KafkaTopic -Name test-topic -Partitions 3 -ReplicationFactor 1 -PassThru | Show

    Step "Produce $Messages messages to the primary, like producer_primary.py (objects become JSON, keyed by user)"
    $summary = 1..$Messages | ForEach-Object {
        [pscustomobject]@{ id = $_; user = "user-$($_ % 10)"; message = "Message $_ from the primary"; timestamp = [DateTime]::UtcNow.ToString('o') }
    } | Start-KafkaProducer -Topic test-topic -KeyProperty user
    $summary | Show
    if ($summary.Delivered -ne $Messages) { throw "Only $($summary.Delivered) of $Messages messages were delivered." }

    Step 'Consume everything with consumer group test-consumer-group, like consumer_primary.py'
    $read = Read-KafkaTopic -Topic test-topic -Group test-consumer-group
    $read | Select-Object -First 5 | Show
    Write-Host ("    {0} messages read; the group committed its position in every partition" -f $read.Count)
    if ($read.Count -ne $Messages) { throw "Read $($read.Count) of $Messages messages." }

    Step 'The group''s offsets and lag on the primary (kafka-consumer-groups --describe)'
    Get-KafkaConsumerGroup -Name test-consumer-group -ByPartition | Show

    Step 'MirrorMaker 2 replicates test-topic to primary.test-topic on DR'
    Wait-Until { (Get-KafkaTopic -Cluster DR -Name primary.test-topic -ErrorAction SilentlyContinue).Messages -eq $Messages } "all $Messages messages on DR"
    @(Get-KafkaTopic -Cluster Primary) + @(Get-KafkaTopic -Cluster DR) | Show
    Get-ReplicationLag -Topic test-topic | Show

    Step 'Offset synchronization: what a failover would do to test-consumer-group (the seed''s two --describe calls, compared)'
    Wait-Until { $rows = @(Get-OffsetSync -Group test-consumer-group -Topic test-topic -WarningAction SilentlyContinue); $rows.Count -eq 3 -and -not ($rows | Where-Object Status -NE 'InSync') } 'checkpoints of every partition'
    Get-OffsetSync -Group test-consumer-group -Topic test-topic | Show
    Write-Host '    Failover: the offset the group would resume from on DR. Reread: messages it would read twice, because MM2'
    Write-Host '    translates offsets only at its sparse offset syncs (offset.lag.max); the next flush of MM2''s syncs narrows it.'
    Get-Mm2Status | Show

    Step 'Scenario 2. The primary fails (docker stop kafka-1 zookeeper-1)'
    Stop-KafkaCluster -Cluster Primary -Confirm:$false
    Get-KafkaClusterStatus | Show

    Step 'DR keeps serving: read what was replicated, like consumer_dr.py'
    $fromDr = Read-KafkaTopic -Cluster DR -Topic test-topic
    Write-Host ("    {0} messages read from primary.test-topic on DR" -f $fromDr.Count)
    if ($fromDr.Count -ne $Messages) { throw "DR served $($fromDr.Count) of $Messages messages." }

    Step 'The primary comes back (docker start zookeeper-1 kafka-1); replication resumes'
    Start-KafkaCluster -Cluster Primary -PassThru | Show
    Start-KafkaProducer -Topic test-topic -Count 100 -MessageSize 256 | Show
    Wait-Until { (Get-KafkaTopic -Cluster DR -Name primary.test-topic).Messages -eq $Messages + 100 } 'the 100 new messages on DR'
    Get-ReplicationLag -Topic test-topic | Show

    Step 'Done: normal operation, replication, offset sync and the primary''s outage all behaved as MirrorMaker 2 would.'
}
finally {
    Stop-DrLab -Confirm:$false
}

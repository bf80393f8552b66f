<#
.SYNOPSIS
    The seed's "Scenario 1: normal operation", on an embedded lab cluster: no Docker, no external broker.

.DESCRIPTION
    1. create the topic, 2. produce messages, 3. consume them with a consumer group, 4. show the group's offsets
    and lag. Every step is a Mm2Dr cmdlet; the same lines work against the docker-compose stack once
    Connect-DrEnvironment points at it.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Mm2Dr/Mm2Dr.psd1'),
    [int] $Messages = 1000
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path -Force

function Step([string] $text) { Write-Host "`n=== $text" -ForegroundColor Cyan }
function Show { $input | Format-Table | Out-String -Width 160 | Write-Host }

Step 'Starting an embedded lab cluster (the lab broker: rehearsals and tests only, not production data)'
$lab = Start-KafkaLabCluster -Name demo
Connect-DrEnvironment -PrimaryBootstrapServers $lab.BootstrapServers
$lab | Show

try {
    Step '1. Create the topic (kafka-topics --create --topic test-topic --partitions 3)'
    New-KafkaTopic -Name test-topic -Partitions 3 -ReplicationFactor 1 -PassThru | Show

    Step "2. Produce $Messages messages, like producer_primary.py (objects become JSON, keyed by user)"
    $summary = 1..$Messages | ForEach-Object {
        [pscustomobject]@{ id = $_; user = "user-$($_ % 10)"; message = "Message $_ from the primary"; timestamp = [DateTime]::UtcNow.ToString('o') }
    } | Start-KafkaProducer -Topic test-topic -KeyProperty user
    $summary | Show
    if ($summary.Delivered -ne $Messages) { throw "Only $($summary.Delivered) of $Messages messages were delivered." }

    Step 'Topics and watermarks (kafka-topics --list, with per-partition offsets)'
    Get-KafkaTopic -Name test-topic -ByPartition | Show

    Step '3. Consume everything with consumer group test-consumer-group, like consumer_primary.py'
    $read = Read-KafkaTopic -Topic test-topic -Group test-consumer-group
    $read | Select-Object -First 5 | Show
    Write-Host ("... {0} messages read; the group committed its position in every partition" -f $read.Count)
    if ($read.Count -ne $Messages) { throw "Read $($read.Count) of $Messages messages." }

    $more = 200
    Step "More traffic arrives: $more messages the group has not read yet"
    Start-KafkaProducer -Topic test-topic -Count $more -MessageSize 256 | Show

    Step '4. The group''s offsets and lag (kafka-consumer-groups --describe --group test-consumer-group)'
    $group = Get-KafkaConsumerGroup -Name test-consumer-group
    $group | Show
    $group.Offsets | Show
    Write-Host ("Total lag: {0} messages produced but not yet consumed by test-consumer-group." -f $group.TotalLag)
    if ($group.TotalLag -ne $more) { throw "Expected a lag of $more, found $($group.TotalLag)." }

    Step 'Done: normal operation works end to end.'
}
finally {
    Stop-KafkaLabCluster -Name demo -Confirm:$false
}

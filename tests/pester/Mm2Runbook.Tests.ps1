# A failover runbook's MM2 checks, through the published module in a fresh pwsh, against two embedded lab clusters.
# MM2's records are written with the module's own codecs, as MM2 would have left them.
BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force

    function Send-Mm2Record {
        param([string] $BootstrapServers, [string] $Topic, [object[]] $Record, [DateTimeOffset] $Timestamp = [DateTimeOffset]::UtcNow)
        $config = [Confluent.Kafka.ProducerConfig]::new()
        $config.BootstrapServers = $BootstrapServers
        $producer = [Confluent.Kafka.ProducerBuilder[byte[], byte[]]]::new($config).Build()
        try {
            foreach ($r in $Record) {
                $codec = switch ($r.GetType().Name) {
                    'Checkpoint' { [Mm2Dr.Core.Mm2.CheckpointCodec] }
                    'OffsetSync' { [Mm2Dr.Core.Mm2.OffsetSyncCodec] }
                    'Heartbeat' { [Mm2Dr.Core.Mm2.HeartbeatCodec] }
                }
                $message = [Confluent.Kafka.Message[byte[], byte[]]]::new()
                $message.Key = $codec::EncodeKey($r)
                $message.Value = $codec::EncodeValue($r)
                $message.Timestamp = [Confluent.Kafka.Timestamp]::new($Timestamp)
                $producer.Produce([Confluent.Kafka.TopicPartition]::new($Topic, 0), $message)
            }
            if ($producer.Flush([TimeSpan]::FromSeconds(30)) -ne 0) { throw "Could not write to $Topic." }
        }
        finally {
            $producer.Dispose()
        }
    }

    $script:primary = Start-KafkaLabCluster -Name mm2-primary
    $script:dr = Start-KafkaLabCluster -Name mm2-dr
    Connect-DrEnvironment -PrimaryBootstrapServers $primary.BootstrapServers -DrBootstrapServers $dr.BootstrapServers
    New-KafkaTopic test-topic -Partitions 3 -Cluster Primary
    New-KafkaTopic mm2-offset-syncs.dr.internal -Partitions 1 -Cluster Primary -Config @{ 'cleanup.policy' = 'compact' }
    New-KafkaTopic primary.test-topic -Partitions 3 -Cluster DR
    New-KafkaTopic primary.checkpoints.internal -Partitions 1 -Cluster DR -Config @{ 'cleanup.policy' = 'compact' }
    New-KafkaTopic heartbeats -Partitions 1 -Cluster DR -Config @{ 'cleanup.policy' = 'compact' }

    # 100 records per partition on the primary, all replicated; the consumer group read 60 of each.
    foreach ($p in 0..2) {
        Start-KafkaProducer -Topic test-topic -Partition $p -Count 100 | Out-Null
        Start-KafkaProducer -Topic primary.test-topic -Cluster DR -Partition $p -Count 100 | Out-Null
    }
    foreach ($p in 0..2) { Read-KafkaTopic -Topic test-topic -Group test-consumer-group -Partition $p -MaxMessages 60 | Out-Null }

    # What MM2 would have written: offset syncs every 50 records (partition 2 exactly at 60), checkpoints of the group, a heartbeat.
    Send-Mm2Record $primary.BootstrapServers mm2-offset-syncs.dr.internal @(
        foreach ($p in 0..2) { [Mm2Dr.Core.Mm2.OffsetSync]::new('test-topic', $p, 0, 0); [Mm2Dr.Core.Mm2.OffsetSync]::new('test-topic', $p, 50, 50) }
        [Mm2Dr.Core.Mm2.OffsetSync]::new('test-topic', 2, 60, 60)
        [Mm2Dr.Core.Mm2.OffsetSync]::new('test-topic', 2, 99, 99)
        foreach ($p in 0..1) { [Mm2Dr.Core.Mm2.OffsetSync]::new('test-topic', $p, 99, 99) }
    )
    Send-Mm2Record $dr.BootstrapServers primary.checkpoints.internal @(
        [Mm2Dr.Core.Mm2.Checkpoint]::new('test-consumer-group', 'primary.test-topic', 0, 60, 51, '')
        [Mm2Dr.Core.Mm2.Checkpoint]::new('test-consumer-group', 'primary.test-topic', 1, 60, 51, '')
        [Mm2Dr.Core.Mm2.Checkpoint]::new('test-consumer-group', 'primary.test-topic', 2, 60, 60, '')
    ) -Timestamp ([DateTimeOffset]::UtcNow.AddSeconds(-5))
    Send-Mm2Record $dr.BootstrapServers heartbeats ([Mm2Dr.Core.Mm2.Heartbeat]::new('primary', 'dr', [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()))
}

AfterAll {
    Stop-KafkaLabCluster -Name mm2-primary, mm2-dr -Confirm:$false
}

Describe 'Before a failover' {
    It 'finds the group by wildcard, listing the primary''s groups' {
        $rows = Get-OffsetSync -Group 'test-*'
        $rows.Group | Select-Object -Unique | Should -Be 'test-consumer-group'
        $rows.Count | Should -Be 3
    }

    It 'gates on Get-Mm2Status -Quiet' {
        Get-Mm2Status -Quiet | Should -BeTrue
        $overall = Get-Mm2Status | Where-Object Check -EQ 'Overall'
        $overall.Status | Should -Be 'Ok'
        $overall.Cluster | Should -Be 'dr'
    }

    It 'says false, with the reason, when heartbeats are older than the runbook allows' {
        Get-Mm2Status -Quiet -HeartbeatMaxAge 1ms | Should -BeFalse
        $heartbeat = Get-Mm2Status -HeartbeatMaxAge 1ms | Where-Object Check -EQ 'Heartbeat'
        $heartbeat.Status | Should -Be 'Failed'
        $heartbeat.Detail | Should -Match 'herder has stopped'
    }

    It 'sees DR caught up' {
        $lag = Get-ReplicationLag -Topic test-topic -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Match "'primary.heartbeats' does not exist on cluster 'dr'"
        $lag.Count | Should -Be 3
        ($lag | Measure-Object LagMessages -Sum).Sum | Should -Be 0
        $lag.DrTopic | Select-Object -Unique | Should -Be 'primary.test-topic'
    }

    It 'knows the offsets a failover commits and what the consumer reads again' {
        $rows = Get-OffsetSync -Group test-consumer-group -Topic test-topic
        $rows.Count | Should -Be 3
        $rows.Status | Select-Object -Unique | Should -Be 'InSync'
        $rows.PrimaryCommittedOffset | Should -Be @(60, 60, 60)
        $rows.FailoverOffset | Should -Be @(51, 51, 60)
        # 51 = 50 + 1 through sync 50->50: records 51..59 come again on partitions 0 and 1; partition 2 has a sync at 60.
        $rows.RereadAfterFailoverMessages | Should -Be @(9, 9, 0)
        ($rows | Where-Object Status -In 'NoCheckpoint', 'Ahead') | Should -BeNullOrEmpty
    }

    It 'shows MM2s records as Kafka''s formatters would' {
        $checkpoints = Read-Mm2InternalTopic Checkpoints
        $checkpoints.Count | Should -Be 3
        $checkpoints[2].Group | Should -Be 'test-consumer-group'
        $checkpoints[2].DownstreamOffset | Should -Be 60
        (Read-Mm2InternalTopic OffsetSyncs).Count | Should -Be 10
        (Read-Mm2InternalTopic Heartbeats).SourceClusterAlias | Should -Be 'primary'
    }

    It 'stops with a specific error id when DR has no checkpoints topic' {
        $empty = Start-KafkaLabCluster -Name mm2-empty
        try {
            Connect-DrEnvironment -PrimaryBootstrapServers $primary.BootstrapServers -DrBootstrapServers $empty.BootstrapServers
            { Get-OffsetSync -Group test-consumer-group -ErrorAction Stop } | Should -Throw -ErrorId 'CheckpointsTopicNotFound,Mm2Dr.Commands.GetOffsetSyncCommand'
            Get-Mm2Status -Quiet | Should -BeFalse
        }
        finally {
            Connect-DrEnvironment -PrimaryBootstrapServers $primary.BootstrapServers -DrBootstrapServers $dr.BootstrapServers
            Stop-KafkaLabCluster -Name mm2-empty -Confirm:$false
        }
    }
}

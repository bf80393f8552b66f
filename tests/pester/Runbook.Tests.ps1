# Runbook-style end-to-end checks on an embedded cluster (librdkafka's mock), through the published module.
BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force
    $script:mock = [Mm2Dr.Core.Embedded.RdKafkaMockCluster]::Start(1)
    Connect-DrEnvironment -PrimaryBootstrapServers $mock.BootstrapServers -DrBootstrapServers $mock.BootstrapServers
}

AfterAll {
    $mock.Dispose()
}

Describe 'Scenario 1: normal operation' {
    BeforeAll {
        $script:topic = 'orders-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $mock.CreateTopic($topic, 3)
    }

    It 'produces from the pipeline and reports every delivery' {
        $summary = 1..500 | ForEach-Object { [pscustomobject]@{ id = $_; amount = $_ * 1.5 } } | Start-KafkaProducer -Topic $topic -KeyProperty id
        $summary.Sent | Should -Be 500
        $summary.Delivered | Should -Be 500
        $summary.Failed | Should -Be 0
        $summary.Cluster | Should -Be 'primary'
    }

    It 'shows the topic with its watermarks' {
        $info = Get-KafkaTopic -Name $topic
        $info.PartitionCount | Should -Be 3
        $info.Messages | Should -Be 500
        ($info.Partitions | Measure-Object HighWatermark -Sum).Sum | Should -Be 500
    }

    It 'consumes with a group, commits, and shows the lag' {
        $read = Read-KafkaTopic -Topic $topic -Group billing -Partition 0, 1, 2 -MaxMessages 200 -AsJson
        $read.Count | Should -Be 200
        $read[0].Value.id | Should -BeOfType [int]
        $rows = Get-KafkaConsumerGroup -Name billing -Topic $topic -ByPartition -WarningAction SilentlyContinue
        $rows.Count | Should -Be 3
        ($rows | Measure-Object CommittedOffset -Sum).Sum | Should -Be 200
        foreach ($row in $rows) {
            if ($null -eq $row.CommittedOffset) { $row.Lag | Should -BeNullOrEmpty } else { $row.Lag | Should -Be ($row.LogEndOffset - $row.CommittedOffset) }
        }
    }

    It 'resumes from the committed offsets on the next read' {
        $rest = Read-KafkaTopic -Topic $topic -Group billing -Partition 0, 1, 2
        $rest.Count | Should -Be 300
        $detail = Get-KafkaConsumerGroup -Name billing -Topic $topic -WarningAction SilentlyContinue
        $detail.TotalLag | Should -Be 0
    }

    It 'plans an offset reset with -WhatIf without changing anything, then applies it' {
        $plan = Set-KafkaConsumerGroupOffset -Group billing -Topic $topic -ShiftBy -10 -WhatIf
        $plan.Count | Should -Be 3
        $plan.Applied | Should -Not -Contain $true
        (Get-KafkaConsumerGroup -Name billing -Topic $topic -WarningAction SilentlyContinue).TotalLag | Should -Be 0
        Set-KafkaConsumerGroupOffset -Group billing -Topic $topic -ShiftBy -10 -Confirm:$false | Out-Null
        (Get-KafkaConsumerGroup -Name billing -Topic $topic -WarningAction SilentlyContinue).TotalLag | Should -Be 30
    }
}

Describe 'Failure handling a runbook can rely on' {
    It 'fails fast with ClusterUnreachable when a cluster is down' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        { Get-KafkaTopic -BootstrapServers 127.0.0.1:1 -TimeoutSec 2 -ErrorAction Stop } | Should -Throw -ErrorId 'ClusterUnreachable,Mm2Dr.Commands.GetKafkaTopicCommand'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'names a missing topic as the error target' {
        $err = $null
        Read-KafkaTopic -Topic no-such-topic -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'TopicNotFound*'
        $err[0].TargetObject | Should -Be 'no-such-topic'
    }

    It 'removes a topic only after -WhatIf has shown it' {
        $t = 'gone-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $mock.CreateTopic($t, 1)
        Remove-KafkaTopic -Name $t -WhatIf
        Get-KafkaTopic -Name $t | Should -Not -BeNullOrEmpty
    }
}

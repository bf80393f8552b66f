# Runbook-style end-to-end checks on an embedded lab cluster, through the published module.
BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force
    $script:lab = Start-KafkaLabCluster -Name runbook
    Connect-DrEnvironment -PrimaryBootstrapServers $lab.BootstrapServers -DrBootstrapServers $lab.BootstrapServers
}

AfterAll {
    Stop-KafkaLabCluster -Name runbook -Confirm:$false
}

Describe 'Scenario 1: normal operation' {
    BeforeAll {
        $script:topic = 'orders-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    It 'creates the topic, and a rerun with -IfNotExists changes nothing' {
        $created = New-KafkaTopic -Name $topic -Partitions 3 -ReplicationFactor 1 -PassThru
        $created.PartitionCount | Should -Be 3
        { New-KafkaTopic -Name $topic -Partitions 3 -ErrorAction Stop } | Should -Throw -ErrorId 'TopicAlreadyExists,Mm2Dr.Commands.NewKafkaTopicCommand'
        New-KafkaTopic -Name $topic -Partitions 3 -IfNotExists -ErrorAction Stop
        (Get-KafkaTopic -Name $topic).PartitionCount | Should -Be 3
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
        $rows = Get-KafkaConsumerGroup -Name billing -Topic $topic -ByPartition
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
        (Get-KafkaConsumerGroup -Name billing -Topic $topic ).TotalLag | Should -Be 0
        Set-KafkaConsumerGroupOffset -Group billing -Topic $topic -ShiftBy -10 -Confirm:$false | Out-Null
        (Get-KafkaConsumerGroup -Name billing -Topic $topic ).TotalLag | Should -Be 30
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

    It 'removes a topic only after -WhatIf has shown it, and a rerun is harmless' {
        $t = 'gone-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-KafkaTopic -Name $t -Partitions 1
        Remove-KafkaTopic -Name $t -WhatIf
        Get-KafkaTopic -Name $t | Should -Not -BeNullOrEmpty
        Remove-KafkaTopic -Name $t -Confirm:$false
        Get-KafkaTopic -Name $t -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $warnings = $null
        Remove-KafkaTopic -Name $t -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Match 'nothing to remove'
    }

    It 'refuses to reset a group while a consumer is in it, then resets once it has left' {
        $t = 'live-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-KafkaTopic -Name $t -Partitions 1
        1..10 | Start-KafkaProducer -Topic $t | Out-Null
        $job = Start-ThreadJob { param($m, $b, $t) Import-Module $m; Read-KafkaTopic -Topic $t -BootstrapServers $b -Group live-group -Follow -Timeout 30 } -ArgumentList $env:MM2DR_MODULE_PATH, $lab.BootstrapServers, $t
        try {
            $deadline = (Get-Date).AddSeconds(20)
            do { Start-Sleep -Milliseconds 200; $g = Get-KafkaConsumerGroup -Name live-group -ErrorAction SilentlyContinue } until (($g -and $g.State -eq 'Stable') -or (Get-Date) -gt $deadline)
            $g.State | Should -Be 'Stable'
            $err = $null
            Set-KafkaConsumerGroupOffset -Group live-group -Topic $t -ToEarliest -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'GroupHasActiveMembers*'
            $err[0].Exception.Message | Should -Match 'stop its consumers'
        }
        finally {
            $job | Stop-Job -PassThru | Remove-Job -Force
        }
        $deadline = (Get-Date).AddSeconds(20)
        do { Start-Sleep -Milliseconds 200; $g = Get-KafkaConsumerGroup -Name live-group } until ($g.State -eq 'Empty' -or (Get-Date) -gt $deadline)
        $g.State | Should -Be 'Empty'
        (Set-KafkaConsumerGroupOffset -Group live-group -Topic $t -ToEarliest -Confirm:$false).Applied | Should -Be $true
        Remove-KafkaConsumerGroup -Name live-group -Confirm:$false
        Get-KafkaConsumerGroup | Where-Object Group -EQ 'live-group' | Should -BeNullOrEmpty
    }

    It 'lists groups with their state' {
        $groups = Get-KafkaConsumerGroup
        ($groups | Where-Object Group -EQ 'billing').State | Should -Be 'Empty'
    }
}

# The seed's DR drill as an operator runs it, through the published module in a fresh pwsh: a DR lab with a MirrorMaker 2
# stand-in, records and a consumer group on the primary, an outage of the primary, DR serving meanwhile, the primary back,
# and the failover offsets MM2's rules give.
BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force

    function Wait-Until {
        param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $What, [int] $TimeoutSec = 30)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting for: $What" }
            Start-Sleep -Milliseconds 200
        }
    }

    # The repository's file with drill timings: checkpoints, heartbeats and refreshes every second.
    $script:config = Join-Path $PSScriptRoot '../Shared/drill-mm2.properties'
}

AfterAll {
    Stop-DrLab -Confirm:$false -WarningAction SilentlyContinue
}

Describe 'A DR drill on the DR lab' {
    It 'starts the lab from mm2.properties and makes it the DR environment' {
        $script:lab = Start-DrLab -Mm2Config $config
        $lab.Flow | Should -Be 'primary->dr'
        $lab.MirrorState | Should -Be 'Running'
        (Get-DrEnvironment).Primary.BootstrapServers | Should -Be $lab.PrimaryBootstrapServers
        Get-Mm2Status -Quiet | Should -BeTrue
    }

    It 'replicates test-topic to primary.test-topic with the same records in the same order' {
        New-KafkaTopic test-topic -Partitions 3 -ReplicationFactor 1 | Out-Null
        foreach ($p in 0..2) { Start-KafkaProducer -Topic test-topic -Partition $p -Count 100 | Out-Null }
        Wait-Until { (Get-KafkaTopic -Cluster DR -Name primary.test-topic -ErrorAction SilentlyContinue).Messages -eq 300 } 'all 300 records on DR'
        foreach ($p in 0..2) {
            $primary = Read-KafkaTopic -Topic test-topic -Partition $p
            $dr = Read-KafkaTopic -Cluster DR -Topic test-topic -Partition $p
            $dr.Topic | Select-Object -Unique | Should -Be 'primary.test-topic'
            ($dr | ForEach-Object Value) | Should -Be ($primary | ForEach-Object Value)
        }
    }

    It 'checkpoints a consumer group that read everything at the exact failover offsets' {
        foreach ($p in 0..2) { Read-KafkaTopic -Topic test-topic -Group test-consumer-group -Partition $p -MaxMessages 100 | Out-Null }
        # The delayed sync of each partition's last record (99->99) goes out at the next Connect commit (1 s here), so the
        # group at 100 translates to 99 + 1 = 100: nothing is read twice after a failover.
        Wait-Until { $rows = Get-OffsetSync -Group test-consumer-group; $rows.Count -eq 3 -and -not ($rows | Where-Object FailoverOffset -NE 100) } 'checkpoints at 100 on every partition'
        $rows = Get-OffsetSync -Group test-consumer-group
        $rows.RereadAfterFailoverMessages | Should -Be @(0, 0, 0)
        $rows.Status | Select-Object -Unique | Should -Be 'InSync'
    }

    It 'takes the primary down and DR keeps serving what was replicated' {
        Stop-KafkaCluster -Cluster Primary -Confirm:$false
        $status = Get-KafkaClusterStatus
        ($status | Where-Object Cluster -EQ 'primary').State | Should -Be 'Stopped'
        ($status | Where-Object Cluster -EQ 'dr').Answering | Should -BeTrue
        { Get-KafkaTopic -Cluster Primary -TimeoutSec 2 -ErrorAction Stop } | Should -Throw -ErrorId 'ClusterUnreachable,Mm2Dr.Commands.GetKafkaTopicCommand'
        (Read-KafkaTopic -Cluster DR -Topic test-topic).Count | Should -Be 300
        (Get-DrLab).PrimaryUp | Should -BeFalse
    }

    It 'brings the primary back, and the mirror resumes without loss' {
        $started = Start-KafkaCluster -Cluster Primary -PassThru
        $started.Answering | Should -BeTrue
        foreach ($p in 0..2) { Start-KafkaProducer -Topic test-topic -Partition $p -Count 10 | Out-Null }
        Wait-Until { (Get-KafkaTopic -Cluster DR -Name primary.test-topic).Messages -eq 330 } 'the records written after the outage on DR'
        (Get-OffsetSync -Group test-consumer-group).PrimaryCommittedOffset | Should -Be @(100, 100, 100)
    }

    It 'stops the lab with -WhatIf changing nothing, then for real' {
        Stop-DrLab -WhatIf
        (Get-DrLab).MirrorState | Should -Be 'Running'
        Stop-DrLab -Confirm:$false
        { Get-DrLab -ErrorAction Stop } | Should -Throw -ErrorId 'DrLabNotRunning,Mm2Dr.Commands.GetDrLabCommand'
        (Get-DrEnvironment).Origin | Should -Be 'default'
    }
}

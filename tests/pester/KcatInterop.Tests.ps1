# Debian's kcat (librdkafka 2.0.2) as an independent client: what one writes, the other reads, keys and headers intact.
BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force
    if (-not (Get-Command kcat -ErrorAction SilentlyContinue)) {
        throw 'kcat is not installed: run apt-get install -y kcat (the interoperability tests need it).'
    }
    $script:lab = Start-KafkaLabCluster -Name kcat
    $script:bootstrap = $lab.BootstrapServers
}

AfterAll {
    Stop-KafkaLabCluster -Name kcat -Confirm:$false
}

Describe 'kcat and Mm2Dr on the same cluster' {
    It 'reads with Read-KafkaTopic what kcat produced' {
        New-KafkaTopic -Name from-kcat -Partitions 1 -BootstrapServers $bootstrap
        "k1:hello`nk2:{""n"":2}" | & kcat -b $bootstrap -P -t from-kcat -K : -H 'src=kcat' -H 'trace=abc' 2>&1 | Out-Null
        $LASTEXITCODE | Should -Be 0
        $records = Read-KafkaTopic -Topic from-kcat -BootstrapServers $bootstrap
        $records.Count | Should -Be 2
        $records[0].Key | Should -Be 'k1'
        $records[0].Value | Should -Be 'hello'
        $records[0].Headers['src'] | Should -Be 'kcat'
        $records[0].Headers['trace'] | Should -Be 'abc'
        $records[1].Key | Should -Be 'k2'
        $records[1].Value | Should -Be '{"n":2}'
    }

    It 'lets kcat read what Start-KafkaProducer produced' {
        New-KafkaTopic -Name to-kcat -Partitions 1 -BootstrapServers $bootstrap
        'plain', [pscustomobject]@{ a = 1 } | Start-KafkaProducer -Topic to-kcat -BootstrapServers $bootstrap -Key order-9 -Header @{ via = 'mm2dr' } | Out-Null
        $lines = & kcat -b $bootstrap -C -t to-kcat -e -q -f '%k|%s|%h\n' 2>$null
        $LASTEXITCODE | Should -Be 0
        $lines | Should -Be @('order-9|plain|via=mm2dr', 'order-9|{"a":1}|via=mm2dr')
    }

    It 'sees the group kcat -G consumed with, at kcat''s committed offsets' {
        New-KafkaTopic -Name kcat-group -Partitions 2 -BootstrapServers $bootstrap
        1..20 | Start-KafkaProducer -Topic kcat-group -BootstrapServers $bootstrap | Out-Null
        $lines = & kcat -b $bootstrap -G kcat-consumers -X auto.offset.reset=earliest -X enable.auto.commit=true -X auto.commit.interval.ms=100 -e -q -f '%s\n' kcat-group 2>$null
        $LASTEXITCODE | Should -Be 0
        @($lines).Count | Should -Be 20
        $group = Get-KafkaConsumerGroup -Name kcat-consumers -BootstrapServers $bootstrap
        ($group.Offsets | Measure-Object CommittedOffset -Sum).Sum | Should -Be 20
        $group.TotalLag | Should -Be 0
    }

    It 'agrees with kcat -L on the topics' {
        New-KafkaTopic -Name listed -Partitions 4 -BootstrapServers $bootstrap
        $json = & kcat -b $bootstrap -L -J 2>$null | ConvertFrom-Json
        $kcatTopic = $json.topics | Where-Object topic -EQ 'listed'
        $ours = Get-KafkaTopic -Name listed -BootstrapServers $bootstrap
        $ours.PartitionCount | Should -Be @($kcatTopic.partitions).Count
    }
}

# Mm2Dr module manifest, for importing from the repository root after a build (./build.sh or ./build.ps1).
# The build writes the same manifest, with paths relative to itself, into out/Mm2Dr/ (the folder you ship).
# From the repository root the built module is loaded as a nested module, so that its help and formats
# resolve from out/Mm2Dr exactly as they do for the shipped folder.
@{
    NestedModules        = @('out/Mm2Dr/Mm2Dr.psd1')
    ModuleVersion        = '0.1.0'
    GUID                 = '6a0d2b1e-6f4c-4f57-9d3e-2f6d3b8a9c11'
    Author               = 'Mm2Dr contributors'
    CompanyName          = 'Mm2Dr'
    Copyright            = '(c) Mm2Dr contributors. Apache-2.0.'
    Description          = 'Run, rehearse and prove Kafka disaster recovery with MirrorMaker 2: produce, read, inspect topics and consumer groups, work with the primary and DR clusters of an MM2 pair, see what MM2 itself knows: offset translation, replication lag, heartbeats and checkpoints, and rehearse outages on an embedded DR lab with a MirrorMaker 2 stand-in.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    CmdletsToExport      = @(
        'Connect-DrEnvironment'
        'Get-DrEnvironment'
        'Start-KafkaProducer'
        'Read-KafkaTopic'
        'Get-KafkaTopic'
        'New-KafkaTopic'
        'Remove-KafkaTopic'
        'Get-KafkaConsumerGroup'
        'Set-KafkaConsumerGroupOffset'
        'Remove-KafkaConsumerGroup'
        'Start-KafkaLabCluster'
        'Get-KafkaLabCluster'
        'Stop-KafkaLabCluster'
        'Get-OffsetSync'
        'Get-ReplicationLag'
        'Get-Mm2Status'
        'Read-Mm2InternalTopic'
        'Start-DrLab'
        'Get-DrLab'
        'Stop-DrLab'
        'Suspend-DrMirror'
        'Resume-DrMirror'
        'Stop-KafkaCluster'
        'Start-KafkaCluster'
        'Get-KafkaClusterStatus'
        'Set-KafkaCluster'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Kafka', 'MirrorMaker2', 'DisasterRecovery', 'DR', 'Confluent')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}

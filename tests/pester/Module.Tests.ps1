# The published module folder, imported as a user would import it.
BeforeDiscovery {
    Import-Module $env:MM2DR_MODULE_PATH -Force
    $script:commands = Get-Command -Module Mm2Dr -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module $env:MM2DR_MODULE_PATH -Force
    $script:repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
}

Describe 'The Mm2Dr module as shipped' {
    It 'has a valid manifest that exports exactly what it declares' {
        $manifest = Test-ModuleManifest $env:MM2DR_MODULE_PATH
        $manifest.Name | Should -Be 'Mm2Dr'
        $exported = (Get-Command -Module Mm2Dr).Name | Sort-Object
        $declared = $manifest.ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be $declared
    }

    It 'loads librdkafka from its own folder (<_>)' -ForEach @('runtimes') {
        Test-Path (Join-Path (Split-Path $env:MM2DR_MODULE_PATH) $_) | Should -BeTrue
        [Confluent.Kafka.Library]::Version | Should -BeGreaterThan 0
        [Confluent.Kafka.Library]::VersionString | Should -Be '2.16.0'
    }

    It 'imports from the repository root after a build' {
        $out = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command "Import-Module '$repoRoot/Mm2Dr.psd1'; (Get-Command -Module Mm2Dr).Count; (Get-Help Read-KafkaTopic).Synopsis"
        $LASTEXITCODE | Should -Be 0
        [int] $out[0] | Should -Be (Get-Command -Module Mm2Dr).Count
        $out[1] | Should -Match 'Reads messages'
    }
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+-\S+\s*\[' # not the auto-generated syntax line
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example that Get-Help -Examples shows' {
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        (Get-Help $Name -Examples | Out-String) | Should -Match 'Example 1'
    }

    It 'describes every parameter' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $entry = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($entry.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}

<#
.SYNOPSIS
    Runs the Pester suite against a built module folder and writes the counts as JSON for build.ps1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string[]] $Path = @($PSScriptRoot),
    [string[]] $Tag
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
# The tests import the module from here, exactly as a user would import the shipped folder.
$env:MM2DR_MODULE_PATH = (Resolve-Path $ModulePath).Path

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.junit.xml')
if ($Tag) { $configuration.Filter.Tag = $Tag }

$result = Invoke-Pester -Configuration $configuration
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8NoBOM

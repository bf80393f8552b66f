#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, publishes and demonstrates the Mm2Dr module.

.DESCRIPTION
    build    Compiles the solution and publishes the importable module to out/Mm2Dr (the default).
    test     build, then every xunit project and the Pester suite (in a fresh pwsh, against out/Mm2Dr).
             Ends with one line: "N passed, N failed" (", N skipped" when there are skips); exits 1 on any failure.
    demo     build, then runs scripts/demo.ps1 in a fresh pwsh: the seed's normal-operation scenario on an
             embedded cluster, with no Docker and no external broker.
    bench    build, then runs the benchmarks under scripts/bench (figures, not pass/fail).
    clean    Removes bin/, obj/, out/ and artifacts/.

.EXAMPLE
    ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'bench', 'clean')]
    [string] $Task = 'build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out/Mm2Dr'
$artifacts = Join-Path $root 'artifacts'

function Invoke-Native {
    param([string] $Description, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) {
        throw "$Description failed with exit code $LASTEXITCODE."
    }
}

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = (& dotnet nuget locals global-packages --list) | Select-Object -First 1
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Build {
    Write-Host '==> Building' -ForegroundColor Cyan
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $root 'Mm2Dr.sln') -c $Configuration --nologo -v q -clp:NoSummary }
    Write-Host "==> Publishing the module to $out" -ForegroundColor Cyan
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $root 'src/Mm2Dr/Mm2Dr.csproj') -c $Configuration -o $out --nologo -v q -clp:NoSummary }
    Remove-Item (Join-Path $out '*.deps.json') -ErrorAction SilentlyContinue

    # The shipped manifest is the repository's, with paths made relative to the module folder itself.
    $manifest = Get-Content (Join-Path $root 'Mm2Dr.psd1') -Raw
    $manifest = $manifest -replace "(?m)^\s*NestedModules\s*=.*$", "    RootModule           = 'Mm2Dr.dll'`n    FormatsToProcess     = @('Mm2Dr.Format.ps1xml')" -replace '(?m)^#.*\r?\n', ''
    $manifest = "# Mm2Dr module manifest.`n" + $manifest
    Set-Content -Path (Join-Path $out 'Mm2Dr.psd1') -Value $manifest -Encoding utf8NoBOM

    $helpSource = Join-Path $root 'docs/help'
    if (Test-Path $helpSource) {
        Invoke-Native 'help generation' { dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'scripts/build/New-MamlHelp.ps1') -ModulePath (Join-Path $out 'Mm2Dr.psd1') -SourcePath $helpSource -OutputPath (Join-Path $out 'en-US/Mm2Dr.dll-Help.xml') }
    }
}

function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content $Path -Raw
    $c = $trx.TestRun.ResultSummary.Counters
    $passed = [int] $c.passed
    $failed = [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
    $skipped = [int] $c.total - $passed - $failed
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = [Math]::Max(0, $skipped) }
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $artifacts 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Path $results -Force | Out-Null

    $passed = 0; $failed = 0; $skipped = 0; $broken = @()
    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Recurse -Filter '*.Tests.csproj' | Sort-Object Name) {
        $name = $project.BaseName
        Write-Host "==> xunit: $name" -ForegroundColor Cyan
        $trx = Join-Path $results "$name.trx"
        & dotnet test $project.FullName -c $Configuration --no-build --nologo --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal'
        $exit = $LASTEXITCODE
        if (Test-Path $trx) {
            $counts = Read-TrxCounts $trx
            $passed += $counts.Passed; $failed += $counts.Failed; $skipped += $counts.Skipped
            if ($exit -ne 0 -and $counts.Failed -eq 0) { $broken += $name }
        }
        else {
            $broken += $name
        }
    }

    Write-Host '==> Pester (fresh pwsh, published module)' -ForegroundColor Cyan
    Invoke-Native 'Pester restore' { dotnet restore (Join-Path $root 'tests/tools/PesterRestore.csproj') --nologo -v q }
    $pester = Join-Path (Get-NuGetPackagesFolder) 'pester/6.2.0/tools/Pester.psd1'
    $pesterResult = Join-Path $results 'pester.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') -PesterPath $pester -ModulePath (Join-Path $out 'Mm2Dr.psd1') -ResultPath $pesterResult
    if (Test-Path $pesterResult) {
        $p = Get-Content $pesterResult -Raw | ConvertFrom-Json
        $passed += $p.Passed; $failed += $p.Failed; $skipped += $p.Skipped
    }
    else {
        $broken += 'Pester'
    }

    foreach ($b in $broken) {
        Write-Host "Test run '$b' did not complete (crashed or failed to start); counted as a failure." -ForegroundColor Red
        $failed += 1
    }

    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Native 'demo' { dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'scripts/demo.ps1') -ModulePath (Join-Path $out 'Mm2Dr.psd1') }
}

function Invoke-Bench {
    Invoke-Build
    foreach ($script in Get-ChildItem (Join-Path $root 'scripts/bench') -Filter '*.ps1' | Sort-Object Name) {
        Write-Host "==> $($script.Name)" -ForegroundColor Cyan
        Invoke-Native $script.Name { dotnet pwsh -NoProfile -NonInteractive -File $script.FullName -ModulePath (Join-Path $out 'Mm2Dr.psd1') }
    }
}

Push-Location $root
try {
    switch ($Task) {
        'build' { Invoke-Build }
        'test' { Invoke-Test }
        'demo' { Invoke-Demo }
        'bench' { Invoke-Bench }
        'clean' {
            Get-ChildItem $root -Recurse -Directory -Include bin, obj | Remove-Item -Recurse -Force
            foreach ($d in $out, $artifacts) { if (Test-Path $d) { Remove-Item $d -Recurse -Force } }
        }
    }
}
finally {
    Pop-Location
}

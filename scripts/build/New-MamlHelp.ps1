<#
.SYNOPSIS
    Writes the module's MAML help (Mm2Dr.dll-Help.xml) from docs/help/*.md and the cmdlets' own metadata.

.DESCRIPTION
    Each docs/help/<Cmdlet>.md has the sections SYNOPSIS, DESCRIPTION, PARAMETERS (### -Name), EXAMPLES
    (### Example N: title, a ```powershell block, then remarks), NOTES and RELATED LINKS. docs/help/_common.md
    documents parameters shared through base classes (-Cluster, -BootstrapServers, ...).
    Syntax, types, positions and pipeline input come from Get-Command, so help cannot drift from the code.
    The build fails when a cmdlet lacks a help file, a synopsis, an example, or a description of any parameter.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Read-HelpSource([string] $Path) {
    $doc = @{ Synopsis = ''; Description = @(); Parameters = @{}; Examples = @(); Notes = @(); Links = @() }
    $section = $null; $sub = $null; $buffer = [System.Collections.Generic.List[string]]::new()
    $flush = {
        $text = ($buffer -join "`n").Trim()
        switch ($section) {
            'SYNOPSIS' { $doc.Synopsis = $text }
            'DESCRIPTION' { $doc.Description = @(Split-Paragraphs $text) }
            'PARAMETERS' { if ($sub) { $doc.Parameters[$sub.TrimStart('-')] = @(Split-Paragraphs $text) } }
            'EXAMPLES' {
                if ($sub) {
                    $m = [regex]::Match($text, '(?s)```powershell\s*\n(?<code>.*?)\n```(?<rest>.*)')
                    if (-not $m.Success) { throw "$Path, '$sub': an example needs a ```powershell code block." }
                    $doc.Examples += [pscustomobject]@{ Title = $sub; Code = $m.Groups['code'].Value.TrimEnd(); Remarks = @(Split-Paragraphs $m.Groups['rest'].Value.Trim()) }
                }
            }
            'NOTES' { $doc.Notes = @(Split-Paragraphs $text) }
            'RELATED LINKS' { $doc.Links = @($buffer | Where-Object { $_ -match '^\s*-\s+' } | ForEach-Object { ($_ -replace '^\s*-\s+', '').Trim() }) }
        }
        $buffer.Clear()
    }
    foreach ($line in Get-Content $Path) {
        if ($line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim().ToUpperInvariant(); $sub = $null; continue }
        if ($line -match '^### (.+)$') { & $flush; $sub = $Matches[1].Trim(); continue }
        if ($line -match '^# ') { continue }
        $buffer.Add($line)
    }
    & $flush
    return $doc
}

function Split-Paragraphs([string] $Text) {
    if (-not $Text) { return @() }
    return @($Text -split '\n\s*\n' | ForEach-Object { ($_ -replace '\s*\n\s*', ' ').Trim() } | Where-Object { $_ })
}

function Esc([string] $s) { [System.Security.SecurityElement]::Escape($s) }

function Para([string[]] $paras) {
    if (-not $paras -or $paras.Count -eq 0) { return '<maml:para />' }
    return ($paras | ForEach-Object { "<maml:para>$(Esc $_)</maml:para>" }) -join ''
}

function TypeName([type] $t) {
    if ($t -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $n = $t.Name
    if ($t.IsGenericType -and $t.GetGenericTypeDefinition() -eq [Nullable`1]) { $n = $t.GetGenericArguments()[0].Name }
    return $n
}

function ParameterXml($p, $set, [string[]] $description) {
    $pipeline = @()
    if ($set.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($set.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $pipelineText = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
    $position = if ($set.Position -ge 0) { $set.Position } else { 'named' }
    $aliases = if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }
    $globbing = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $type = TypeName $p.ParameterType
    $isSwitch = $p.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $value = if ($isSwitch) { '' } else { "<command:parameterValue required=`"true`" variableLength=`"false`">$type</command:parameterValue>" }
    @"
<command:parameter required="$($set.IsMandatory.ToString().ToLowerInvariant())" variableLength="true" globbing="$($globbing.ToString().ToLowerInvariant())" pipelineInput="$pipelineText" position="$position" aliases="$aliases">
<maml:name>$($p.Name)</maml:name>
<maml:description>$(Para $description)</maml:description>
$value
<dev:type><maml:name>$type</maml:name><maml:uri /></dev:type>
<dev:defaultValue>None</dev:defaultValue>
</command:parameter>
"@
}

Import-Module $ModulePath -Force
$module = Get-Module Mm2Dr
$common = Read-HelpSource (Join-Path $SourcePath '_common.md')
$skip = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$problems = [System.Collections.Generic.List[string]]::new()
$commands = [System.Text.StringBuilder]::new()

foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $file = Join-Path $SourcePath "$($command.Name).md"
    if (-not (Test-Path $file)) { $problems.Add("$($command.Name): no help file $file"); continue }
    $doc = Read-HelpSource $file
    if (-not $doc.Synopsis) { $problems.Add("$($command.Name): no SYNOPSIS") }
    if ($doc.Examples.Count -eq 0) { $problems.Add("$($command.Name): no example") }
    $parameters = $command.Parameters.Values | Where-Object { $skip -notcontains $_.Name } | Sort-Object Name
    $describe = @{}
    foreach ($p in $parameters) {
        $text = if ($doc.Parameters.ContainsKey($p.Name)) { $doc.Parameters[$p.Name] } elseif ($common.Parameters.ContainsKey($p.Name)) { $common.Parameters[$p.Name] } else { $null }
        if (-not $text) { $problems.Add("$($command.Name): parameter -$($p.Name) is not described") }
        $describe[$p.Name] = $text
    }
    foreach ($documented in $doc.Parameters.Keys) {
        if (-not $command.Parameters.ContainsKey($documented)) { $problems.Add("$($command.Name): documents -$documented, which does not exist") }
    }

    $syntax = foreach ($set in $command.ParameterSets) {
        $items = foreach ($sp in ($set.Parameters | Where-Object { $skip -notcontains $_.Name } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } }, Name)) {
            $p = $command.Parameters[$sp.Name]
            ParameterXml $p $sp $describe[$sp.Name]
        }
        "<command:syntaxItem><maml:name>$($command.Name)</maml:name>$($items -join '')</command:syntaxItem>"
    }
    $paramXml = foreach ($p in $parameters) {
        $first = $p.ParameterSets.Values | Select-Object -First 1
        $meta = [pscustomobject]@{
            IsMandatory = [bool]($p.ParameterSets.Values | Where-Object IsMandatory)
            Position = $first.Position
            ValueFromPipeline = [bool]($p.ParameterSets.Values | Where-Object ValueFromPipeline)
            ValueFromPipelineByPropertyName = [bool]($p.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName)
        }
        ParameterXml $p $meta $describe[$p.Name]
    }
    $examples = $i = 0
    $examples = foreach ($e in $doc.Examples) {
        $i++
        $title = if ($e.Title -match '^Example \d+') { $e.Title } else { "Example ${i}: $($e.Title)" }
        "<command:example><maml:title>-------------------------- $(Esc $title) --------------------------</maml:title><dev:code>$(Esc $e.Code)</dev:code><dev:remarks>$(Para $e.Remarks)</dev:remarks></command:example>"
    }
    $outputs = foreach ($t in $command.OutputType | Select-Object -ExpandProperty Name -Unique) {
        "<command:returnValue><dev:type><maml:name>$(Esc $t)</maml:name></dev:type><maml:description><maml:para /></maml:description></command:returnValue>"
    }
    $links = foreach ($l in $doc.Links) { "<maml:navigationLink><maml:linkText>$(Esc $l)</maml:linkText><maml:uri /></maml:navigationLink>" }
    [void] $commands.Append(@"
<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10" xmlns:MSHelp="http://msdn.microsoft.com/mshelp">
<command:details><command:name>$($command.Name)</command:name><command:verb>$($command.Verb)</command:verb><command:noun>$($command.Noun)</command:noun><maml:description>$(Para @($doc.Synopsis))</maml:description></command:details>
<maml:description>$(Para $doc.Description)</maml:description>
<command:syntax>$($syntax -join '')</command:syntax>
<command:parameters>$($paramXml -join '')</command:parameters>
<command:inputTypes />
<command:returnValues>$($outputs -join '')</command:returnValues>
<maml:alertSet><maml:alert>$(Para $doc.Notes)</maml:alert></maml:alertSet>
<command:examples>$($examples -join '')</command:examples>
<command:relatedLinks>$($links -join '')</command:relatedLinks>
</command:command>
"@)
}

if ($problems.Count -gt 0) {
    throw "Help is incomplete:`n  " + ($problems -join "`n  ")
}

$xml = "<?xml version=`"1.0`" encoding=`"utf-8`"?>`n<helpItems schema=`"maml`" xmlns=`"http://msh`">`n$commands</helpItems>`n"
New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force | Out-Null
[xml] $xml | Out-Null
Set-Content -Path $OutputPath -Value $xml -Encoding utf8NoBOM
Write-Host "Help written for $((Get-Command -Module $module.Name -CommandType Cmdlet).Count) cmdlets: $OutputPath"

# Sign files with signtool (Authenticode, SHA-256, RFC 3161 timestamp).
#
#   pwsh installer/sign.ps1 dist\vidstudio\vidstudio.exe dist\vidstudio\vidstudio-cli.exe
#
# The certificate comes from the environment, never from the repository:
#   SIGNING_CERT      the code-signing certificate as a base64-encoded .pfx
#   SIGNING_PASSWORD  its password
#   SIGNING_TIMESTAMP_URL  optional; default http://timestamp.digicert.com
# With no SIGNING_CERT it says so and exits 0: unsigned builds stay possible.
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = "Stop"

if (-not $env:SIGNING_CERT) {
    Write-Host "sign.ps1: no SIGNING_CERT configured; leaving $($Files.Count) file(s) unsigned"
    exit 0
}
$kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
$signtool = Get-ChildItem -Path $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match '\\x64\\' } |
    Sort-Object { [version]($_.Directory.Parent.Name -replace '[^0-9.]', '') } -Descending |
    Select-Object -First 1
if (-not $signtool) { throw "signtool.exe not found under $kits (Windows SDK)" }
$timestamp = if ($env:SIGNING_TIMESTAMP_URL) { $env:SIGNING_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }

$pfx = Join-Path $env:RUNNER_TEMP ("signing-" + [guid]::NewGuid() + ".pfx")
try {
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:SIGNING_CERT))
    & $signtool.FullName sign /f $pfx /p $env:SIGNING_PASSWORD /fd sha256 /tr $timestamp /td sha256 /d vidstudio @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool sign failed ($LASTEXITCODE)" }
    & $signtool.FullName verify /pa /v @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool verify failed ($LASTEXITCODE)" }
}
finally {
    Remove-Item -Force -ErrorAction SilentlyContinue $pfx
}

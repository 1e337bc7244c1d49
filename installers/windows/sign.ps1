# Sign Windows executables with the office's code-signing certificate, if it has one.
#
#   pwsh -File installers\windows\sign.ps1 <file.exe> [<file.exe> ...]
#
# The certificate comes from two environment variables (in GitHub Actions: repository
# secrets of the same names, see installers/README.md "Code signing"):
#   WINDOWS_CERT_PFX_BASE64   the .pfx file (certificate + private key), base64-encoded
#   WINDOWS_CERT_PASSWORD     its password
# Without them: a visible warning (a ::warning:: line in GitHub Actions) and exit 0, so
# an office without a certificate still gets its (unsigned) build.
# Signing: signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256, then
# signtool verify /pa. The timestamp keeps the signature valid after the certificate
# expires. makensis calls this script for the uninstaller too (!uninstfinalize).
param([Parameter(ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = 'Stop'

if (-not $Files -or $Files.Count -eq 0) { throw "usage: sign.ps1 <file.exe> [...]" }
if (-not $env:WINDOWS_CERT_PFX_BASE64 -or -not $env:WINDOWS_CERT_PASSWORD) {
    $names = ($Files | ForEach-Object { Split-Path -Leaf $_ }) -join ', '
    Write-Host "::warning::No code-signing certificate configured (secrets WINDOWS_CERT_PFX_BASE64, WINDOWS_CERT_PASSWORD): $names left unsigned. Windows SmartScreen will warn users; see installers/README.md, Code signing."
    exit 0
}

function Find-SignTool {
    $onPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'x64' } |
        Sort-Object { [version]($_.Directory.Parent.Name -replace '[^\d.]', '') } |
        Select-Object -Last 1
    if (-not $found) { throw "signtool.exe not found (install the Windows SDK)" }
    return $found.FullName
}

$signtool = Find-SignTool
$tempRoot = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }
$pfx = Join-Path $tempRoot ("desk-sign-" + [guid]::NewGuid().ToString('N') + '.pfx')
try {
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
    foreach ($file in $Files) {
        $signed = $false
        # the timestamp server is on the internet: a short outage should not fail a release
        foreach ($attempt in 1..3) {
            & $signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /f $pfx /p $env:WINDOWS_CERT_PASSWORD $file
            if ($LASTEXITCODE -eq 0) { $signed = $true; break }
            Start-Sleep -Seconds (10 * $attempt)
        }
        if (-not $signed) { throw "signtool could not sign $file" }
        & $signtool verify /pa $file
        if ($LASTEXITCODE -ne 0) { throw "the signature of $file does not verify" }
        Write-Host "signed: $file"
    }
} finally {
    Remove-Item -LiteralPath $pfx -Force -ErrorAction SilentlyContinue
}

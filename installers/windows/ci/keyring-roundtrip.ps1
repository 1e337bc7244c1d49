# Step 5: a keyring round trip from the frozen program (Windows Credential Manager).
# Credential Manager keeps at most 2,560 bytes per secret, 1,280 characters as keyring
# stores them (UTF-16); desktop/core/secrets.py refuses longer secrets with a clear message
# instead of keeping them for the session only. So: 2,048 characters (2 KB) must be
# refused (exit 3, the message), 1,280 must go in, come back equal and be deleted (exit 0).
# By hand: pwsh -File installers\windows\ci\keyring-roundtrip.ps1 [-Program <folder>]
param([string]$Program = "")
. "$PSScriptRoot\common.ps1"

if (-not $Program) { $Program = if ($env:DESK_PORTABLE_COPY) { $env:DESK_PORTABLE_COPY } else { Join-Path $RepoRoot 'dist\diskominfo-desk' } }
$cli = Join-Path $Program 'diskominfo-desk-cli.exe'
Assert (Test-Path -LiteralPath $cli) "the frozen CLI is at $cli"

Step "2 KB secret: refused before storing"
Write-Host "> `"$cli`" keyring-self-test --length 2048 --lang en"
$err = & $cli keyring-self-test --length 2048 --lang en 2>&1 | ForEach-Object { "$_" }
$code = $LASTEXITCODE
Write-Host ($err -join "`n")
Assert ($code -eq 3) "a 2,048-character secret is refused by the size check (exit 3, got $code)"
Assert (($err -join ' ') -match 'too long for the Windows Credential Manager') "the refusal says why"
EndStep

Step "1,280 characters: stored, read back, deleted"
$out = Run $cli @('keyring-self-test', '--length', '1280', '--lang', 'en')
Assert ($out -match '1280 characters was stored, read back and deleted') "the round trip of 1,280 characters works"
EndStep

# Step 3: build the one-folder bundle (installers/diskominfo-desk.spec) and smoke-test it
# from a folder with a space and a non-ASCII letter, in portable mode (portable.txt beside
# the program: all data in its data\ folder), on the real 'windows' Qt platform plugin:
# --version, init, demo, list datasets --json, the window up for a few seconds and closed
# as a user closes it; a second start while it runs brings it forward and exits 0.
# By hand, from the repository root: pwsh -File installers\windows\ci\bundle-smoke.ps1
#   (-SkipBuild to test an existing dist\diskominfo-desk)
param([switch]$SkipBuild, [string]$Target = "")
. "$PSScriptRoot\common.ps1"

if (-not $SkipBuild) {
    Step "PyInstaller bundle"
    Push-Location $RepoRoot
    try {
        python -m PyInstaller --noconfirm --clean installers/diskominfo-desk.spec
        if ($LASTEXITCODE -ne 0) { Fail "PyInstaller failed (exit $LASTEXITCODE)" }
    } finally {
        Pop-Location
    }
    EndStep
}
$bundle = Join-Path $RepoRoot 'dist\diskominfo-desk'
Assert (Test-Path -LiteralPath "$bundle\diskominfo-desk.exe") "the bundle has diskominfo-desk.exe"
Assert (Test-Path -LiteralPath "$bundle\diskominfo-desk-cli.exe") "the bundle has diskominfo-desk-cli.exe"
$plugin = Get-ChildItem -LiteralPath "$bundle\_internal" -Recurse -Filter 'qwindows.dll' | Select-Object -First 1
Assert ($null -ne $plugin) "the windows platform plugin is in the bundle"

Step "copy to a folder with a space and a non-ASCII letter, portable"
if (-not $Target) { $Target = Join-Path $env:SystemDrive $OddFolderName }
Remove-Item -LiteralPath $Target -Recurse -Force -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Path $Target | Out-Null
Copy-Item -Path "$bundle\*" -Destination $Target -Recurse
New-Item -ItemType File -Path (Join-Path $Target 'portable.txt') | Out-Null
$cli = Join-Path $Target 'diskominfo-desk-cli.exe'
$gui = Join-Path $Target 'diskominfo-desk.exe'
Write-Host "program folder: $Target"
EndStep

Step "CLI"
$env:QT_QPA_PLATFORM = 'offscreen'   # the CLI's PDF/DOCX rendering needs no screen
$version = Run $cli @('--version')
Assert ($version -match [regex]::Escape($AppVersion)) "--version says $AppVersion"
Run $cli @('init') | Out-Null
Assert (Test-Path -LiteralPath "$Target\data\diskominfo-desk.sqlite3") "portable: the database is in the program's data folder"
Run $cli @('demo') | Out-Null
$datasets = Run $cli @('list', 'datasets', '--json') | ConvertFrom-Json
Assert ($datasets.Count -gt 0) "list datasets --json gives $($datasets.Count) datasets as valid JSON"
$agreement = (Run $cli @('list', 'agreements', '--json', '--filter', 'jenis=kb', '--limit', '1') | ConvertFrom-Json)[0].id
Run $cli @('pdf', $agreement, '-o', "$Target\data\kb.pdf") | Out-Null
Assert ((Get-Item -LiteralPath "$Target\data\kb.pdf").Length -gt 1000) "a KB rendered to PDF"
Assert (-not (Test-Path -LiteralPath "$env:LOCALAPPDATA\diskominfo-desk\diskominfo-desk.sqlite3")) "nothing written to the user's data folder"
EndStep

Step "the window on the real windows platform"
$window = Start-Window $gui
Start-Sleep -Seconds 3
$window.Refresh()
Assert (-not $window.HasExited) "the window still runs after a few seconds"
Assert (Test-ProgramMutex) "the running window holds its mutex (the installer looks for it)"
# a second start of the same program on the same database: forwards, exits 0
$second = Start-Process -FilePath $gui -PassThru
$null = $second.Handle   # kept, so that ExitCode can be read once it has exited
if (-not $second.WaitForExit(30000)) { Stop-Process -Id $second.Id -Force; Fail "the second start did not end" }
Assert ($second.ExitCode -eq 0) "a second start exits 0 (got $($second.ExitCode))"
$windows = @(Get-Process -Name 'diskominfo-desk' -ErrorAction SilentlyContinue | Where-Object { $_.MainWindowHandle -ne [IntPtr]::Zero })
Assert ($windows.Count -eq 1) "still one window (found $($windows.Count))"
Close-Window $window
Assert (-not (Test-ProgramMutex)) "the mutex is gone once the window closed"
EndStep

# keep the portable copy for the keyring step; the runner is thrown away afterwards
if ($env:GITHUB_ENV) { "DESK_PORTABLE_COPY=$Target" | Out-File -FilePath $env:GITHUB_ENV -Append -Encoding utf8 }

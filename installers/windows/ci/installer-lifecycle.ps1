# Step 4: the installer's life cycle, silent (/S), as an office's IT would script it:
#  1. build the installer (NSIS; choco install nsis when absent), install silently
#     (per user: %LOCALAPPDATA%\Programs\Diskominfo Desk), run --version and init;
#  2. start the installed window; install again while it runs: the installer must see it
#     (its mutex), wait, give up with exit code 3 and leave every file as it was;
#  3. the same for the uninstaller (exit 3, files untouched);
#  4. close the window; install again (an upgrade in place): exit 0, no staging leftovers;
#  5. uninstall silently: the program is gone, the user's data (database) is kept.
# By hand, from the repository root, after bundle-smoke.ps1 built dist\diskominfo-desk:
#   pwsh -File installers\windows\ci\installer-lifecycle.ps1
#   (it installs into your own profile and uninstalls at the end, keeping the data)
. "$PSScriptRoot\common.ps1"

Step "build the installer"
$makensis = Get-Command makensis -ErrorAction SilentlyContinue
if (-not $makensis -and -not (Test-Path "${env:ProgramFiles(x86)}\NSIS\makensis.exe")) {
    choco install nsis -y --no-progress
    if ($LASTEXITCODE -ne 0) { Fail "choco install nsis failed" }
}
Push-Location $RepoRoot
try {
    python installers/windows/make_installer.py
    if ($LASTEXITCODE -ne 0) { Fail "make_installer.py failed (exit $LASTEXITCODE)" }
} finally {
    Pop-Location
}
$setup = Join-Path $RepoRoot "dist\diskominfo-desk-$AppVersion-setup.exe"
Assert (Test-Path -LiteralPath $setup) "the installer is $setup"
EndStep

$dir = Join-Path $env:LOCALAPPDATA 'Programs\Diskominfo Desk'
$data = Join-Path $env:LOCALAPPDATA 'diskominfo-desk'
$cli = Join-Path $dir 'diskominfo-desk-cli.exe'
$gui = Join-Path $dir 'diskominfo-desk.exe'
$uninstallKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\diskominfo-desk'
$env:QT_QPA_PLATFORM = 'offscreen'

function Assert-NoLeftovers {
    foreach ($name in '_installing', '_old', '_removing') {
        Assert (-not (Test-Path -LiteralPath (Join-Path $dir $name))) "no $name folder left in the program folder"
    }
}

Step "1. silent install, --version, init"
Assert ((Invoke-Setup $setup '/S') -eq 0) "the silent install exits 0"
Assert (Test-Path -LiteralPath $gui) "diskominfo-desk.exe installed in $dir"
Assert (Test-Path -LiteralPath "$dir\_internal") "_internal installed"
Assert (Test-Path -LiteralPath "$dir\uninstall.exe") "uninstall.exe written"
Assert (-not (Test-Path -LiteralPath "$dir\portable.txt")) "an installed copy is never portable"
Assert (Test-Path $uninstallKey) "registered in Apps (HKCU)"
Assert-NoLeftovers
$version = Run $cli @('--version')
Assert ($version -match [regex]::Escape($AppVersion)) "the installed CLI says $AppVersion"
Run $cli @('init') | Out-Null
Assert (Test-Path -LiteralPath "$data\diskominfo-desk.sqlite3") "init made the database in %LOCALAPPDATA%\diskominfo-desk"
Run $cli @('demo') | Out-Null   # the window then opens without the welcome dialog
EndStep

Step "2. install again while the program runs: refused, nothing changed"
$window = Start-Window $gui
$before = Get-Snapshot $dir
$code = Invoke-Setup $setup '/S'
Assert ($code -eq 3) "the installer gives up on the running program with exit code 3 (got $code)"
$window.Refresh()
Assert (-not $window.HasExited) "the window was left running"
$after = Get-Snapshot $dir
Assert ((Compare-Object $before $after | Measure-Object).Count -eq 0) "every program file is as it was"
Assert-NoLeftovers
EndStep

Step "3. uninstall while the program runs: refused, nothing changed"
$code = Invoke-Setup "$dir\uninstall.exe" "/S _?=$dir"
Assert ($code -eq 3) "the uninstaller gives up on the running program with exit code 3 (got $code)"
$after = Get-Snapshot $dir
Assert ((Compare-Object $before $after | Measure-Object).Count -eq 0) "every program file is still as it was"
Close-Window $window
EndStep

Step "4. upgrade in place once it is closed"
Assert ((Invoke-Setup $setup '/S') -eq 0) "installing over the closed program exits 0"
Assert-NoLeftovers
$version = Run $cli @('--version')
Assert ($version -match [regex]::Escape($AppVersion)) "the program runs after the upgrade"
$opd = Run $cli @('list', 'opd', '--json') | ConvertFrom-Json
Assert ($opd.Count -gt 0) "the data survived the upgrade ($($opd.Count) OPD)"
EndStep

Step "5. silent uninstall keeps the data"
# _?= runs the uninstaller in place, so its exit code is the real one (it cannot delete
# itself then: removed below, as the copy it normally makes in %TEMP% would have done)
Assert ((Invoke-Setup "$dir\uninstall.exe" "/S _?=$dir") -eq 0) "the silent uninstall exits 0"
Assert (-not (Test-Path -LiteralPath $gui)) "diskominfo-desk.exe removed"
Assert (-not (Test-Path -LiteralPath $cli)) "diskominfo-desk-cli.exe removed"
Assert (-not (Test-Path -LiteralPath "$dir\_internal")) "_internal removed"
Assert-NoLeftovers
Assert (-not (Test-Path $uninstallKey)) "removed from Apps"
Assert (Test-Path -LiteralPath "$data\diskominfo-desk.sqlite3") "the database is kept in %LOCALAPPDATA%\diskominfo-desk"
Remove-Item -LiteralPath "$dir\uninstall.exe" -Force -ErrorAction SilentlyContinue
Remove-Item -LiteralPath $dir -Force -ErrorAction SilentlyContinue
EndStep

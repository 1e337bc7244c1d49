# Shared helpers of the Windows CI steps (dot-sourced: . "$PSScriptRoot\common.ps1").
# Every step is also meant to be run by hand from the repository root, in PowerShell 7:
#   pwsh -File installers\windows\ci\<step>.ps1
# PYTHONUTF8 is deliberately left unset: the program must cope with the console's code page.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# The CLI writes UTF-8 whatever the console (desktop/cli.py); read it back as UTF-8.
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)

$RepoRoot = (Resolve-Path "$PSScriptRoot\..\..\..").Path
$AppVersion = (Select-String -Path "$RepoRoot\desktop\__init__.py" -Pattern '^__version__ = "(.+)"$').Matches[0].Groups[1].Value
# A folder with a space and a non-ASCII letter, as Indonesian user names and OneDrive paths have
$OddFolderName = "Uji Desk " + [char]0x00F1

function Step([string]$Text) {
    Write-Host "::group::$Text"
}

function EndStep {
    Write-Host "::endgroup::"
}

function Fail([string]$Text) {
    Write-Host "::error::$Text"
    throw $Text
}

function Assert([bool]$Condition, [string]$Text) {
    if (-not $Condition) { Fail "assertion failed: $Text" }
    Write-Host "ok: $Text"
}

# Run a console program; its output (stdout) returned as one string, echoed to the log.
# A non-zero exit code fails the step unless it is the expected one.
function Run([string]$Exe, [string[]]$Arguments, [int]$Expect = 0) {
    Write-Host "> `"$Exe`" $($Arguments -join ' ')"
    $output = & $Exe @Arguments | ForEach-Object { "$_" }   # stdout; stderr goes to the log
    $code = $LASTEXITCODE
    $text = ($output -join "`n")
    if ($text) { Write-Host $text }
    if ($code -ne $Expect) { Fail "`"$Exe`" $($Arguments -join ' ') exited $code, expected $Expect" }
    return $text
}

# Start the windowed program; wait until its main window exists (the real 'windows' Qt
# platform: no QT_QPA_PLATFORM), return the process.
function Start-Window([string]$Exe, [int]$TimeoutSeconds = 60) {
    Remove-Item Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    $process = Start-Process -FilePath $Exe -PassThru
    $null = $process.Handle   # kept, so that ExitCode can be read once it has exited
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    while ((Get-Date) -lt $deadline) {
        Start-Sleep -Milliseconds 500
        $process.Refresh()
        if ($process.HasExited) { Fail "$Exe ended with exit code $($process.ExitCode) before showing a window" }
        if ($process.MainWindowHandle -ne [IntPtr]::Zero) {
            Write-Host "window up: '$($process.MainWindowTitle)' (pid $($process.Id))"
            return $process
        }
    }
    Stop-Process -Id $process.Id -Force
    Fail "$Exe showed no window within $TimeoutSeconds s"
}

# Close it as the user would (WM_CLOSE through the window's close button) and wait.
function Close-Window($Process, [int]$TimeoutSeconds = 30) {
    $null = $Process.CloseMainWindow()
    if (-not $Process.WaitForExit($TimeoutSeconds * 1000)) {
        Stop-Process -Id $Process.Id -Force
        Fail "the window did not close within $TimeoutSeconds s"
    }
    Assert ($Process.ExitCode -eq 0) "the window closed with exit code 0 (got $($Process.ExitCode))"
}

# PostgreSQL's folders taken off PATH for this script and the programs it starts: the
# program must find pg_dump under Program Files by itself (desktop/core/pg_tools.py).
function Remove-PostgresFromPath {
    $kept = $env:PATH -split ';' | Where-Object { $_ -and $_ -notmatch 'PostgreSQL' }
    $env:PATH = $kept -join ';'
}

function Test-ProgramMutex {
    # the name desktop/core/single_instance.py and the NSIS script use
    $mutex = $null
    $found = [System.Threading.Mutex]::TryOpenExisting("Local\DiskominfoDesk-$env:USERNAME", [ref]$mutex)
    if ($found) { $mutex.Dispose() }
    return $found
}

# Run an installer or uninstaller and wait; its exit code. One argument string, passed as
# is: NSIS wants /D= and _?= last and unquoted, even with spaces in the folder.
function Invoke-Setup([string]$Exe, [string]$Arguments) {
    Write-Host "> `"$Exe`" $Arguments"
    $process = Start-Process -FilePath $Exe -ArgumentList $Arguments -PassThru -Wait
    Write-Host "exit code $($process.ExitCode)"
    return $process.ExitCode
}

# Every file under a folder with its size and time: to prove nothing changed.
function Get-Snapshot([string]$Folder) {
    Get-ChildItem -LiteralPath $Folder -Recurse -Force -File |
        ForEach-Object { "$($_.FullName.Substring($Folder.Length))|$($_.Length)|$($_.LastWriteTimeUtc.Ticks)" } |
        Sort-Object
}

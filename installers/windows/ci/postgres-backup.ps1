# Step 2b: PostgreSQL backup and restore against the runner's server, pg_dump/pg_restore
# found by the program under Program Files (not on PATH): the backup tests, then the CLI
# itself: a demo register, "backup", a change, "restore", the change gone.
# By hand: pwsh -File installers\windows\ci\postgres-backup.ps1 (after start-postgres.ps1)
. "$PSScriptRoot\common.ps1"

if (-not $env:DISKOMINFO_DESK_TEST_POSTGRES) { Fail "run start-postgres.ps1 first" }
Remove-PostgresFromPath
Assert (-not (Get-Command pg_dump -ErrorAction SilentlyContinue)) "pg_dump is not on PATH"
$env:QT_QPA_PLATFORM = 'offscreen'

Step "backup tests"
Push-Location $RepoRoot
try {
    python -m pytest -n0 -q -p no:cacheprovider tests/test_backups.py tests/test_pg_tools.py tests/test_restore_tampered_pg.py
    if ($LASTEXITCODE -ne 0) { Fail "the backup tests failed (exit $LASTEXITCODE)" }
} finally {
    Pop-Location
}
EndStep

Step "CLI backup and restore of a PostgreSQL register"
$admin = $env:DISKOMINFO_DESK_TEST_POSTGRES
$db = "desk_ci_$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$tempRoot = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { $env:TEMP }
$work = Join-Path $tempRoot "$OddFolderName pg"
New-Item -ItemType Directory -Force -Path $work | Out-Null
$env:DISKOMINFO_DESK_PORTABLE_DIR = $work   # settings, backups and logs stay in $work
python -c "import sys, sqlalchemy as sa; e = sa.create_engine(sys.argv[1].replace('postgresql://', 'postgresql+psycopg://'), isolation_level='AUTOCOMMIT'); c = e.connect(); c.exec_driver_sql('CREATE DATABASE ' + sys.argv[2]); c.close()" $admin $db
if ($LASTEXITCODE -ne 0) { Fail "could not create database $db" }
$url = $admin -replace '/postgres$', "/$db"
try {
    Push-Location $RepoRoot
    Run python @('-m', 'desktop', '--database', $url, 'init') | Out-Null
    Run python @('-m', 'desktop', '--database', $url, 'demo') | Out-Null
    $before = (Run python @('-m', 'desktop', '--database', $url, 'list', 'datasets', '--json') | ConvertFrom-Json).Count
    $backupDir = Join-Path $work 'cadangan'
    Run python @('-m', 'desktop', '--database', $url, 'backup', $backupDir) | Out-Null
    $dump = Get-ChildItem -LiteralPath $backupDir -Filter '*.dump' | Select-Object -First 1
    Assert ($null -ne $dump) "a .dump was written by pg_dump from Program Files"
    Run python @('-m', 'desktop', '--database', $url, 'seed-bench', '7') | Out-Null   # a change after the backup
    $changed = (Run python @('-m', 'desktop', '--database', $url, 'list', 'datasets', '--json') | ConvertFrom-Json).Count
    Assert ($changed -eq $before + 7) "7 datasets added after the backup ($before -> $changed)"
    Run python @('-m', 'desktop', '--database', $url, 'restore', $dump.FullName) | Out-Null
    $after = (Run python @('-m', 'desktop', '--database', $url, 'list', 'datasets', '--json') | ConvertFrom-Json).Count
    Assert ($after -eq $before) "after restore the register has its $before datasets again (has $after)"
} finally {
    Pop-Location
    Remove-Item Env:DISKOMINFO_DESK_PORTABLE_DIR
}
EndStep

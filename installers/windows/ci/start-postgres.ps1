# Step 2a: the runner's own PostgreSQL (installed, service disabled, tools not on PATH).
# Starts the service and sets DISKOMINFO_DESK_TEST_POSTGRES (the admin URL tests/conftest.py
# reads) and DISKOMINFO_DESK_REQUIRE_POSTGRES=1 (a missing server fails instead of
# skipping) for this shell and, in GitHub Actions, for the later steps ($env:GITHUB_ENV).
# By hand: pwsh -File installers\windows\ci\start-postgres.ps1   (as an administrator,
# on a machine with PostgreSQL from the EDB installer; PGPASSWORD = the postgres password)
. "$PSScriptRoot\common.ps1"

Step "start the PostgreSQL service"
$service = Get-Service -Name 'postgresql*' | Select-Object -First 1
if (-not $service) { Fail "no PostgreSQL service on this machine" }
Write-Host "service $($service.Name): $($service.Status), $($service.StartType)"
if ($service.Status -ne 'Running') {
    Set-Service -Name $service.Name -StartupType Manual
    Start-Service -Name $service.Name
}
$service.WaitForStatus('Running', [TimeSpan]::FromSeconds(60))

# The runner sets PGBIN/PGUSER/PGPASSWORD (postgres/root); fall back to the EDB layout.
$bin = $env:PGBIN
if (-not $bin) {
    $bin = Get-ChildItem "$env:ProgramFiles\PostgreSQL\*\bin" -Directory |
        Sort-Object { [int]($_.Parent.Name -replace '\D', '') } | Select-Object -Last 1 -ExpandProperty FullName
}
$user = if ($env:PGUSER) { $env:PGUSER } else { 'postgres' }
$password = if ($env:PGPASSWORD) { $env:PGPASSWORD } else { 'root' }
$ready = $false
foreach ($i in 1..30) {
    & "$bin\pg_isready.exe" -h 127.0.0.1 -p 5432 | Out-Host
    if ($LASTEXITCODE -eq 0) { $ready = $true; break }
    Start-Sleep -Seconds 2
}
Assert $ready "PostgreSQL answers on 127.0.0.1:5432"
# the next steps take PostgreSQL off PATH: the program must find pg_dump by itself
$onPath = Get-Command pg_dump -ErrorAction SilentlyContinue
Write-Host "pg_dump on PATH: $(if ($onPath) { $onPath.Source } else { 'no' }); server programs in $bin"
EndStep

$url = "postgresql://${user}:${password}@127.0.0.1:5432/postgres"
$env:DISKOMINFO_DESK_TEST_POSTGRES = $url
$env:DISKOMINFO_DESK_REQUIRE_POSTGRES = '1'
if ($env:GITHUB_ENV) {
    "DISKOMINFO_DESK_TEST_POSTGRES=$url" | Out-File -FilePath $env:GITHUB_ENV -Append -Encoding utf8
    "DISKOMINFO_DESK_REQUIRE_POSTGRES=1" | Out-File -FilePath $env:GITHUB_ENV -Append -Encoding utf8
}
Write-Host "DISKOMINFO_DESK_TEST_POSTGRES=postgresql://${user}:***@127.0.0.1:5432/postgres"

# Step 1: the quick suite (pytest -m "not slow") on Windows, offscreen Qt, PYTHONUTF8 unset,
# PostgreSQL cases against the runner's server (start-postgres.ps1 runs first).
# By hand, from the repository root with the project installed (pip install -e ".[test]"):
#   pwsh -File installers\windows\ci\quick-suite.ps1
. "$PSScriptRoot\common.ps1"

Assert (-not $env:PYTHONUTF8) "PYTHONUTF8 is not set (the code must not rely on it)"
$env:QT_QPA_PLATFORM = 'offscreen'
# With CI=true a test whose program is missing fails (tests/conftest.py: the Linux CI
# installs them all). This runner has no LibreOffice: such tests are left out with one
# summary line naming the program, as on an office's own machine.
$env:CI = 'false'
Step "pytest -m 'not slow'"
Push-Location $RepoRoot
try {
    python -m pytest -m "not slow" -q -p no:cacheprovider
    if ($LASTEXITCODE -ne 0) { Fail "the quick suite failed (exit $LASTEXITCODE)" }
} finally {
    Pop-Location
}
EndStep

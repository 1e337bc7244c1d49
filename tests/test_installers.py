"""The Windows installer script compiles (makensis on Linux, against a dummy payload).

Slow: the quick suite leaves it out; installers/ci-build-and-smoke.sh compiles the same
script in CI. Without makensis the test is left out with one summary line, except in CI
(CI=true), where it must run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
MAKE_INSTALLER = ROOT / "installers" / "windows" / "make_installer.py"


@pytest.mark.slow
@pytest.mark.needs_tool("makensis", "apt-get install nsis")
def test_nsis_script_compiles_against_a_dummy_payload(tmp_path: Path) -> None:
    output = tmp_path / f"diskominfo-desk-{__version__}-setup.exe"
    result = subprocess.run([sys.executable, str(MAKE_INSTALLER), "--dummy-payload",
                             "--output", str(output)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    data = output.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    assert len(data) > 50_000


# ------------------------------------------------------------------------------------
# What the script must do, read from it (the compile above proves it is valid NSIS; the
# Windows workflow, .github/workflows/windows.yml, runs it for real).
NSIS = ROOT / "installers" / "windows" / "diskominfo-desk.nsi"


def _script() -> str:
    return NSIS.read_text(encoding="utf-8")


def _block(script: str, start: str, end: str) -> str:
    """The text from ``start`` (a Section or Function line) to its ``end`` line."""
    begin = script.index(start)
    return script[begin:script.index(end, begin)]


def test_make_installer_compiles_with_warnings_as_errors() -> None:
    source = MAKE_INSTALLER.read_text(encoding="utf-8")
    assert '"-WX"' in source


def test_installer_and_uninstaller_look_for_the_running_program_first() -> None:
    script = _script()
    running = _block(script, "Function ${UN}ProgramRunning", "FunctionEnd")
    assert "kernel32::OpenMutexW" in running
    assert "${MUTEX_PREFIX}$0" in running and "ReadEnvStr $0 USERNAME" in running
    ask = _block(script, "Function ${UN}AskToClose", "FunctionEnd")
    assert "MB_RETRYCANCEL" in ask and "$(APP_RUNNING)" in ask
    assert "IfSilent" in ask and "${SILENT_WAIT_SECONDS}" in ask  # silent: wait, then...
    assert "SetErrorLevel ${EXIT_RUNNING}" in ask  # ...a non-zero exit code
    assert '!insertmacro RUNNING_FUNCTIONS ""' in script
    assert '!insertmacro RUNNING_FUNCTIONS "un."' in script
    # both languages ask the same thing
    assert ('LangString APP_RUNNING ${LANG_INDONESIAN} "${APP_NAME} sedang berjalan. '
            'Tutup lalu pilih Coba lagi.') in script
    assert ('LangString APP_RUNNING ${LANG_ENGLISH} "${APP_NAME} is running. '
            'Close it, then choose Retry.') in script

    install = _block(script, 'Section "!$(SEC_APP)" SecApp', "SectionEnd")
    first_touch = min(install.index(word) for word in ("File /r", "RMDir", "Delete", "Call Move"))
    assert install.index("Call WaitUntilClosed") < first_touch
    uninstall = _block(script, 'Section "Uninstall"', "SectionEnd")
    first_touch = min(uninstall.index(word) for word in ("nsExec", "Rename", "RMDir",
                                                         "Delete"))
    assert uninstall.index("Call un.WaitUntilClosed") < first_touch
    # a file a running copy holds (the CLI, an older version) stops it before deleting
    aside = uninstall.index('Rename "$INSTDIR\\_internal"')
    assert aside < uninstall.rindex('RMDir /r "$INSTDIR\\_removing"')
    assert aside < uninstall.index('Delete "$INSTDIR\\${APP_EXE}"')
    assert "Call un.AskToClose" in uninstall


def test_an_upgrade_never_mixes_old_and_new_files() -> None:
    script = _script()
    install = _block(script, 'Section "!$(SEC_APP)" SecApp', "SectionEnd")
    # the new program goes to a staging folder first, never over the old files
    assert install.index('SetOutPath "$INSTDIR\\${STAGING}"') < install.index("File /r")
    assert "SetOverwrite try" in install  # a file that cannot be written: no Ignore button
    assert 'RMDir /r "$INSTDIR\\_internal"' not in install
    # then aside, then in; a failure restores the old program and says so
    assert install.index("Call MoveOldAside") < install.index("Call MoveNewIn")
    after_move_in = install[install.index("Call MoveNewIn"):]
    assert after_move_in.index("Call RollBack") < after_move_in.index("$(SWAP_FAILED)")
    assert "SetErrorLevel ${EXIT_SWAP}" in after_move_in
    assert 'LangString SWAP_FAILED ${LANG_INDONESIAN}' in script
    assert "dipulihkan" in script  # "restored", in the user's language
    # a run cut off mid-swap is repaired by the next one
    assert "${SWAP_MARK}" in _block(script, "Function MoveOldAside", "FunctionEnd")
    assert install.index("Call RollBack") < install.index("File /r")


def test_per_user_only_and_the_folder_page_refuses_admin_folders() -> None:
    script = _script()
    assert "RequestExecutionLevel user" in script
    page = script.index("!insertmacro MUI_PAGE_DIRECTORY")
    assert script.rindex("!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave", 0, page) > \
        script.rindex("!insertmacro MUI_PAGE_COMPONENTS", 0, page)
    check = _block(script, "Function CheckFolder", "FunctionEnd")
    for folder in ("$PROGRAMFILES", "$PROGRAMFILES64", "$WINDIR"):
        assert f"StrCpy $0 {folder}" in check
    assert 'FileOpen $4 "$INSTDIR\\.diskominfo-desk-write-test" w' in check  # test-write
    leave = _block(script, "Function DirectoryLeave", "FunctionEnd")
    assert "Call CheckFolder" in leave and "MessageBox" in leave and "Abort" in leave
    install = _block(script, 'Section "!$(SEC_APP)" SecApp', "SectionEnd")
    assert install.index("Call CheckFolder") < install.index("File /r")  # silent /D= too
    for name in ("DIR_NEEDS_ADMIN", "DIR_NOT_WRITABLE"):
        assert f"LangString {name} ${{LANG_INDONESIAN}}" in script
        assert f"LangString {name} ${{LANG_ENGLISH}}" in script


def test_uninstall_with_delete_my_data_removes_the_stored_credentials() -> None:
    script = _script()
    uninstall = _block(script, 'Section "Uninstall"', "SectionEnd")
    forget = uninstall.index('nsExec::ExecToLog \'"$INSTDIR\\${CLI_EXE}" forget-secrets\'')
    guard = uninstall.rindex("${If} $DeleteData == ${BST_CHECKED}", 0, forget)
    assert uninstall.index("${EndIf}", guard) > forget  # only with "delete my data"
    assert forget < uninstall.index('Rename "$INSTDIR\\_internal"')  # the CLI still there
    # the command the uninstaller runs exists in the CLI
    result = subprocess.run([sys.executable, "-m", "desktop", "forget-secrets", "--help"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "forget-secrets" in result.stdout


@pytest.mark.parametrize("workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")),
                         ids=lambda p: p.name)
def test_workflows_are_valid_yaml(workflow: Path) -> None:
    import yaml

    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data.get("jobs"), workflow
    # "on" is read by YAML 1.1 as True: either spelling names the triggers
    assert data.get("on", data.get(True)), workflow


WORKFLOWS = ROOT / ".github" / "workflows"
WINDOWS_CI = ROOT / "installers" / "windows" / "ci"


def _env_maps(node: object) -> list[dict]:
    """Every ``env:`` mapping anywhere in a workflow."""
    found: list[dict] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "env" and isinstance(value, dict):
                found.append(value)
            found.extend(_env_maps(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_env_maps(item))
    return found


def test_the_windows_workflow_runs_every_step_script_on_every_push() -> None:
    import yaml

    text = (WORKFLOWS / "windows.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    triggers = data.get("on", data.get(True))
    assert "push" in triggers and triggers["push"] is None  # every branch, every push
    for job in data["jobs"].values():
        assert job["runs-on"] == "windows-latest"
        setup = [s for s in job["steps"]
                 if str(s.get("uses", "")).startswith("actions/setup-python")]
        assert setup and str(setup[0]["with"]["python-version"]) == "3.11"
    assert all("PYTHONUTF8" not in env for env in _env_maps(data))
    scripts = {"start-postgres.ps1", "quick-suite.ps1", "postgres-backup.ps1",
               "bundle-smoke.ps1", "keyring-roundtrip.ps1", "installer-lifecycle.ps1"}
    runs = " ".join(str(s.get("run", "")) for job in data["jobs"].values() for s in job["steps"])
    for script in scripts:
        assert f"./installers/windows/ci/{script}" in runs, script
        assert (WINDOWS_CI / script).is_file(), script
    # what the steps check, in their own words
    smoke = (WINDOWS_CI / "bundle-smoke.ps1").read_text(encoding="utf-8")
    assert "portable.txt" in smoke and "$OddFolderName" in smoke and "Start-Window" in smoke
    for command in ("'--version'", "'init'", "'demo'", "'list', 'datasets', '--json'"):
        assert command in smoke, command
    common = (WINDOWS_CI / "common.ps1").read_text(encoding="utf-8")
    assert 'Remove-Item Env:QT_QPA_PLATFORM' in common  # the real windows platform
    life = (WINDOWS_CI / "installer-lifecycle.ps1").read_text(encoding="utf-8")
    assert "-eq 3" in life and "Get-Snapshot" in life and "_?=$dir" in life
    keyring_step = (WINDOWS_CI / "keyring-roundtrip.ps1").read_text(encoding="utf-8")
    assert "--length 2048" in keyring_step and "'1280'" in keyring_step
    quick = (WINDOWS_CI / "quick-suite.ps1").read_text(encoding="utf-8")
    assert '-m "not slow"' in quick and "QT_QPA_PLATFORM = 'offscreen'" in quick
    pg = (WINDOWS_CI / "start-postgres.ps1").read_text(encoding="utf-8")
    assert "DISKOMINFO_DESK_TEST_POSTGRES" in pg and "DISKOMINFO_DESK_REQUIRE_POSTGRES" in pg


def test_the_release_signs_when_a_certificate_is_configured_and_warns_when_not() -> None:
    import yaml

    data = yaml.safe_load((WORKFLOWS / "release.yml").read_text(encoding="utf-8"))
    steps = data["jobs"]["windows"]["steps"]
    names = [str(s.get("name", "")) for s in steps]
    sign_program = names.index("Sign the program (if a certificate is configured)")
    assert sign_program < names.index("NSIS") < \
        names.index("Sign the installer (if a certificate is configured)")
    for index in (sign_program, names.index("NSIS"), sign_program + 2):
        env = steps[index]["env"]
        assert env["WINDOWS_CERT_PFX_BASE64"] == "${{ secrets.WINDOWS_CERT_PFX_BASE64 }}"
        assert env["WINDOWS_CERT_PASSWORD"] == "${{ secrets.WINDOWS_CERT_PASSWORD }}"
    assert "--sign-command" in steps[names.index("NSIS")]["run"]
    sign = (ROOT / "installers" / "windows" / "sign.ps1").read_text(encoding="utf-8")
    assert "sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256" in sign
    assert "::warning::" in sign and "exit 0" in sign  # unsigned, visibly, not failed
    assert "FromBase64String($env:WINDOWS_CERT_PFX_BASE64)" in sign
    assert "Remove-Item -LiteralPath $pfx" in sign  # the key never stays on the runner


@pytest.mark.slow
@pytest.mark.needs_tool("makensis", "apt-get install nsis")
def test_the_uninstaller_is_signed_while_makensis_writes_it(tmp_path: Path) -> None:
    record = tmp_path / "signed.txt"
    stub = tmp_path / "sign-stub.py"
    stub.write_text("import sys, pathlib\n"
                    f"pathlib.Path({str(record)!r}).write_text(sys.argv[1])\n", encoding="utf-8")
    output = tmp_path / f"diskominfo-desk-{__version__}-setup.exe"
    result = subprocess.run([sys.executable, str(MAKE_INSTALLER), "--dummy-payload",
                             "--output", str(output),
                             "--sign-command", f'"{sys.executable}" "{stub}"'],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    signed = Path(record.read_text(encoding="utf-8"))
    assert signed.name  # the sign command got the uninstaller's file to sign
    assert output.read_bytes()[:2] == b"MZ"

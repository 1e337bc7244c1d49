"""Issue 22, point 4: pg_dump and pg_restore are found where Windows installs them, run
without a console window there, and their output is read as UTF-8 whatever it holds.

The Windows search runs over a fake ``Program Files`` tree in tmp_path with an injected
platform and environment; the tools' output is checked with real child processes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import backups, pg_tools
from desktop.core.errors import DeskError
from desktop.core.pg_tools import (
    CREATE_NO_WINDOW,
    PG_BIN_ENV,
    executable_name,
    find_pg_tool,
    run_kwargs,
    run_tool,
    search_roots,
)


def _tool(path: Path, script: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _windows_env(tmp_path: Path) -> dict[str, str]:
    return {"ProgramFiles": str(tmp_path / "Program Files"),
            "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
            "LOCALAPPDATA": str(tmp_path / "Users" / "budi" / "AppData" / "Local"),
            "PATH": ""}


def test_on_windows_the_newest_major_under_program_files_is_found(tmp_path: Path) -> None:
    env = _windows_env(tmp_path)
    pg = tmp_path / "Program Files" / "PostgreSQL"
    for major in ("9.6", "13", "16"):
        _tool(pg / major / "bin" / "pg_dump.exe")
    _tool(pg / "16" / "bin" / "pg_restore.exe")
    _tool(pg / "pgAdmin 4" / "bin" / "pg_dump.exe")  # not a version folder: ignored
    _tool(tmp_path / "Program Files (x86)" / "PostgreSQL" / "14" / "bin" / "pg_dump.exe")
    assert find_pg_tool("pg_dump", platform="win32", environ=env) == str(
        pg / "16" / "bin" / "pg_dump.exe")
    assert find_pg_tool("pg_restore", platform="win32", environ=env) == str(
        pg / "16" / "bin" / "pg_restore.exe")


def test_on_windows_x86_and_a_per_user_install_are_searched_too(tmp_path: Path) -> None:
    env = _windows_env(tmp_path)
    assert search_roots("win32", env) == [
        tmp_path / "Program Files" / "PostgreSQL",
        tmp_path / "Program Files (x86)" / "PostgreSQL",
        tmp_path / "Users" / "budi" / "AppData" / "Local" / "Programs" / "PostgreSQL"]
    user = _tool(tmp_path / "Users" / "budi" / "AppData" / "Local" / "Programs"
                 / "PostgreSQL" / "17" / "bin" / "pg_dump.exe")
    _tool(tmp_path / "Program Files (x86)" / "PostgreSQL" / "10" / "bin" / "pg_dump.exe")
    assert find_pg_tool("pg_dump", platform="win32", environ=env) == str(user)


def test_a_configured_folder_comes_first_then_path(tmp_path: Path) -> None:
    env = _windows_env(tmp_path)
    _tool(tmp_path / "Program Files" / "PostgreSQL" / "16" / "bin" / "pg_dump.exe")
    own = _tool(tmp_path / "D" / "pgtools" / "pg_dump.exe")
    assert find_pg_tool("pg_dump", platform="win32",
                        environ={**env, PG_BIN_ENV: str(own.parent)}) == str(own)
    on_path = _tool(tmp_path / "elsewhere" / executable_name("pg_dump"))
    assert find_pg_tool("pg_dump", environ={"PATH": str(on_path.parent)},
                        roots=[tmp_path / "kosong"]) == str(on_path)


def test_on_linux_the_newest_debian_cluster_tools_win(tmp_path: Path) -> None:
    root = tmp_path / "usr" / "lib" / "postgresql"
    for major in ("13", "16", "9"):
        _tool(root / major / "bin" / "pg_dump")
    assert find_pg_tool("pg_dump", platform="linux", environ={"PATH": ""},
                        roots=[root]) == str(root / "16" / "bin" / "pg_dump")
    assert search_roots("linux", {}) == [Path("/usr/lib/postgresql")]


def test_not_found_advice_fits_the_platform(tmp_path: Path) -> None:
    with pytest.raises(DeskError) as windows:
        find_pg_tool("pg_dump", platform="win32", environ=_windows_env(tmp_path))
    assert "Command Line Tools" in windows.value.message
    assert "penginstal EDB" in windows.value.message and PG_BIN_ENV in windows.value.message
    assert "postgresql-client" not in windows.value.message
    with pytest.raises(DeskError) as linux:
        find_pg_tool("pg_restore", platform="linux", environ={"PATH": ""},
                     roots=[tmp_path / "kosong"])
    assert linux.value.message.startswith("pg_restore tidak ditemukan di komputer ini. "
                                          "Pasang klien PostgreSQL (paket postgresql-client)")


def test_windows_runs_get_no_console_window_and_linux_runs_no_flag() -> None:
    windows = run_kwargs("win32")
    assert windows["creationflags"] == CREATE_NO_WINDOW == 0x08000000
    assert (windows["encoding"], windows["errors"]) == ("utf-8", "replace")
    linux = run_kwargs("linux")
    assert "creationflags" not in linux
    assert (linux["encoding"], linux["errors"]) == ("utf-8", "replace")


def test_the_faked_windows_platform_reaches_subprocess(monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    seen: dict[str, object] = {}

    def fake_run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        seen.update(kwargs)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(pg_tools.sys, "platform", "win32")
    monkeypatch.setattr(pg_tools.subprocess, "run", fake_run)
    run_tool(["pg_dump.exe", "--version"], {"PGPASSWORD": "x"})
    assert seen["creationflags"] == CREATE_NO_WINDOW
    assert seen["encoding"] == "utf-8" and seen["errors"] == "replace"
    assert "text" not in seen  # never the locale's code page


NOT_UTF8 = b"pg_dump: galat: koneksi ke server \xab\xe9\x81\xff\xbb gagal\n"
FAKE_TOOL = (
    "import sys\n"
    "sys.stdout.buffer.write('Sukses \\u2014 selesai\\n'.encode('utf-8'))\n"
    f"sys.stderr.buffer.write({NOT_UTF8!r})\n"
    "sys.exit(1)\n")


def test_non_utf8_output_of_a_tool_is_read_without_crashing(tmp_path: Path) -> None:
    # a cp1252 / Latin-1 message (as a Windows pg_dump with lc_messages may print) and
    # a stray byte: neither may raise UnicodeDecodeError (the locale's strict codec did)
    tool = _tool(tmp_path / "bin" / "pg_dump", FAKE_TOOL)
    done = run_tool([sys.executable, str(tool)], dict(os.environ))
    assert done.returncode == 1
    assert done.stdout == "Sukses \u2014 selesai\n"
    assert done.stderr == NOT_UTF8.decode("utf-8", errors="replace")
    assert done.stderr.startswith("pg_dump: galat: koneksi ke server \ufffd")


@pytest.mark.skipif(sys.platform == "win32", reason="a #! script is not a program there")
def test_a_failing_dump_says_what_the_tool_said_and_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _tool(tmp_path / "bin" / "pg_dump", FAKE_TOOL)
    monkeypatch.setattr(backups, "_pg_tool", lambda name: str(tool))
    with pytest.raises(DeskError, match=r"^pg_dump gagal: pg_dump: galat: koneksi ke server "
                                        "\ufffd+ gagal$"):
        backups._pg_dump("postgresql://budi@127.0.0.1:1/kantor", tmp_path / "x.dump")
    assert list(tmp_path.glob("x.dump*")) == []

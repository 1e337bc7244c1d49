"""Finding and running PostgreSQL's client tools (``pg_dump``, ``pg_restore``).

Where they live differs by platform, and neither puts them on PATH by default:

- Debian/Ubuntu: ``/usr/lib/postgresql/<major>/bin`` (the ``postgresql-client`` package);
- Windows (the EDB installer): ``%ProgramFiles%\\PostgreSQL\\<major>\\bin\\pg_dump.exe``,
  also under ``%ProgramFiles(x86)%`` and, for a per-user install,
  ``%LOCALAPPDATA%\\Programs\\PostgreSQL``.

The newest major found wins (a server refuses a ``pg_dump`` older than itself), then
PATH. ``DISKOMINFO_DESK_PG_BIN`` names a folder to use first, for an office that
installed the tools elsewhere. The platform, the environment and the roots are
parameters, so the Windows search is tested on Linux over a fake ``Program Files``.

Running them: on Windows without ``CREATE_NO_WINDOW`` every backup flashes a console
window; their output is read as UTF-8 with undecodable bytes replaced (never the
locale's code page, which turned an Indonesian message into a crash).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t

PG_BIN_ENV = "DISKOMINFO_DESK_PG_BIN"
# CREATE_NO_WINDOW from the Windows API; subprocess defines it only on Windows
CREATE_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)
_MAJOR = re.compile(r"^(\d+)(?:\.(\d+))?")


def is_windows(platform: str | None = None) -> bool:
    return (platform or sys.platform) == "win32"


def search_roots(platform: str | None = None,
                 environ: Mapping[str, str] | None = None) -> list[Path]:
    """Folders that hold one ``<major>/bin`` folder per installed PostgreSQL version."""
    env = os.environ if environ is None else environ
    if not is_windows(platform):
        return [Path("/usr/lib/postgresql")]
    roots = []
    for variable, below in (("ProgramFiles", ("PostgreSQL",)),
                            ("ProgramW6432", ("PostgreSQL",)),
                            ("ProgramFiles(x86)", ("PostgreSQL",)),
                            ("LOCALAPPDATA", ("Programs", "PostgreSQL"))):
        base = env.get(variable)
        if base:
            root = Path(base).joinpath(*below)
            if root not in roots:
                roots.append(root)
    return roots


def _version_key(folder: Path) -> tuple[int, int]:
    match = _MAJOR.match(folder.name)
    return (int(match.group(1)), int(match.group(2) or 0)) if match else (-1, 0)


def executable_name(name: str, platform: str | None = None) -> str:
    return f"{name}.exe" if is_windows(platform) else name


def find_pg_tool(name: str, *, platform: str | None = None,
                 environ: Mapping[str, str] | None = None,
                 roots: Sequence[Path] | None = None) -> str:
    """The path of ``name`` (``pg_dump``, ``pg_restore``): the configured folder, the
    newest installed major, then PATH; a DeskError with advice fitting the platform
    when none is found."""
    env = os.environ if environ is None else environ
    exe = executable_name(name, platform)
    configured = env.get(PG_BIN_ENV)
    if configured and (Path(configured) / exe).is_file():
        return str(Path(configured) / exe)
    found: list[Path] = []
    for root in search_roots(platform, env) if roots is None else roots:
        if not root.is_dir():
            continue
        found += [folder for folder in root.iterdir()
                  if (folder / "bin" / exe).is_file() and _version_key(folder)[0] >= 0]
    if found:
        newest = max(found, key=_version_key)
        return str(newest / "bin" / exe)
    on_path = shutil.which(exe, path=env.get("PATH"))
    if on_path:
        return on_path
    raise DeskError(not_found_message(name, platform))


def not_found_message(name: str, platform: str | None = None) -> str:
    command = f"{name} --format=custom --file=FILE DATABASE"
    if is_windows(platform):
        return t("{tool} tidak ditemukan di komputer ini. Pasang \"Command Line Tools\" "
                 "PostgreSQL dari penginstal EDB (postgresql.org/download/windows), atau "
                 "isi variabel lingkungan {variable} dengan folder bin-nya, atau jalankan "
                 "sendiri: {command}", tool=name, variable=PG_BIN_ENV, command=command)
    return t("{tool} tidak ditemukan di komputer ini. Pasang klien PostgreSQL "
             "(paket postgresql-client) atau jalankan sendiri: {command}",
             tool=name, command=command)


def run_kwargs(platform: str | None = None) -> dict[str, Any]:
    """What every ``subprocess`` call of a client tool passes: its output read as
    UTF-8 (bad bytes replaced) and, on Windows, no console window."""
    kwargs: dict[str, Any] = {"encoding": "utf-8", "errors": "replace"}
    if is_windows(platform):
        kwargs["creationflags"] = CREATE_NO_WINDOW
    return kwargs


def run_tool(command: list[str], env: Mapping[str, str] | None = None, *,
             stdin_path: Path | None = None, stdout_path: Path | None = None
             ) -> subprocess.CompletedProcess[str]:
    """Run a client tool to completion, its output captured as text.

    ``stdout_path`` receives the tool's output (a dump) and ``stdin_path`` is its input
    (an archive): the files are opened here, so their names never pass through the
    tool's command line, which on Windows is read in the ANSI code page (a folder named
    outside it would reach ``pg_dump`` as ``?``). Otherwise stdin is empty: nothing ever
    waits for a console the windowed program does not have.
    """
    with contextlib.ExitStack() as files:
        stdin: Any = (files.enter_context(stdin_path.open("rb")) if stdin_path is not None
                      else subprocess.DEVNULL)
        stdout: Any = (files.enter_context(stdout_path.open("wb"))
                       if stdout_path is not None else subprocess.PIPE)
        return subprocess.run(command, env=None if env is None else dict(env), stdin=stdin,
                              stdout=stdout, stderr=subprocess.PIPE, check=False,
                              **run_kwargs())


def last_line(done: subprocess.CompletedProcess[str]) -> str:
    """The tool's own last word on a failure (stderr, else stdout)."""
    return ((done.stderr or done.stdout or "").strip().splitlines() or ["?"])[-1]

"""The register's files are the user's alone on POSIX: database (and its WAL), settings,
logs and backups 0600, their folders 0700, also where an older version left them 0644."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_cli_creates_every_file_private_and_tightens_old_ones(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    env.pop("DISKOMINFO_DESK_DATABASE", None)
    # an older version's settings file, world-readable
    config = home / "config" / "diskominfo-desk"
    config.mkdir(parents=True)
    (config / "settings.ini").write_text("[desk]\nlanguage = id\n", encoding="utf-8")
    os.chmod(config / "settings.ini", 0o644)
    os.chmod(config, 0o755)
    old_umask = os.umask(0o022)
    try:
        done = _run(env, "init")
        assert done.returncode == 0, done.stderr
        done = _run(env, "backup")
        assert done.returncode == 0, done.stderr
    finally:
        os.umask(old_umask)
    data = home / "data" / "diskominfo-desk"
    database = data / "diskominfo-desk.sqlite3"
    backups = list((data / "backups").glob("*.sqlite3"))
    assert backups
    for path in [database, *backups, config / "settings.ini"]:
        assert _mode(path) == 0o600, (path, oct(_mode(path)))
    for folder in [data, data / "backups", config]:
        assert _mode(folder) == 0o700, (folder, oct(_mode(folder)))
    for sidecar in (data.glob("diskominfo-desk.sqlite3-*")):
        assert _mode(sidecar) == 0o600, sidecar


def test_core_writers_make_their_files_private_without_the_cli(tmp_path: Path,
                                                                 monkeypatch) -> None:
    from desktop.core.logs import log_exception
    from desktop.core.settings import LANGUAGE, Settings

    old_umask = os.umask(0o022)
    try:
        settings = Settings(tmp_path / "settings.ini")
        settings.set(LANGUAGE, "en")
        settings.save()
        log = log_exception(RuntimeError("baris rahasia"))
    finally:
        os.umask(old_umask)
    assert _mode(tmp_path / "settings.ini") == 0o600
    assert _mode(log) == 0o600

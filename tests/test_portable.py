"""Portable mode: with the marker (here: the environment variable standing in for the
frozen executable's folder) the database, backups, logs and settings live beside the
program, and nothing is written to the user's folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.settings import LANGUAGE, Settings, settings_path


def _run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], env=env, text=True,
                          capture_output=True, timeout=120, check=False)


@pytest.fixture
def portable_env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    program = tmp_path / "Diskominfo Desk portable"  # a space, as on a USB stick
    program.mkdir()
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("DISKOMINFO_DESK_")}
    env.update({
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "DISKOMINFO_DESK_PORTABLE_DIR": str(program),
        "QT_QPA_PLATFORM": "offscreen",
    })
    return env, program, home


def test_cli_keeps_database_settings_and_backups_beside_the_program(portable_env) -> None:
    env, program, home = portable_env
    data = program / "data"

    init = _run_cli("init", env=env)
    assert init.returncode == 0, init.stderr
    assert (data / "diskominfo-desk.sqlite3").is_file()
    assert str(data) in init.stdout  # init says where the database is

    backup = _run_cli("backup", env=env)
    assert backup.returncode == 0, backup.stderr
    assert list((data / "backups").glob("diskominfo-desk-*.sqlite3"))

    # a setting saved by the application lands beside the program, and the CLI obeys it
    other = data / "kantor.sqlite3"
    write_setting = ("import sys\n"
                     "from desktop.core.settings import DATABASE, Settings\n"
                     "s = Settings(); s.set(DATABASE, sys.argv[1]); s.save(); print(s.path)\n")
    saved = subprocess.run([sys.executable, "-c", write_setting, str(other)], env=env,
                           text=True, capture_output=True, timeout=60, check=False)
    assert saved.returncode == 0, saved.stderr
    assert Path(saved.stdout.strip()) == data / "settings.ini"
    assert str(other) in (data / "settings.ini").read_text(encoding="utf-8")
    again = _run_cli("init", env=env)
    assert again.returncode == 0, again.stderr
    assert other.is_file()

    assert not home.exists() or not any(p.is_file() for p in home.rglob("*")), \
        "portable mode wrote into the user's folders"


def test_paths_follow_the_platform_without_the_marker(monkeypatch) -> None:
    monkeypatch.delenv(paths.PORTABLE_ENV, raising=False)
    assert paths.portable_dir() is None
    assert paths.user_data_dir().name == "diskominfo-desk"
    assert settings_path().parent.name == "diskominfo-desk"


def test_paths_inside_the_portable_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.PORTABLE_ENV, str(tmp_path))
    data = tmp_path.resolve() / "data"
    assert paths.portable_dir() == tmp_path.resolve()
    assert paths.default_database_path() == data / "diskominfo-desk.sqlite3"
    assert paths.backup_dir() == data / "backups"
    assert paths.user_log_dir() == data / "logs"
    assert paths.view_settings_path() == data / "view.ini"
    assert settings_path() == data / "settings.ini"
    settings = Settings()
    settings.set(LANGUAGE, "en")
    settings.save()
    assert (data / "settings.ini").is_file()


def test_frozen_build_is_portable_only_with_the_marker_beside_the_executable(
        monkeypatch, tmp_path: Path) -> None:
    exe = tmp_path / "diskominfo-desk.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setenv(paths.PORTABLE_ENV, str(tmp_path / "ignored-when-frozen"))
    assert paths.portable_dir() is None
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.portable_dir() == tmp_path.resolve()
    assert paths.default_database_path() == tmp_path.resolve() / "data" / "diskominfo-desk.sqlite3"

"""Where the application keeps its files (platform conventions via platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

from desktop import APP_ID

_dirs = PlatformDirs(appname=APP_ID, appauthor=False)


def user_data_dir() -> Path:
    return Path(_dirs.user_data_dir)


def user_log_dir() -> Path:
    return Path(_dirs.user_log_dir)


def default_database_path() -> Path:
    return user_data_dir() / "diskominfo-desk.sqlite3"


def backup_dir() -> Path:
    return user_data_dir() / "backups"

"""Where the application keeps its files: platform conventions, or beside the program.

Normally the folders follow the platform (platformdirs): ``~/.local/share/diskominfo-desk``
and ``~/.config/diskominfo-desk`` on Linux, ``%LOCALAPPDATA%\\diskominfo-desk`` on Windows.

Portable mode keeps everything (database, backups, logs, settings, window layout) in a
``data`` folder beside the program, so a copy on a USB stick carries its own register. It
is on when a file named ``portable.txt`` sits next to the executable of a frozen
(PyInstaller) build. A run from source has no executable of its own, so there the
environment variable ``DISKOMINFO_DESK_PORTABLE_DIR`` names the folder that plays that
part (the tests use it); no marker file is needed then.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from desktop import APP_ID

PORTABLE_MARKER = "portable.txt"
PORTABLE_ENV = "DISKOMINFO_DESK_PORTABLE_DIR"
PORTABLE_DATA = "data"

_dirs = PlatformDirs(appname=APP_ID, appauthor=False)


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def portable_dir() -> Path | None:
    """The folder that holds the portable ``data`` folder, or None when not portable."""
    # abspath, never resolve(): on Windows resolve() turns a copy on a mapped drive
    # (Z:\) into its UNC path, and the folder the user sees is the one to name
    if is_frozen():
        program_dir = Path(os.path.abspath(sys.executable)).parent
        return program_dir if (program_dir / PORTABLE_MARKER).is_file() else None
    override = os.environ.get(PORTABLE_ENV)
    return Path(os.path.abspath(override)) if override else None


def _portable_data() -> Path | None:
    folder = portable_dir()
    return folder / PORTABLE_DATA if folder is not None else None


def user_data_dir() -> Path:
    return _portable_data() or Path(_dirs.user_data_dir)


def user_config_dir() -> Path:
    """Settings shared by the window and the CLI (``settings.ini``) and the window layout."""
    return _portable_data() or Path(_dirs.user_config_dir)


def user_log_dir() -> Path:
    portable = _portable_data()
    return portable / "logs" if portable is not None else Path(_dirs.user_log_dir)


def view_settings_path() -> Path:
    """Window geometry, splitters and table headers (Qt's INI format), beside settings.ini."""
    return user_config_dir() / "view.ini"


def default_database_path() -> Path:
    return user_data_dir() / "diskominfo-desk.sqlite3"


def backup_dir() -> Path:
    return user_data_dir() / "backups"

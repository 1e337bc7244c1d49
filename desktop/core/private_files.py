"""The register's files are readable by the user alone (POSIX: files 0600, folders 0700).

The database, its backups, settings.ini, the view state, reminders and the logs
(tracebacks carry row values) hold the office's records: on a shared workstation or a
home folder opened to the group, a 0644 default would let any other account read them.
New files are made private by the process umask set at start-up; files that already
exist (made by an older version, copied in) are tightened at start-up too, and the
writers in the core call :func:`make_private` themselves, so a caller using the core as
a library gets the same. Windows keeps its per-user profile ACLs: nothing to do there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_SIDECARS = ("", "-wal", "-shm", "-journal")


def posix() -> bool:
    return os.name == "posix"


def private_umask() -> None:
    """Every file this process creates from now on is private (0600 / 0700)."""
    if posix():
        os.umask(0o077)


def make_private(path: Path) -> None:
    """Tighten one file or folder we own; a missing one, or one we may not change, is
    left as it is (the check is a best effort, never a reason to fail a save)."""
    if not posix():
        return
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            return  # never follow a link out of our folders
        wanted = PRIVATE_FOLDER if stat.S_ISDIR(mode) else PRIVATE_FILE
        if stat.S_IMODE(mode) & 0o077:
            path.chmod(stat.S_IMODE(mode) & ~0o077 | (wanted & 0o700))
    except OSError:
        return


def make_sqlite_private(path: Path) -> None:
    """The database file and the journal files SQLite keeps beside it."""
    for suffix in SQLITE_SIDECARS:
        make_private(path.with_name(path.name + suffix))


def tighten_folders(folders: Iterable[Path]) -> None:
    """Each folder, and every file and folder in it, made private."""
    if not posix():
        return
    for folder in folders:
        if not folder.is_dir():
            continue
        make_private(folder)
        for root, dirs, files in os.walk(folder, followlinks=False):
            for name in dirs + files:
                make_private(Path(root) / name)


def tighten_user_files() -> None:
    """The application's own folders (data, settings, logs) at start-up."""
    from desktop.core.paths import user_config_dir, user_data_dir, user_log_dir

    tighten_folders(dict.fromkeys([user_data_dir(), user_config_dir(), user_log_dir()]))

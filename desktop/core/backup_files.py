"""Which backups of the register exist: their names, where they live, newest first.

Apart from ``desktop.core.backups`` (which makes and restores them through an open Desk)
because finding them needs no database: the damaged-file message of
``desktop.core.sqlite_health`` names the newest backup while the database cannot even be
opened, and the database layer must not depend on the code that backs it up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.paths import user_data_dir

PREFIX = "diskominfo-desk"
AUTO = "harian"  # daily backups carry this word, so retention never touches manual ones
NAME = re.compile(rf"^{PREFIX}-(?:{AUTO}-)?(\d{{8}}-\d{{6}})(?:-\d+)?\.(sqlite3|dump)$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: datetime
    size: int
    automatic: bool


def default_folder() -> Path:
    return user_data_dir() / "backups"


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    """This application's backups in ``folder``, newest first."""
    folder = folder or default_folder()
    found = []
    for path in folder.glob(f"{PREFIX}-*"):
        match = NAME.match(path.name)
        if match:
            found.append(BackupInfo(path, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"),
                                    path.stat().st_size, f"-{AUTO}-" in path.name))
    return sorted(found, key=lambda b: (b.when, b.path.name), reverse=True)

"""Private temporary copies of berkas for the system viewer, and their cleaning.

A PDF or photo is opened by the operating system's viewer, which needs a real file. The
copy is written to a folder of this process under the user's data folder (private, see
``private_files``), removed when the process ends; a viewer that still holds a copy
then (Windows) keeps it alive until the next start, which removes the folders of
processes that no longer run.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import time
from pathlib import Path

from desktop.core.private_files import PRIVATE_FOLDER, make_private

FOLDER_NAME = "salinan-berkas"
# where it cannot be told whether a process still runs (Windows), a folder this old goes
STALE_SECONDS = 24 * 3600
_registered: set[int] = set()


def open_copies_root() -> Path:
    from desktop.core.paths import user_data_dir

    return user_data_dir() / FOLDER_NAME


def process_folder() -> Path:
    """This process's folder (made private), removed at exit."""
    folder = open_copies_root() / str(os.getpid())
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(folder.parent)
    make_private(folder)
    if os.getpid() not in _registered:
        _registered.add(os.getpid())
        atexit.register(shutil.rmtree, folder, True)
    return folder


def _gone(pid: int) -> bool | None:
    """True when no process ``pid`` runs; None when the OS cannot say (Windows)."""
    if pid == os.getpid():
        return False
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def clean_open_copies(now: float | None = None) -> int:
    """Remove the copies left by processes that ended (call at start-up); how many folders."""
    root = open_copies_root()
    if not root.is_dir():
        return 0
    now = time.time() if now is None else now
    removed = 0
    for folder in root.iterdir():
        if not folder.is_dir() or not folder.name.isdigit():
            continue
        gone = _gone(int(folder.name))
        if gone is None:
            try:
                gone = now - folder.stat().st_mtime > STALE_SECONDS
            except OSError:
                continue
        if gone:
            shutil.rmtree(folder, ignore_errors=True)
            removed += not folder.exists()
    return removed

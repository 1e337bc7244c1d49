"""The application's log file in the user log folder, for details no message shows."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from desktop.core.paths import user_log_dir
from desktop.core.private_files import make_private

LOG_NAME = "diskominfo-desk.log"


def log_file() -> Path:
    path = user_log_dir()
    path.mkdir(parents=True, exist_ok=True)
    make_private(path)
    return path / LOG_NAME


def log_exception(exc: BaseException) -> Path:
    """Append the traceback of ``exc`` to the log file and return its path."""
    path = log_file()
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(traceback.format_exception(exc)))
        fh.write("\n")
    make_private(path)  # tracebacks carry row values
    # debug, not error: with no handler configured, Python's last-resort handler printed
    # this English line on stderr beside the CLI's own translated one
    logging.getLogger("desktop").debug("unexpected error: %s (see %s)", exc, path)
    return path

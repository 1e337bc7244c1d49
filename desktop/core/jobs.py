"""The one job protocol: how long work reports progress and learns that it should stop.

Sync, import, export and the window's task manager all run work that may take a while
and that the user may cancel. They share these three names so a job written for one
runs under any other: the core and the sync layer never know whether a window, the
command line or a test is the one watching.

- ``Progress``: any callable ``(done, total, message)``; ``total`` 0 means unknown.
- ``CancelToken``: a thread-safe flag the watcher sets (``cancel()``) and the job polls
  between steps (``cancelled``, ``raise_if_cancelled()``), never in the middle of a
  transaction, so a cancel leaves nothing half-written. It can also carry the watcher's
  progress callback (``token.progress``), which checks the flag first.
- ``Cancelled``: what ``raise_if_cancelled()`` raises; a ``DeskError`` so a caller that
  shows errors shows its message as is.
"""

from __future__ import annotations

import threading
from typing import Protocol

from desktop.core.errors import DeskError
from desktop.core.i18n import t


class Progress(Protocol):
    """Told how far a job has come; ``total`` 0 = not known yet."""

    def __call__(self, done: int, total: int, message: str, /) -> None: ...


class Cancelled(DeskError):
    """The user cancelled; whatever the job committed before its last check stays."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(t("Dibatalkan.") if message is None else message)


class CancelToken:
    """Set by whoever watches the job (a window's Cancel button, a test), polled by the job.

    ``report`` is the watcher's progress callback, if it wants one: a job handed the
    token can pass ``token.progress`` wherever a ``Progress`` is asked for.
    """

    def __init__(self, report: Progress | None = None) -> None:
        self._event = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def check(self) -> None:
        """The older name of ``raise_if_cancelled`` (jobs written against the task manager)."""
        self.raise_if_cancelled()

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report to the watcher; a cancelled job stops here rather than go on reporting."""
        self.raise_if_cancelled()
        if self._report is not None:
            self._report(done, total, message)


def report(progress: Progress | None, done: int, total: int, message: str) -> None:
    """Call ``progress`` if there is one: the jobs that may run unwatched use this."""
    if progress is not None:
        progress(done, total, message)

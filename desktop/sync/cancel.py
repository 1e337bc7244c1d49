"""Cancelling a sync and reporting its progress, without the engine knowing about a GUI.

The GUI's background job hands in any object with ``cancelled`` (a flag) or ``check()``
(raises when the user pressed Cancel); the engine looks between requests and batches,
never in the middle of a transaction, so a cancel leaves nothing half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from desktop.core.errors import DeskError
from desktop.core.i18n import t

Progress = Callable[[int, int, str], None]  # (done, total, message); total 0 = unknown


class SyncCancelled(DeskError):
    """The user cancelled; what was done so far is committed and the next sync goes on."""


class CancelSource(Protocol):
    cancelled: bool


class CancelToken:
    """A thread-safe cancel flag the GUI sets and the engine polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise SyncCancelled(t("Sinkronisasi dibatalkan."))


def check_cancel(token: Any) -> None:
    """Raise ``SyncCancelled`` if ``token`` says stop (either protocol, or None)."""
    if token is None:
        return
    if getattr(token, "cancelled", False):
        raise SyncCancelled(t("Sinkronisasi dibatalkan."))
    check = getattr(token, "check", None)
    if callable(check):
        check()


def report(progress: Progress | None, done: int, total: int, message: str) -> None:
    if progress is not None:
        progress(done, total, message)

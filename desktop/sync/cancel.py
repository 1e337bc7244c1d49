"""What cancelling means for a sync, on top of the one job protocol.

``Progress``, ``CancelToken`` and ``Cancelled`` are ``desktop.core.jobs``'s, imported from
there; this module holds only what the sync adds: the cancel error that says "the sync"
(``SyncCancelled``) and a check that accepts any token.

The GUI's background job hands in any object with ``cancelled`` (a flag) or ``check()``
(raises when the user pressed Cancel); the engine looks between requests and batches,
never in the middle of a transaction, so a cancel leaves nothing half-written.
"""

from __future__ import annotations

from typing import Any

from desktop.core.i18n import t
from desktop.core.jobs import Cancelled

__all__ = ["SyncCancelled", "check_cancel"]


class SyncCancelled(Cancelled):
    """The user cancelled; what was done so far is committed and the next sync goes on."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(t("Sinkronisasi dibatalkan.") if message is None else message)


def check_cancel(token: Any) -> None:
    """Raise ``SyncCancelled`` if ``token`` says stop (either protocol, or None)."""
    if token is None:
        return
    if getattr(token, "cancelled", False):
        raise SyncCancelled()
    check = getattr(token, "check", None)
    if callable(check):
        check()

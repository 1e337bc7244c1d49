"""The window's side of live updates: the listener's changes, in the GUI thread, in batches.

``desktop.core.live.ChangeListener`` hears other workstations' changes in its own
thread; here each one becomes a queued Qt signal (so it is handled in the GUI thread),
and they are gathered for ``INTERVAL_MS`` before the pages hear of them: a burst of a
thousand changes (an import on another workstation) gives a few reloads, not a thousand,
and a single change still shows well within a second. The pages hear of them the way
they hear of this window's own saves, through the DataHub: ``changed(kind, ids)`` for
the lists, the pickers and the Beranda figures, then ``live(changes)`` for a form that
has one of the records open (``desktop.ui.record.changed_bar``).

What this window saved itself needs nothing: the page already refreshed when it saved.
A change made on one of this Desk's own connections (the payload's ``pid``) to a record
the hub announced in the last ``OWN_SAVE_SECONDS`` is that save, and is dropped. Both
are needed: by login alone, workstations sharing one login would miss each other's
changes; by connection alone, a background job of this window that tells no page (none
today) would go unseen.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.desk import Desk
from desktop.core.kinds import KINDS
from desktop.core.live import Change, ChangeListener, OwnSessions, start_listener
from desktop.ui.hub import DataHub

INTERVAL_MS = 150  # changes gathered this long before the pages reload
OWN_SAVE_SECONDS = 3.0


class LiveUpdates(QObject):
    """Listens for the window's Desk (nothing on SQLite) and tells the hub; see above."""

    arrived = Signal(object)  # a Change to gather (GUI thread; a test may emit one)
    flushed = Signal(list)  # the changes just handed to the pages (the tests wait on it)
    _poke = Signal()  # from the listener's thread: the inbox has changes (queued)

    def __init__(self, desk: Desk, hub: DataHub, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self._pending: dict[tuple[str, str], Change] = {}
        self._resync = False
        self._saved_here: dict[tuple[str, str], float] = {}
        self._flushing = False
        self._stopped = False
        self.batches = 0  # how many times the pages were told (tests, benchmark)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self.arrived.connect(self._arrive)
        # the listener's thread fills the inbox and pokes the GUI thread once per batch:
        # an import of 100,000 rows elsewhere is one queued event, not 100,000
        self._inbox: deque[Change] = deque()
        self._poked = threading.Event()
        self._poke.connect(self._drain)
        hub.changed.connect(self._noted_here)
        self.own = OwnSessions(desk.db) if desk.db.dialect == "postgresql" else None
        self.listener: ChangeListener | None = start_listener(desk.db, self._received)
        self.destroyed.connect(lambda *_: self._stop_listener())

    @property
    def active(self) -> bool:
        return self.listener is not None

    def stop(self) -> None:
        """Stop listening (the window closes); nothing arrives after this returns.

        A poke the listener queued just before, or a change already gathered, is dropped:
        handed on, it would make the closed window's pages read a database that may be
        gone by then (a test drops it; an office may switch databases)."""
        self._stopped = True
        self._timer.stop()
        self._inbox.clear()
        self._pending.clear()
        self._stop_listener()

    def _stop_listener(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.stop()
        own, self.own = self.own, None
        if own is not None:
            own.close()

    # ------------------------------------------------------------------ listener thread
    def _received(self, change: Change) -> None:
        self._inbox.append(change)
        if not self._poked.is_set():
            self._poked.set()
            self._poke.emit()

    # ------------------------------------------------------------------ GUI thread
    def _drain(self) -> None:
        self._poked.clear()  # before emptying: a change appended now pokes again
        while self._inbox:
            self._arrive(self._inbox.popleft())

    def _noted_here(self, kind: str, ids: list[str]) -> None:
        """The hub announced a change: this window's own save, unless it is our flush."""
        if self._flushing:
            return
        now = time.monotonic()
        for record_id in ids:
            self._saved_here[(kind, record_id)] = now

    def _arrive(self, change: Change) -> None:
        if self._stopped:
            return
        if change.is_resync:
            self._resync = True
        else:
            self._pending[(change.kind, change.record_id)] = change  # the latest counts
        if not self._timer.isActive():  # not restarted: a steady stream still flushes
            self._timer.start()

    def _own(self, change: Change, now: float) -> bool:
        if self.own is None or not self.own.made(change):
            return False
        saved = self._saved_here.get((change.kind, change.record_id))
        return saved is not None and now - saved <= OWN_SAVE_SECONDS

    def flush(self) -> None:
        """Hand what arrived to the pages: the lists first, then the open forms."""
        if self._stopped:
            return
        now = time.monotonic()
        self._saved_here = {key: at for key, at in self._saved_here.items()
                            if now - at <= OWN_SAVE_SECONDS}
        changes = [c for c in self._pending.values() if not self._own(c, now)]
        self._pending.clear()
        resync, self._resync = self._resync, False
        if resync:
            changes.append(Change(kind="*", record_id="", op="RESYNC", login=""))
        if not changes:
            return
        by_kind: dict[str, list[str]] = {}
        for change in changes:
            if not change.is_resync:
                by_kind.setdefault(change.kind, []).append(change.record_id)
        if resync:
            by_kind = {kind: by_kind.get(kind, []) for kind in KINDS}
        self._flushing = True
        try:
            for kind, ids in by_kind.items():
                self.hub.notify(kind, ids)
        finally:
            self._flushing = False
        self.batches += 1
        self.hub.live.emit(changes)
        self.flushed.emit(changes)

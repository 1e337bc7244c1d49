"""Live updates between workstations: hearing the database's NOTIFY of every change.

On PostgreSQL every committed change of a record sends a notification on the channel
``desk_changes`` (a trigger, migration 0007, so a change from psql counts too). A
:class:`ChangeListener` keeps its own connection open on that channel in a daemon
thread and hands each change, parsed into a :class:`Change`, to a callback. Why its own
connection: a LISTEN only hears while its session waits, and the pool's connections are
busy with the user's work (or closed). Why a thread: waiting must never hold the window.

    listener = start_listener(desk.db, print)   # None on SQLite: one user, nothing to hear
    ...
    listener.stop()

When the server goes away (restart, network) the listener connects again with a growing
pause; what changed meanwhile was not heard, so after reconnecting it hands over one
:data:`RESYNC` change ("reload everything") before the new ones. Qt-free: the window's
bridge is ``desktop.ui.live``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from desktop.core.database import Database

CHANNEL = "desk_changes"  # the trigger's channel (desktop/migrations/versions/0007)
RESYNC = "RESYNC"  # Change.op after a reconnect: changes may have been missed
WAIT_SECONDS = 0.25  # how often the thread looks whether it was asked to stop
FIRST_PAUSE = 0.2  # seconds before the first reconnect; doubled up to MAX_PAUSE
MAX_PAUSE = 5.0
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """One committed change of a record, as the database announced it.

    ``kind`` is the record kind name (``opd``, ``apps``, …; ``*`` with op RESYNC),
    ``op`` INSERT, UPDATE or DELETE (a row the record owns, or a file attached to it,
    counts as an UPDATE of the record; ``table`` says which table it was), ``login`` the
    PostgreSQL login that made it, ``at`` when its transaction began."""

    kind: str
    record_id: str
    op: str
    login: str
    at: datetime | None = None
    table: str = ""
    pid: int | None = None  # the server process of the session that made it

    @property
    def is_resync(self) -> bool:
        return self.op == RESYNC

    @property
    def touches_fields(self) -> bool:
        """False for a file attached to the record: its form's fields did not change."""
        return self.table != "berkas"


def parse_change(payload: str) -> Change | None:
    """The change a notification describes; None (logged) for a payload not ours."""
    try:
        data: dict[str, Any] = json.loads(payload)
        at = data.get("at")
        pid = data.get("pid")
        return Change(kind=str(data["kind"]), record_id=str(data["id"]), op=str(data["op"]),
                      login=str(data.get("login") or ""), table=str(data.get("table") or ""),
                      at=datetime.fromisoformat(at) if at else None,
                      pid=int(pid) if pid is not None else None)
    except (ValueError, KeyError, TypeError):
        log.warning("unreadable %s payload ignored: %.200s", CHANNEL, payload)
        return None


def libpq_url(url: str) -> str:
    """The database's SQLAlchemy URL (``postgresql+psycopg://``, password resolved) as
    the plain URL psycopg connects with."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """LISTEN on its own connection in a daemon thread; see the module docstring.

    ``callback`` runs in the listener's thread: it must only hand the change over (a Qt
    bridge emits a signal; a test puts it in a queue). ``connected`` is set while the
    LISTEN is active; ``backend_pid`` is its server process (a test terminates it)."""

    def __init__(self, url: str, callback: Callable[[Change], None], *,
                 wait: float = WAIT_SECONDS, first_pause: float = FIRST_PAUSE,
                 max_pause: float = MAX_PAUSE) -> None:
        self.url = libpq_url(url)
        self.callback = callback
        self.wait = wait
        self.first_pause = first_pause
        self.max_pause = max_pause
        self.connected = threading.Event()
        self.backend_pid: int | None = None
        self.login: str | None = None  # the login it connected as (the workstation's)
        self.connections = 0  # how many times it connected (1 + reconnects)
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ChangeListener:
        self._thread = threading.Thread(target=self._run, name="desk-live", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Stop listening; returns once the thread is gone (within ``wait`` seconds)."""
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self.connected.clear()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait_connected(self, timeout: float = 10.0) -> bool:
        return self.connected.wait(timeout)

    # ------------------------------------------------------------------ thread
    def _run(self) -> None:
        pause = self.first_pause
        while not self._stopping.is_set():
            try:
                self._listen()
                pause = self.first_pause
            except Exception as exc:  # server gone, refused, network: try again later
                self.connected.clear()
                log.info("live updates: connection lost (%s); again in %.1f s",
                         str(exc).strip().splitlines()[0] if str(exc).strip() else exc, pause)
                if self._stopping.wait(pause):
                    return
                pause = min(pause * 2, self.max_pause)

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True, connect_timeout=10,
                             application_name="diskominfo-desk live") as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self.backend_pid = conn.info.backend_pid
            self.login = conn.info.user
            self.connections += 1
            self.connected.set()
            if self.connections > 1:  # what changed while away was not heard
                self._deliver(Change(kind="*", record_id="", op=RESYNC, login=""))
            while not self._stopping.is_set():
                for notify in conn.notifies(timeout=self.wait):
                    change = parse_change(notify.payload)
                    if change is not None:
                        self._deliver(change)
                    if self._stopping.is_set():
                        break
        self.connected.clear()

    def _deliver(self, change: Change) -> None:
        try:
            self.callback(change)
        except Exception:  # a broken receiver must not end the listening
            log.exception("live updates: the receiver failed on %s", change)


def start_listener(db: Database, callback: Callable[[Change], None]
                   ) -> ChangeListener | None:
    """A started listener for ``db``; None on SQLite (one user, no NOTIFY)."""
    if db.dialect != "postgresql":
        return None
    return ChangeListener(db.url, callback).start()


class OwnSessions:
    """The server processes of a Database's own connections, as they are used.

    Why: a change announced with one of these ``pid`` was made by this workstation (its
    window already knows), whatever the login; another workstation sharing the login
    has other processes. Noted at every checkout from the pool, so the connection a save
    ran on is known before its change is announced."""

    def __init__(self, db: Database) -> None:
        self.engine = db.engine
        self.pids: set[int] = set()
        from sqlalchemy import event

        event.listen(self.engine, "checkout", self._checked_out)

    def _checked_out(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
        if isinstance(pid, int):
            self.pids.add(pid)

    def made(self, change: Change) -> bool:
        return change.pid is not None and change.pid in self.pids

    def close(self) -> None:
        from sqlalchemy import event

        if event.contains(self.engine, "checkout", self._checked_out):
            event.remove(self.engine, "checkout", self._checked_out)


class LoginNames:
    """The names people are shown by (``pengguna.nama`` by login), read lazily, cached.

    Falls back to the login itself: a login not in the table (made by hand in psql), a
    database without the table yet, or one where this person may not read it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._names: dict[str, str] = {}
        self._lock = threading.Lock()

    def name_of(self, login: str) -> str:
        if not login:
            return login
        with self._lock:
            if login in self._names:
                return self._names[login]
        name = self._read(login) or login
        with self._lock:
            self._names[login] = name
        return name

    def forget(self) -> None:
        """People were renamed (the Pengguna page): read the names again."""
        with self._lock:
            self._names.clear()

    def _read(self, login: str) -> str | None:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.db.read_session() as s:
                value = s.execute(text("SELECT nama FROM pengguna WHERE login = :login"),
                                  {"login": login}).scalar()
        except DBAPIError:
            return None
        return str(value) if value else None

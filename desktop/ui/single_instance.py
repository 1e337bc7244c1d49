"""A second start of the window brings the running one to the front (Qt side).

The usual Qt arrangement: a ``QLockFile`` decides who is first (it notices a holder that
died, so a crash leaves nothing that blocks the next start), and the first one listens
on a ``QLocalServer`` (a Unix socket private to the user, a named pipe on Windows) for a
second start, which sends one line and ends. The window takes the lock before its first
paint and starts listening after it (QtNetwork is not loaded on the way to the first
paint); a second start in between waits for the listener, as it waits for any first
window still starting (``CONNECT_WAIT_S``). Names come from
:func:`desktop.core.single_instance.instance_key`: one per user and database, so the
same user may still have two windows on two different databases.
"""

from __future__ import annotations

import enum
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME
from desktop.core.single_instance import (
    ACK,
    RAISE_MESSAGE,
    allow_foreground_for_others,
    instance_dir,
    instance_key,
)

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_WAIT_S = 5.0  # the first window may still be starting (migrations, welcome)
ACK_WAIT_MS = 3000


class Claim(enum.Enum):
    FIRST = "first"  # open the window; this process now answers later starts
    FORWARDED = "forwarded"  # the running window was asked to come forward: exit 0
    NOT_ANSWERING = "not-answering"  # another window holds the lock but does not listen


class InstanceGuard(QObject):
    """Held by the window's process for its whole life (keep a reference)."""

    activation_requested = Signal()

    def __init__(self, key: str, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder if folder is not None else instance_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.key = key
        self.lock = QLockFile(str(folder / f"{key}.lock"))
        # never stale by age (the window runs for days): only when its process is gone
        self.lock.setStaleLockTime(0)
        # a pipe name on Windows; a socket file in the user's own folder elsewhere
        self.server_name = key if sys.platform == "win32" else str(folder / f"{key}.socket")
        self.server: QLocalServer | None = None

    def claim(self, *, listen: bool = True) -> Claim:
        """Who is first; ``listen=False``: the first calls :meth:`listen` itself later
        (the window does, after its first paint)."""
        if self.lock.tryLock(0):
            if listen:
                self.listen()
            return Claim.FIRST
        return self._ask_running_window()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    # ------------------------------------------------------------------ first
    def listen(self) -> None:
        """Answer later starts from now on (the lock is held: see :meth:`claim`)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # we hold the lock, so a socket left here belongs to a window that died
        QLocalServer.removeServer(self.server_name)
        if not server.listen(self.server_name):
            # the window still opens; a second start will say the first does not answer
            log.warning("single-instance server did not start: %s", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self.server = server

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        if line == RAISE_MESSAGE:
            socket.write(ACK)
            socket.flush()
            log.info("a second start asked the running window to come forward")
            self.activation_requested.emit()
        socket.disconnectFromServer()

    # ----------------------------------------------------------------- second
    def _ask_running_window(self) -> Claim:
        from PySide6.QtNetwork import QLocalSocket

        allow_foreground_for_others()
        socket = QLocalSocket()
        deadline = time.monotonic() + CONNECT_WAIT_S
        while True:
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(500):
                break
            if time.monotonic() >= deadline:
                return Claim.NOT_ANSWERING
            time.sleep(0.2)
        socket.write(RAISE_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(ACK_WAIT_MS)
        # once written, the running window reads it when its event loop turns, even if
        # it is busy now: no answer in time is still a delivered request
        if socket.waitForReadyRead(ACK_WAIT_MS):
            socket.readAll()
        socket.disconnectFromServer()
        return Claim.FORWARDED


def bring_to_front(widget: QWidget | None) -> None:
    """Show, un-minimise, raise and focus: what "switch to the running window" means."""
    app = QApplication.instance()
    target = (app.activeModalWidget() if isinstance(app, QApplication) else None) or widget
    if target is None:
        return
    if target.isMinimized():
        target.setWindowState(
            (target.windowState() & ~Qt.WindowState.WindowMinimized)
            | Qt.WindowState.WindowActive)
    target.show()
    target.raise_()
    target.activateWindow()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def claim_window(database: str | None) -> tuple[InstanceGuard | None, int | None]:
    """Before the database is opened: (the guard to keep, None) when this start opens the
    window, or (None, exit code) when it must end: 0 after the running window was asked
    to come forward, 1 when a window holds the database but does not answer.
    (None, None): the database cannot even be named; the window opens and says why.
    The guard answers later starts once its ``listen`` is called (after the first paint).
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.errors import DeskError

    try:
        key = instance_key(database)
    except DeskError:  # a database setting it cannot read: Desk.open tells the user
        return None, None
    guard = InstanceGuard(key)
    claim = guard.claim(listen=False)
    if claim is Claim.FIRST:
        return guard, None
    if claim is Claim.FORWARDED:
        return None, 0
    QMessageBox.warning(None, APP_NAME, tr(
        "Diskominfo Desk sudah terbuka untuk basis data ini, tetapi jendelanya tidak "
        "menjawab. Tunggu sebentar lalu coba lagi, atau tutup jendela yang lama "
        "(bila perlu lewat Task Manager)."))
    return None, 1

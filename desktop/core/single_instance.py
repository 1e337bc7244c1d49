"""One window per user and database, and a sign for the Windows installer that we run.

Two separate jobs, both Qt-free here (the Qt side is ``desktop/ui/single_instance.py``):

* **Which instance is "the same"**: :func:`instance_key` names a window by the user and
  the database it opens. A second start of the window on the same database must bring the
  running one to the front instead of opening a second window (two windows on one
  database fight over drafts and the daily backup); another database, or another user,
  is another instance. The command line is never blocked: a backup or sync from a
  scheduled task runs beside the window as before.
* **"The program is running" for the installer**: on Windows the window opens a named
  mutex, ``Local\\DiskominfoDesk-<USERNAME>``, and keeps the handle for its life.
  ``Local\\`` is the user's logon session, so another user's copy is not counted. The NSIS
  installer and uninstaller ``OpenMutex`` that name before they touch a file: replacing
  the files of a running program is what left old and new files mixed. The mutex is only
  a flag, never waited on, so it blocks nobody. A running CLI (a scheduled backup) holds
  no mutex; the installer notices it all the same, because the files it has open refuse
  to be renamed aside.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MUTEX_PREFIX = "Local\\DiskominfoDesk-"
"""Also in installers/windows/diskominfo-desk.nsi (``MUTEX_PREFIX``): keep them equal."""

RAISE_MESSAGE = b"raise\n"
"""What a second start sends the running window; the running one answers ``ACK``."""
ACK = b"ok\n"


def windows_user_name() -> str:
    """The name the installer also reads (``ReadEnvStr USERNAME``), so both build one name.

    Windows user names cannot hold a backslash, the one character a mutex name may not
    have after its namespace; anything odd is replaced all the same.
    """
    name = os.environ.get("USERNAME") or _login_name()
    return name.replace("\\", "_")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name at all (a bare container): one shared name still works
        return "user"


def mutex_name() -> str:
    return MUTEX_PREFIX + windows_user_name()


def database_identity(database: str | os.PathLike[str] | None) -> str:
    """The database a window would open, as one comparable string without any password.

    Resolved the way :func:`desktop.core.database_url.resolve_database_url` resolves it (the
    argument, the environment, settings.ini, the default file), so ``--database`` given
    or not, the same file is the same instance.
    """
    from desktop.core.database_url import resolve_database_url

    url = resolve_database_url(database, password=False)
    if url.startswith("sqlite:///"):
        path = os.path.normcase(str(Path(url[len("sqlite:///"):])))
        return "sqlite:" + path
    return _without_password(url)


def _without_password(url: str) -> str:
    """The URL less a password in its user part or its ``password=`` parameter, by plain
    URL parsing: SQLAlchemy's parser would load the database layer before the window's
    first paint. An unparseable URL is returned as it is (Desk.open says why later)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def instance_key(database: str | os.PathLike[str] | None, user: str | None = None) -> str:
    """A short name for (user, database): a file name and a local-socket name alike."""
    who = user if user is not None else _login_name()
    digest = hashlib.sha256(f"{who}\0{database_identity(database)}".encode()).hexdigest()
    return f"diskominfo-desk-{digest[:20]}"


def instance_dir() -> Path:
    """Where the lock file (and on POSIX the socket) of the running window live.

    The user's runtime folder where there is one (Linux: ``$XDG_RUNTIME_DIR``, private to
    the user and emptied at logout, so no stale lock survives a restart); else the
    temporary folder, which on Windows is already per user (``%LOCALAPPDATA%\\Temp``).
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        return Path(runtime)
    return Path(tempfile.gettempdir())


@dataclass
class ProgramMutex:
    """The named mutex of a running program (Windows); nothing elsewhere.

    ``windll`` is ``ctypes.windll`` on Windows; tests pass a stand-in to see the calls.
    """

    windll: Any = None
    handle: int | None = None
    name: str | None = None

    def acquire(self) -> bool:
        """Open (or create) the mutex and keep its handle. True when a handle is held.

        Never fails the program: without the mutex the installer cannot see us, which
        is how every version before this one behaved.
        """
        if self.handle is not None:
            return True
        windll = self.windll if self.windll is not None else _windll()
        if windll is None:
            return False
        name = mutex_name()
        try:
            import ctypes

            create = windll.kernel32.CreateMutexW
            create.restype = ctypes.c_void_p
            # not the initial owner: the mutex is a flag the installer looks for; a second
            # window (another database) opens the same one without waiting
            handle = create(None, False, name)
        except Exception:
            return False
        if not handle:
            return False
        self.windll, self.handle, self.name = windll, handle, name
        return True

    def release(self) -> None:
        if self.handle is None:
            return
        try:
            self.windll.kernel32.CloseHandle(self.handle)
        finally:
            self.handle = None


def _windll() -> Any:
    if sys.platform != "win32":
        return None
    import ctypes

    return getattr(ctypes, "windll", None)


_held = ProgramMutex()


def hold_program_mutex(windll: Any = None) -> ProgramMutex:
    """Hold the program's mutex until the process ends (Windows closes the handle then).

    Idempotent: asked again in the same process, it keeps the one handle it has.
    """
    if windll is not None and _held.handle is None:
        _held.windll = windll
    _held.acquire()
    return _held


def release_program_mutex() -> None:
    """Give the mutex up before exit (the process ending does the same)."""
    _held.release()
    _held.windll = None


def allow_foreground_for_others(windll: Any = None) -> None:
    """Let the running window take the foreground when we ask it to (Windows).

    Windows lets only the process the user just started bring a window to the front;
    this second start passes that right on (``AllowSetForegroundWindow(ASFW_ANY)``),
    without it the running window only flashes in the taskbar.
    """
    windll = windll if windll is not None else _windll()
    if windll is None:
        return
    try:
        windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
    except Exception:  # only the window's placement suffers
        return

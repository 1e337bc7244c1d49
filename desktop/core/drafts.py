"""Recovery files for unsaved edits: what a crash or a power cut must not take away.

As in a word processor, a record form's unsaved values are written every few seconds to
a small file in the user data folder (portable mode: beside the program), one file per
record; a new record, which has no id yet, gets a temporary key. After a crash the next
start lists them (kind, title, time) so each can be restored into its form or discarded;
a clean save, a discard or a revert removes the file.

Files are JSON, written atomically (a temporary file in the same folder, flushed and
fsynced, then renamed over the old one) so a power cut leaves the previous draft or the
new one, never half of one, and readable by the user alone (0600): drafts hold the same
data as the database. Each names the database it belongs to, so another register never
offers them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.core.paths import user_data_dir

DRAFTS_FOLDER = "drafts"
SUFFIX = ".draft.json"
FORMAT = 1
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def drafts_dir() -> Path:
    """``<user data>/drafts``: the platform's data folder, or the portable ``data``."""
    return user_data_dir() / DRAFTS_FOLDER


def new_record_key(kind: str) -> str:
    """A key for a record that has no id yet (one per new-record form session)."""
    return f"{kind}-new-{uuid.uuid4().hex[:12]}"


def record_key(kind: str, record_id: str) -> str:
    return f"{kind}-{record_id}"


@dataclass
class Draft:
    """One record's unsaved form values, and enough to offer them back."""

    key: str
    kind: str  # a record kind name ("agreements", "visits"...)
    values: dict[str, Any]
    title: str = ""
    record_id: str | None = None  # None: a record not saved yet
    version: int | None = None  # the record version the edit started from
    database: str = ""  # which register (Database.display_url)
    saved_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # the program that writes it: while that one runs, its drafts are not "left behind"
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)

    @property
    def is_new(self) -> bool:
        return self.record_id is None

    def writer_running(self) -> bool:
        """True while the program that wrote this draft still runs on this computer
        (a second window open on the same register is not a crash)."""
        return self.host == socket.gethostname() and process_running(self.pid)


class DraftStore:
    """The drafts in one folder: write, list, read and remove them."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else drafts_dir()

    def path_of(self, key: str) -> Path:
        return self.folder / f"{_SAFE.sub('_', key)}{SUFFIX}"

    def save(self, draft: Draft) -> Path:
        """Write (or replace) the draft atomically, readable by the user only."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # Windows: no POSIX modes
            os.chmod(self.folder, 0o700)
        target = self.path_of(draft.key)
        payload = json.dumps(_to_json(draft), ensure_ascii=False, default=_encode,
                             indent=1).encode("utf-8")
        fd, temp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.folder)
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        return target

    def load(self, key: str) -> Draft | None:
        return _read(self.path_of(key))

    def list(self, database: str | None = None) -> list[Draft]:
        """Drafts, newest first; of ``database`` only when given. Unreadable ones skipped."""
        if not self.folder.is_dir():
            return []
        drafts = [d for d in (_read(p) for p in self.folder.glob(f"*{SUFFIX}")) if d]
        if database is not None:
            drafts = [d for d in drafts if d.database == database]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    def left_behind(self, database: str) -> list[Draft]:
        """Drafts of ``database`` whose program is gone: what a crash left to recover."""
        return [d for d in self.list(database) if not d.writer_running()]

    def remove(self, key: str) -> bool:
        """Forget a draft (saved, discarded or reverted); True if there was one."""
        try:
            self.path_of(key).unlink()
        except FileNotFoundError:
            return False
        return True


# ---------------------------------------------------------------------------- JSON
def _encode(value: Any) -> Any:
    """Dates and datetimes tagged so they come back as such; sets as lists."""
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)  # Decimal, UUID...: as text, which the form shows anyway


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "$date" in obj:
            return date.fromisoformat(obj["$date"])
        if "$datetime" in obj:
            return datetime.fromisoformat(obj["$datetime"])
    return obj


def _to_json(draft: Draft) -> dict[str, Any]:
    return {"format": FORMAT, "key": draft.key, "kind": draft.kind, "title": draft.title,
            "record_id": draft.record_id, "version": draft.version,
            "database": draft.database, "saved_at": draft.saved_at.isoformat(),
            "pid": draft.pid, "host": draft.host, "values": draft.values}


def _read(path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
        saved_at = datetime.fromisoformat(data["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=UTC)
        return Draft(key=str(data["key"]), kind=str(data["kind"]),
                     values=dict(data["values"]), title=str(data.get("title") or ""),
                     record_id=data.get("record_id"), version=data.get("version"),
                     database=str(data.get("database") or ""), saved_at=saved_at,
                     pid=int(data.get("pid") or 0), host=str(data.get("host") or ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # half-written by an old version, or damaged: not offered


def process_running(pid: int) -> bool:
    """Whether a process with this id runs here (False for 0 or when it cannot be told)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def _windows_process_running(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)

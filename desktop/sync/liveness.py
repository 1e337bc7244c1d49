"""Is the process that wrote ``host:pid:token`` still running?

A sync lock row or a run row left by a killed process must not block or mislead the next
sync until a timeout runs out: on the same host the operating system can say at once
whether that process exists. On another host nobody can, so callers fall back to a
heartbeat. The answer errs on the side of "alive": a reused pid keeps a dead owner alive
until its heartbeat goes stale, never the other way round.
"""

from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Owner:
    host: str
    pid: int
    token: str


def this_host() -> str:
    return socket.gethostname()


def owner_label(host: str | None = None) -> str:
    """A fresh ``host:pid:token`` for this process (the token tells two holders apart)."""
    import uuid

    return f"{host or this_host()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def parse_owner(owner: str | None) -> Owner | None:
    """The parts of ``host:pid:token`` (a host name may itself hold colons: IPv6)."""
    if not owner:
        return None
    host, _, rest = owner.rpartition(":")
    host, _, pid = host.rpartition(":")
    if not host or not pid.isdigit():
        return None
    return Owner(host, int(pid), rest)


def process_alive(pid: int) -> bool | None:
    """True/False when the OS can tell; None when it cannot (then assume alive)."""
    if pid <= 0:
        return None
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only the existence and permission checks
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to another user
    except OSError:
        return None
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed child not yet reaped by its parent still answers signal 0 (Linux)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _windows_alive(pid: int) -> bool | None:
    import ctypes
    from ctypes import wintypes

    query_limited, still_active = 0x1000, 259
    error_invalid_parameter, error_access_denied = 87, 5
    try:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.OpenProcess.restype = wintypes.HANDLE
        handle = kernel32.OpenProcess(query_limited, False, pid)
        if not handle:
            error = ctypes.get_last_error()  # type: ignore[attr-defined]
            if error == error_invalid_parameter:
                return False
            return True if error == error_access_denied else None
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return None
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    except (AttributeError, OSError):
        return None


def owner_gone(owner: str | None, host: str | None = None) -> bool:
    """True only when ``owner`` ran on this host and its process no longer exists."""
    parsed = parse_owner(owner)
    if parsed is None or parsed.host != (host or this_host()):
        return False
    return process_alive(parsed.pid) is False

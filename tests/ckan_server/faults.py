"""Failures the test server can be told to produce, for the next N requests or one action.

A fault is armed from Python (never over HTTP), consumed by the requests it matches, and
disarms itself when its count runs out, so a test states exactly how many round trips fail.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import Enum


class FaultKind(Enum):
    DELAY = "delay"                        # answer normally, after a pause
    STATUS = "status"                      # an HTTP error (500 envelope, 503/429 text...)
    ENVELOPE = "envelope"                  # a CKAN error envelope of any __type and status
    HTML = "html"                          # a proxy's HTML error page
    REDIRECT = "redirect"                  # 301 elsewhere (a moved site, http->https)
    DROP = "drop"                          # close the connection, nothing done, no answer
    COMMIT_THEN_DROP = "commit_then_drop"  # do the work, then close without answering


@dataclass
class Fault:
    kind: FaultKind
    times: int = 1
    action: str | None = None
    seconds: float = 0.0
    status: int = 500
    retry_after: str | None = None
    error_type: str = "Internal Server Error"
    message: str = ""
    location: str = ""

    def matches(self, action: str) -> bool:
        return self.times > 0 and (self.action is None or self.action == action)


class FaultPlan:
    """The armed faults, first armed first served; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, action: str) -> Fault | None:
        """The fault this request meets (its count decremented), or None."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(action):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

"""When to try a failed request again, and how long to wait first.

Exponential backoff with jitter (so a room full of desks does not retry in step), and a
server's ``Retry-After`` honoured as a floor. A wait longer than ``max_retry_after`` is
not slept through: the caller gives up and tells the user when to try again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from desktop.core.i18n import current_language, t, tn


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def describe_wait(seconds: float) -> str:
    """A wait as a person reads it: "0,5 detik", "45 detik", "5 menit", "2 menit 30 detik".

    Used for every wait we announce or report, so the number is always the real one.
    """
    seconds = max(0.0, float(seconds))
    if seconds < 10 and seconds != int(seconds):
        shown = f"{max(seconds, 0.1):.1f}"
        return t("{n} detik", n=shown if current_language() == "en" else shown.replace(".", ","))
    whole = round(seconds)
    if whole < 120:
        return tn("{n} detik", whole, n=whole)
    minutes, rest = divmod(whole, 60)
    if rest == 0:
        return t("{m} menit", m=minutes)
    return t("{m} menit {s} detik", m=minutes, s=rest)


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` counts the first try; tests pass tiny delays to stay fast."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0
    jitter: bool = True

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        """Seconds before retry number ``retry_number`` (0 for the first retry)."""
        backoff = min(self.max_delay, self.base_delay * (2 ** retry_number))
        if self.jitter:
            backoff *= random.uniform(0.5, 1.0)
        return max(backoff, retry_after or 0.0)

    def gives_up_on(self, retry_after: float | None) -> bool:
        """A server that asks for a longer pause than we are willing to sit through."""
        return retry_after is not None and retry_after > self.max_retry_after

"""What every benchmark prints: a figure, its floor from the same run, the ratio, a target.

A benchmark script prints one ``BENCH {json}`` line per figure (so ``run.py`` can collect
them from a child process) and a readable line for a person. Times are medians (or the
percentile named) of repeated runs; the floor is measured in the same process or the
same run, on the same machine, so a slow or busy machine moves both.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Figure:
    name: str
    value: float
    unit: str  # "ms", "s", "MB", "rows", "x"
    floor: float | None = None  # same unit as value
    floor_name: str = ""
    target: str = ""  # "<= 150 ms", "<= 1.5x floor", …
    met: bool | None = None  # None: reported, no target
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor in (None, 0):
            return None
        return self.value / self.floor  # type: ignore[operator]

    def emit(self) -> None:
        data = asdict(self)
        data["ratio"] = self.ratio
        print("BENCH " + json.dumps(data), flush=True)
        ratio = f" = {self.ratio:.2f}x {self.floor_name}" if self.ratio is not None else ""
        verdict = {True: "met", False: "MISSED", None: ""}[self.met]
        print(f"  {self.name}: {self.value:.1f} {self.unit}{ratio}  "
              f"[{self.target}] {verdict} {self.note}".rstrip(), flush=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and what it returned."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    return statistics.median(timed(fn)[0] for _ in range(runs)) * 1000


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), in MB."""
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0

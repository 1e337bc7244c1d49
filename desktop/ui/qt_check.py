"""Refuse a Qt binding that corrupts the interpreter, before it can crash mid-typing.

PySide6 6.12.0 on Python 3.11 returns ``None`` (every method without a result, such as
``setText``/``setData``, and ``data()`` of an empty role) and ``True`` (``Signal.emit``)
without taking a reference. Python 3.12 made those objects immortal; 3.11 did not, so
each call takes one reference from them and after a few thousand calls the interpreter
aborts with ``Fatal Python error: none_dealloc`` (typing an article) or ``bool_dealloc``
(background jobs emitting signals). The pin in pyproject.toml keeps that release out;
this check catches any other build with the same fault (a hand-installed wheel, a
bundle built against the wrong one), and ``tests/gui/test_qt_check.py`` keeps it honest.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

PROBE_CALLS = 200


@dataclass(frozen=True)
class RefcountDrain:
    """How many references a few hundred binding calls took from ``None`` and ``True``."""

    none: int
    true: int

    @property
    def faulty(self) -> bool:
        # a healthy binding holds on to a handful at most (caches); a faulty one loses one
        # per call, so half the calls is far from both
        return self.none >= PROBE_CALLS // 2 or self.true >= PROBE_CALLS // 2


def measure_refcount_drain() -> RefcountDrain:
    """Call void methods and ``emit`` a few hundred times and count what was lost."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        pinged = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")  # returns None
        probe.pinged.emit()  # returns True
    drained = RefcountDrain(none=none_before - sys.getrefcount(None),
                            true=true_before - sys.getrefcount(True))
    probe.deleteLater()
    return drained


def binding_problem() -> str | None:
    """A sentence for the user when the installed PySide6 would crash the program."""
    if sys.version_info >= (3, 12):
        return None  # None and True are immortal there: the fault is harmless
    if not measure_refcount_drain().faulty:
        return None
    import PySide6

    from desktop.core.i18n import t

    return t("PySide6 {version} yang terpasang rusak pada Python {python} (program akan "
             "berhenti mendadak saat dipakai). Pasang versi lain: pip install "
             "\"PySide6-Essentials<6.12\" \"PySide6-Addons<6.12\".",
             version=PySide6.__version__,
             python=".".join(map(str, sys.version_info[:3])))

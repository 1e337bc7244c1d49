"""The installed Qt binding keeps the interpreter's reference counts whole.

PySide6 6.12.0 on Python 3.11 took a reference from ``None`` on every ``setText`` /
``setData`` / empty ``data()`` and from ``True`` on every ``Signal.emit``: the article
editor died with ``none_dealloc`` after ~560 typed characters and the quick suite with
``bool_dealloc`` in a background job. These tests fail on such a build.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTableWidgetItem, QTreeWidgetItem

from desktop.core.i18n import set_language
from desktop.ui import qt_check


def _drain(call, times: int = 300) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(times):
        call()
    return none_before - sys.getrefcount(None), true_before - sys.getrefcount(True)


class _Emitter(QObject):
    ping = Signal()
    value = Signal(object)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None and True are immortal")
@pytest.mark.parametrize("what", ["setText", "setData", "empty data()", "table data()",
                                  "emit", "emit(object)"])
def test_binding_calls_take_no_reference_from_none_or_true(qapp, what: str) -> None:
    tree, table, emitter = QTreeWidgetItem(), QTableWidgetItem(), _Emitter()
    emitter.ping.connect(lambda: None)
    emitter.value.connect(lambda value: None)
    calls = {
        "setText": lambda: tree.setText(0, "Pasal 1"),
        "setData": lambda: tree.setData(0, 256, {"judul": "x"}),
        "empty data()": lambda: tree.data(0, 300),
        "table data()": lambda: table.data(300),
        "emit": lambda: emitter.ping.emit(),
        "emit(object)": lambda: emitter.value.emit({"a": 1}),
    }
    none_lost, true_lost = _drain(calls[what])
    assert none_lost < 30 and true_lost < 30, (none_lost, true_lost)


def test_start_up_check_passes_on_the_installed_binding(qapp) -> None:
    drain = qt_check.measure_refcount_drain()
    assert not drain.faulty, drain
    assert qt_check.binding_problem() is None


def test_a_draining_binding_is_refused_with_a_message_in_both_languages(
        qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.version_info >= (3, 12):
        pytest.skip("the check does not apply where None and True are immortal")
    monkeypatch.setattr(qt_check, "measure_refcount_drain",
                        lambda: qt_check.RefcountDrain(none=qt_check.PROBE_CALLS, true=0))
    set_language("id")
    message = qt_check.binding_problem()
    assert message is not None and "rusak" in message and "<6.12" in message
    set_language("en")
    message = qt_check.binding_problem()
    assert message is not None and "broken" in message
    set_language("id")

"""A long status-bar message ends in "…" before the database label instead of running
into it (seen at 1024×700: "Cadangan ditulis: /home/…-2026-12sqlite:///…")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QStatusBar

from desktop.core.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.status_bar import ElidingStatusBar

from .helpers import build_window, settle


def _shown_width(bar: QStatusBar) -> int:
    return bar.fontMetrics().horizontalAdvance(bar.currentMessage())


def _first_permanent_x(win: MainWindow) -> int:
    status = win.window_status
    return min(w.x() for w in (status.db_label, status.sync_status) if w.isVisible())


def test_a_backup_path_is_shortened_in_the_middle_before_the_database_label(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    win.showNormal()
    win.resize(700, win.height())
    settle(qtbot, win)
    bar = win.statusBar()
    # Alat → Cadangkan sekarang, as the person chooses it
    win.action_table["act_backup"].trigger()
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Cadangan"), timeout=10_000)
    full = bar.full_message()
    backup_file = Path(full.split(": ", 1)[1])
    assert backup_file.is_file()
    shown = bar.currentMessage()
    assert "…" in shown and shown != full
    assert shown.endswith(backup_file.name[-8:])  # a path keeps its file's end
    assert 6 + _shown_width(bar) <= _first_permanent_x(win), (shown, _first_permanent_x(win))
    assert bar.toolTip() == full  # the whole message, on hovering the bar
    # the database's long URL leaves the message room: it ends in "…" at a third
    label = win.window_status.db_label
    assert label.width() <= bar.width() // 3
    assert label.text() != label.full_text() and label.toolTip() == label.full_text()

    # narrower still: fitted again, never past the label
    win.resize(560, win.height())
    settle(qtbot, win)
    assert 6 + _shown_width(bar) <= _first_permanent_x(win)
    assert bar.full_message() == full
    win.close()


def test_a_short_message_is_shown_whole_and_its_timeout_still_clears_it(qtbot) -> None:
    bar = ElidingStatusBar()
    qtbot.addWidget(bar)
    bar.resize(600, 24)
    bar.show()
    qtbot.waitExposed(bar)
    bar.showMessage("Data contoh dimuat.", 150)
    assert bar.currentMessage() == "Data contoh dimuat."
    assert bar.toolTip() == ""
    bar.resize(590, 24)  # a resize re-fits the text and keeps the timeout
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)
    assert bar.full_message() == ""

    # a message Qt puts there itself (an action's status tip) is fitted as well
    QStatusBar.showMessage(bar, "x" * 400)
    bar.resize(300, 24)
    assert _shown_width(bar) <= 300 and bar.currentMessage().count("…") == 1
    assert bar.full_message() == "x" * 400

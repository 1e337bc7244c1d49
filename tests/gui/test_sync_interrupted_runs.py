"""The Sinkronisasi page ends the runs of killed processes of this computer when it loads
its state, and shows them as "terhenti" instead of "berjalan" forever (issue 21, item 7)."""

from __future__ import annotations

import subprocess
import sys

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRun
from desktop.sync.liveness import owner_label, parse_owner
from desktop.ui.main_window import MainWindow

from .helpers import settle


def test_a_killed_run_of_this_computer_shows_as_stopped(qtbot, window: MainWindow,
                                                        desk: Desk) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # its pid is now of no process
    me = parse_owner(owner_label())
    assert me is not None
    with desk.db.session() as s:
        s.add(SyncRun(catalog_url="https://data.contoh.go.id", mode="sync", status="running",
                      owner=f"{me.host}:{child.pid}:dead0001"))
    page = window.sync_page
    window.show_page("sync")
    page.refresh_state()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.runs_box.runs_table.rowCount() == 1, timeout=5_000)
    assert page.runs_box.runs_table.item(0, 1).text() == "terhenti"
    assert page.runs_box.runs_table.item(0, 7).text().startswith("Terhenti sebelum selesai")
    with desk.db.session() as s:
        assert s.query(SyncRun).one().status == "interrupted"

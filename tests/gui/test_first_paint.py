"""The window's first paint comes before the database layer (issue 19).

``desktop.ui.app.run`` shows ``MainWindow(None, …)`` — the side bar with the Beranda
only, the Beranda's empty tiles and chart frames, greyed-out menus and toolbar — and
opens the database on the worker once that frame is painted; ``attach`` then completes
the window as the person's role allows: at the start the Beranda's figures first, the
pages, menus and actions once those are painted (``completed``). These tests hold the
frame to "nothing can be done yet, nothing the role may not see", and the real start to
"painted before SQLAlchemy, the models or Babel were imported".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import clone_demo
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolBar

from desktop.core.dashboard_quick import quick_board
from desktop.core.desk import Desk
from desktop.ui.beranda import ChartPlaceholder
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskManager

from .helpers import settle

ROOT = Path(__file__).resolve().parents[2]


def _frame(qtbot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(None, settings, TaskManager())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_frame_offers_nothing_before_the_database_is_open(qtbot, tmp_path: Path) -> None:
    win = _frame(qtbot, tmp_path)
    # the Beranda only: no page of a kind the role (not known yet) might not read
    assert [win.navigation.item(row).text() for row in range(win.navigation.count())] == [
        "Beranda"]
    assert win.page is None and win.current_key == "beranda"
    beranda = win.beranda
    assert beranda.as_of.text() == "Memuat data…"
    # no stale numbers, nothing to open, nothing to ask for
    assert all(tile.number.text() == "–" and not tile.isEnabled()
               for tile in beranda.tiles.values())
    assert not beranda.refresh_button.isEnabled() and not beranda.report_button.isEnabled()
    assert len([p for p in beranda.findChildren(ChartPlaceholder) if p.isVisible()]) == 4
    menus = [action.menu() for action in win.menuBar().actions()]
    assert menus and all(menu is not None and not menu.isEnabled() for menu in menus)
    bars = win.findChildren(QToolBar)
    assert len(bars) == 1 and bars[0].actions()
    assert not any(action.isEnabled() for action in bars[0].actions()
                   if not action.isSeparator())
    assert win.action_table == {} and win.statusBar().currentMessage() == (
        "Membuka basis data…")
    beranda.refresh()  # asked for before the database: nothing to compute yet
    settle(qtbot, win)
    assert beranda.board is None


def test_attaching_the_database_completes_the_frame(qtbot, tmp_path: Path,
                                                    desk: Desk) -> None:
    desk.opd.create({"kode": "9", "nama": "Dinas Contoh", "jenis": "dinas"})
    win = _frame(qtbot, tmp_path)
    with qtbot.waitSignal(win.beranda.refreshed, timeout=10_000):
        win.attach(desk)
    settle(qtbot, win)
    keys = [win.navigation.item(row).data(256) for row in range(win.navigation.count())]
    assert keys[0] == "beranda" and "opd" in keys and "datasets" in keys
    assert win.action_table["act_settings"].isEnabled()
    assert len(win.findChildren(QToolBar)) == 1  # the greyed-out one gave its place
    assert all(menu.isEnabled() for menu in
               (action.menu() for action in win.menuBar().actions()) if menu is not None)
    beranda = win.beranda
    assert beranda.as_of.text().startswith("Keadaan per ")
    assert not [p for p in beranda.findChildren(ChartPlaceholder) if p.isVisible()]
    assert beranda.tiles["apps"].isEnabled() and beranda.tiles["apps"].number.text() == "0"
    assert beranda.refresh_button.isEnabled()
    win.show_kind("opd")
    assert win.page is win.pages["opd"]


def test_at_the_start_the_figures_come_before_the_pages_are_built(qtbot, tmp_path: Path,
                                                                 desk: Desk) -> None:
    """Building the pages holds the interpreter (the Sinkronisasi page loads the HTTP
    stack): the start puts the Beranda's figures on screen first, with the frame still
    greyed out, and completes the window once they are painted."""
    win = _frame(qtbot, tmp_path)
    shown: list[tuple[str, int, bool]] = []
    win.beranda.refreshed.connect(lambda: shown.append(
        ("figures", win.navigation.count(), win.attached)))
    win.completed.connect(lambda: shown.append(
        ("completed", win.navigation.count(), win.attached)))
    win.attach(desk, figures_first=True)
    assert win.navigation.count() == 1 and not win.attached and win.action_table == {}
    with qtbot.waitSignal(win.completed, timeout=10_000):
        pass
    assert shown[0] == ("figures", 1, False)
    assert shown[1][0] == "completed" and shown[1][1] > 6 and shown[1][2]
    assert win.beranda.tiles["apps"].number.text() == "0"  # the figure, not "–"
    assert win.action_table["act_settings"].isEnabled()
    settle(qtbot, win)


def test_the_start_completes_the_window_when_the_figures_fail(qtbot, tmp_path: Path,
                                                              desk: Desk,
                                                              monkeypatch) -> None:
    """The figures' query failing (said in its box) does not leave the window a frame:
    the rest is built after FIGURES_WAIT_MS all the same."""
    import desktop.core.dashboard as dashboard
    from desktop.ui import main_window

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("papan tidak terhitung")

    monkeypatch.setattr(dashboard, "compute", broken)
    monkeypatch.setattr(main_window, "FIGURES_WAIT_MS", 200)
    errors: list[BaseException] = []
    monkeypatch.setattr("desktop.ui.errors.show_error",
                        lambda exc, parent=None: errors.append(exc))
    win = _frame(qtbot, tmp_path)
    with qtbot.waitSignal(win.completed, timeout=10_000):
        win.attach(desk, figures_first=True)
    assert win.attached and win.navigation.count() > 6
    assert [str(error) for error in errors] == ["papan tidak terhitung"]
    settle(qtbot, win)


def test_a_frame_closed_before_its_figures_is_not_completed(qtbot, tmp_path: Path,
                                                            desk: Desk, monkeypatch) -> None:
    from desktop.ui import main_window

    monkeypatch.setattr(main_window, "FIGURES_WAIT_MS", 50)
    win = _frame(qtbot, tmp_path)
    completed: list[bool] = []
    win.completed.connect(lambda: completed.append(True))
    win.attach(desk, figures_first=True)
    assert win.close()
    qtbot.wait(300)
    settle(qtbot, win)
    assert completed == [] and not win.attached and win.navigation.count() == 1


def test_the_frame_closed_while_the_database_opens_closes_quietly(qtbot,
                                                                  tmp_path: Path) -> None:
    win = _frame(qtbot, tmp_path)
    assert win.close()
    assert not (tmp_path / "view.ini").exists()  # no half-built state was saved


# A real start, as the user's shortcut makes it: the window's first paint notes which
# modules were loaded then, the Beranda's figures how many pages there were; once the
# window is complete, the child prints and quits.
WATCHED_START = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from desktop.ui import main_window as mw

HEAVY = ("sqlalchemy", "babel", "desktop.core.models", "desktop.core.kinds",
         "desktop.core.desk", "desktop.core.dashboard")
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = [name for name in HEAVY if name in sys.modules]
        return False

original_init = mw.MainWindow.__init__

def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    self._watch = Watch(self)
    self.installEventFilter(self._watch)
    seen["frame"] = self.navigation.count()

    def filled():
        if "tiles" not in seen:
            seen["tiles"] = self.beranda.tiles["datasets"].number.text()
            seen["pages_when_filled"] = self.navigation.count()
            seen["loaded_when_filled"] = [name for name in HEAVY if name in sys.modules]

    def completed():
        seen["pages"] = self.navigation.count()
        seen["menus_enabled"] = all(menu.isEnabled() for menu in (
            action.menu() for action in self.menuBar().actions()) if menu is not None)
        print("SEEN " + json.dumps(seen), flush=True)
        self.tasks.wait()
        QApplication.instance().quit()

    self.beranda.refreshed.connect(filled)
    self.completed.connect(completed)

mw.MainWindow.__init__ = init
from desktop.cli import main
sys.exit(main(["--database", sys.argv[1], "gui"]))
"""


def _start(tmp_path: Path, database: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DISKOMINFO_DESK_PORTABLE_DIR=str(tmp_path / "portable"))
    return subprocess.run([sys.executable, "-c", WATCHED_START, str(database)],
                          capture_output=True, text=True, env=env, timeout=120,
                          check=False, cwd=ROOT)


def test_the_window_is_painted_before_the_database_layer_is_loaded(tmp_path: Path) -> None:
    database = tmp_path / "d.sqlite3"
    with Desk.open(str(database)) as desk:  # an OPD: no welcome dialog at the start
        opd = desk.opd.create({"kode": "1", "nama": "Diskominfo", "jenis": "dinas"})
        desk.datasets.create({"judul": "Jumlah Penduduk", "opd_id": opd["id"],
                              "frekuensi": "tahunan", "sifat_data": "terbuka"})
    done = _start(tmp_path, database)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("SEEN ")]
    assert len(lines) == 1, done.stdout + done.stderr
    seen = json.loads(lines[0][5:])
    assert seen["painted"] == []  # none of the database layer at the first paint
    assert seen["frame"] == 1  # the Beranda only, until the role is known
    # then the Beranda's figures, read with plain sqlite3 before the database layer is
    # loaded (it holds the interpreter ~350 ms) and before the rest is built (a few
    # hundred milliseconds more), then every page
    assert seen["tiles"] == "1" and seen["pages_when_filled"] == 1
    assert seen["loaded_when_filled"] == ["babel"]  # the numbers' formats only
    assert seen["pages"] > 6 and seen["menus_enabled"]


def test_the_cheaper_pyside_question_gives_shibokens_answers() -> None:
    """``feature_scan.uses_pyside`` replaces a read of each module's source: a module that
    holds PySide6 is still one, a module that does not is still not."""
    import json as plain

    from desktop.ui import beranda, feature_scan, hub

    assert feature_scan.install()
    assert feature_scan.uses_pyside(beranda) and feature_scan.uses_pyside(hub)
    assert not feature_scan.uses_pyside(plain)
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is feature_scan.uses_pyside


def test_naming_a_postgresql_database_for_the_guard_loads_neither_keyring_nor_sqlalchemy(
        ) -> None:
    """The single-instance guard names the database before the first paint: on
    PostgreSQL that asked the keyring for the password (and loaded SQLAlchemy to strip
    it again), 0.3–1 s before anything was on screen."""
    done = subprocess.run([sys.executable, "-c", """
import sys
from desktop.core.single_instance import database_identity
print(database_identity("postgresql://desk:rahasia@db.local:5432/register?password=x&a=1"))
print(sorted(name for name in ("sqlalchemy", "keyring") if name in sys.modules))
"""], capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "postgresql+psycopg://desk@db.local:5432/register?a=1", "[]"]


def test_opening_a_sqlite_register_does_not_load_the_postgresql_driver(tmp_path: Path) -> None:
    """psycopg (with asyncio's SSL parts, ~50 ms) came with ``desktop.core.people`` for
    the statements that manage logins on PostgreSQL: every start on SQLite paid it on
    the way to the Beranda's figures."""
    done = subprocess.run([sys.executable, "-c", """
import sys
from desktop.core.desk import Desk
from desktop.core.people import require_role
with Desk.open(sys.argv[1]) as desk:
    require_role(desk)
    desk.opd.count()
print(sorted(name for name in sys.modules if name.split(".")[0] == "psycopg"))
""", str(tmp_path / "d.sqlite3")], capture_output=True, text=True, timeout=60, check=False,
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]"]


# the child's QApplication exists before the program runs; a timer reports the text of
# the modal box that opens, with what its parent is, and closes it
WATCH_BOX = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["diskominfo-desk"])
def close_box():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(20, close_box)
        return
    parent = box.parentWidget()
    print("BOX:" + box.text() + "|over:" + (parent.objectName() if parent else ""),
          flush=True)
    box.done(0)
QTimer.singleShot(20, close_box)
from desktop.cli import main
sys.exit(main(["--database", sys.argv[1], "gui"]))
"""


def test_a_database_that_cannot_be_opened_is_said_over_the_frame(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.sqlite3"
    broken.write_text("bukan basis data " * 20, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DISKOMINFO_DESK_PORTABLE_DIR=str(tmp_path / "portable"))
    done = subprocess.run([sys.executable, "-c", WATCH_BOX, str(broken)],
                          capture_output=True, text=True, env=env, timeout=120,
                          check=False, cwd=ROOT)
    assert done.returncode == 1, done.stdout + done.stderr
    boxes = [line for line in done.stdout.splitlines() if line.startswith("BOX:")]
    assert boxes == [f"BOX:Berkas basis data rusak atau bukan basis data SQLite: {broken}"
                     "|over:mainWindow"], done.stdout + done.stderr


@pytest.fixture
def demo_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    yield from (Path(url) for url in clone_demo(request, "sqlite", tmp_path))


def test_the_quick_figures_are_kept_and_a_tile_clicked_early_opens_its_list(
        qtbot, tmp_path: Path, demo_file: Path) -> None:
    """The start's quick reading fills the Beranda before the database layer loads: the
    window then completes without reading them again, and a tile clicked meanwhile
    (by mouse, while the pages are not built yet) opens its list once they are."""
    board = quick_board(demo_file, date.today())
    assert board is not None
    win = _frame(qtbot, tmp_path)
    refreshed: list[bool] = []
    win.beranda.refreshed.connect(lambda: refreshed.append(True))
    win.beranda.show_early(board)
    settle(qtbot, win)
    tile = win.beranda.tiles["datasets"]
    total = str(sum(board.datasets_by_sifat.values()))
    assert tile.isVisible() and tile.isEnabled() and tile.number.text() == total
    assert not win.beranda.refresh_button.isEnabled()  # nothing to ask of it yet
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert win.page is None and win.navigation.count() == 1
    assert win.statusBar().currentMessage() == "Daftar dibuka setelah basis data siap…"
    desk = Desk.open(demo_file, user="penguji")
    try:
        with qtbot.waitSignal(win.completed, timeout=10_000):
            win.attach(desk, figures_first=True)
        settle(qtbot, win)
        assert refreshed == [True]  # the quick figures kept: not read a second time
        assert win.page is win.pages["datasets"] and win.current_key == "datasets"
        assert win.page.model.rowCount() == int(total)
        assert win.beranda.refresh_button.isEnabled()
    finally:
        win.close()
        win.tasks.wait()
        desk.close()

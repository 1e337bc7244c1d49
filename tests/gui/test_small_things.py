"""Issue 16's small things in the window: the key to tinted rows, English counts, the
database the Settings dialog shows, the list/form splitter across restarts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.core.desk import Desk
from desktop.core.freshness import is_overdue
from desktop.core.services import ListQuery
from desktop.ui.main_window import MainWindow
from desktop.ui.record_model import attention_brush

from .helpers import build_window, open_page, settle

BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


def _type_search(qtbot, page, text: str) -> None:
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.apply_query()
    settle(qtbot, page.window())


# ---------------------------------------------------------------------------- legend
def test_tinted_rows_have_a_legend_and_say_why(qtbot, demo_window: MainWindow,
                                               demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    rows = demo_desk.datasets.rows(demo_desk.datasets.ids(page.model.query))
    overdue = [r for r in rows
               if is_overdue(r["frekuensi"], r.get("terakhir_diperbarui"), date.today())]
    assert overdue, "the demo has datasets overdue for their update"
    assert page.legend.isVisible()
    assert page.legend.text.text() == f"{len(overdue)} terlambat diperbarui"
    assert page.legend.count == len(overdue)
    assert not page.legend.swatch.pixmap().isNull()
    assert "Baris berwarna" in page.legend.toolTip()
    row = page.model.row_of(overdue[0]["id"])
    for column in (0, 2):
        index = page.model.index(row, column)
        assert page.model.data(index, BG) == attention_brush()
        assert page.model.data(index, TIP).startswith("Terlambat diperbarui (frekuensi: ")
    fresh = next(r for r in rows if r not in overdue)
    assert page.model.data(page.model.index(page.model.row_of(fresh["id"]), 0), BG) is None

    # a search whose rows are all up to date: no tinted rows, no legend
    _type_search(qtbot, page, fresh["judul"])
    shown = demo_desk.datasets.rows(page.model.ids)
    if not any(is_overdue(r["frekuensi"], r.get("terakhir_diperbarui"), date.today())
               for r in shown):
        assert not page.legend.isVisible()
    _type_search(qtbot, page, "tidak ada yang cocok zzz")
    assert page.model.rowCount() == 0 and not page.legend.isVisible()
    _type_search(qtbot, page, "")
    assert page.legend.isVisible()


def test_expiring_agreements_have_their_own_legend_and_other_pages_none(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    from desktop.core.settings import EXPIRY_DAYS, Settings

    days = int(Settings().get(EXPIRY_DAYS))
    page = open_page(qtbot, demo_window, "agreements")
    expiring = demo_desk.agreements.count(ListQuery(filters={"berakhir_dalam": days}))
    assert page.legend.isVisible() == (expiring > 0)
    if expiring:
        assert page.legend.text.text() == f"{expiring} segera berakhir"
    assert f"{days} hari" in page.legend.toolTip()
    apps = open_page(qtbot, demo_window, "apps")
    assert not apps.legend.isVisible()


# ---------------------------------------------------------------------------- plurals
def test_the_count_is_a_proper_plural_in_english(qtbot, sqlite_desk: Desk,
                                                 tmp_path: Path) -> None:
    from desktop.ui.i18n import install_language

    sqlite_desk.opd.create({"kode": "9.99.01", "nama": "Dinas Uji", "singkatan": "Uji",
                            "jenis": "dinas"})
    assert install_language("en")
    try:
        win = build_window(qtbot, sqlite_desk, tmp_path / "view.ini")
        page = open_page(qtbot, win, "opd")
        assert page.count_label.text() == "1 record"
        sqlite_desk.opd.create({"kode": "9.99.02", "nama": "Badan Uji", "singkatan": "BU",
                                "jenis": "badan"})
        win.hub.notify("opd", [])
        qtbot.waitUntil(lambda: page.count_label.text() == "2 records", timeout=5000)
        _type_search(qtbot, page, "Badan")
        assert page.count_label.text() == "1 of 2 records"
    finally:
        install_language("id")
    win2 = build_window(qtbot, sqlite_desk, tmp_path / "view2.ini")
    page = open_page(qtbot, win2, "opd")
    assert page.count_label.text() == "2 data"


# ---------------------------------------------------------------------------- database
def _settings_dialog(qtbot, win: MainWindow):
    from desktop.ui.settings_dialog import SettingsDialog

    win.open_settings()
    dialog = win.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_settings_show_the_database_in_use_not_the_one_the_settings_name(
        qtbot, sqlite_desk: Desk, tmp_path: Path) -> None:
    from desktop.core.settings import DATABASE, Settings

    other = tmp_path / "lain" / "kantor.sqlite3"
    settings = Settings()
    settings.set(DATABASE, str(other))
    settings.save()
    in_use = str(sqlite_desk.db.sqlite_path)
    win = build_window(qtbot, sqlite_desk, tmp_path / "view.ini")  # as with --database
    dialog = _settings_dialog(qtbot, win)
    text = dialog.db_in_use.text()
    assert text.startswith(f"Dipakai sekarang: {in_use} (dari --database)")
    assert "dipakai saat aplikasi dibuka tanpa --database" in text
    assert dialog.sqlite_path.text() == str(other)  # the setting, kept as it is
    # choosing another file says when it takes effect, and changes nothing now
    assert any("berlaku saat aplikasi dibuka kembali" in label.text()
               for label in dialog.database_tab.findChildren(type(dialog.db_in_use)))
    dialog.close()
    assert win.desk.db.sqlite_path == sqlite_desk.db.sqlite_path


def test_settings_say_the_database_comes_from_the_settings_when_it_does(
        qtbot, tmp_path: Path, sqlite_template: Path) -> None:
    import shutil

    from desktop.core.settings import DATABASE, Settings

    path = tmp_path / "kantor.sqlite3"
    shutil.copyfile(sqlite_template, path)
    settings = Settings()
    settings.set(DATABASE, str(path))
    settings.save()
    desk = Desk.open(None)  # as a start without --database
    try:
        win = build_window(qtbot, desk, tmp_path / "view.ini")
        dialog = _settings_dialog(qtbot, win)
        assert dialog.db_in_use.text() == f"Dipakai sekarang: {path} (dari pengaturan)"
        dialog.close()
        win.close()
    finally:
        desk.close()


def test_environment_and_default_are_named(qtbot, tmp_path: Path, sqlite_template: Path,
                                           monkeypatch) -> None:
    import shutil

    from desktop.core.database_choice import DEFAULT, ENVIRONMENT, in_use, source_text
    from desktop.core.paths import default_database_path

    path = tmp_path / "env.sqlite3"
    shutil.copyfile(sqlite_template, path)
    monkeypatch.setenv("DISKOMINFO_DESK_DATABASE", str(path))
    desk = Desk.open(None)
    try:
        found = in_use(desk.db.url)
        assert (found.location, found.source, found.overridden) == (str(path), ENVIRONMENT,
                                                                     True)
        assert source_text(ENVIRONMENT) == "dari variabel lingkungan DISKOMINFO_DESK_DATABASE"
    finally:
        desk.close()
    monkeypatch.delenv("DISKOMINFO_DESK_DATABASE")
    default_database_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sqlite_template, default_database_path())
    desk = Desk.open(None)
    try:
        found = in_use(desk.db.url)
        assert (found.source, found.overridden) == (DEFAULT, False)
        assert found.location == str(default_database_path())
    finally:
        desk.close()


# ---------------------------------------------------------------------------- splitter
WIDE, NARROW = QSize(1300, 740), QSize(790, 740)  # form beside the list / below it


def _drag_handle(qtbot, splitter, by: QPoint) -> None:
    """A real mouse drag on the splitter's handle (press, move with the button held,
    release), as a user widens the form."""
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    end = start + by
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), QPointF(handle.mapToGlobal(end)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, move)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=end)


def _shape(qtbot, win: MainWindow, page, size: QSize, orientation: Qt.Orientation) -> None:
    win.resize(size)
    qtbot.waitUntil(lambda: page.splitter.orientation() == orientation, timeout=3000)
    qtbot.wait(20)


def test_splitter_sizes_of_both_shapes_survive_a_restart(qtbot, sqlite_desk: Desk,
                                                         tmp_path: Path) -> None:
    ini = tmp_path / "view.ini"
    win = build_window(qtbot, sqlite_desk, ini)
    page = open_page(qtbot, win, "datasets")
    _shape(qtbot, win, page, WIDE, Qt.Orientation.Horizontal)
    before = page.splitter.sizes()
    _drag_handle(qtbot, page.splitter, QPoint(-150, 0))  # a wider form
    side = page.splitter.sizes()
    assert side[1] > before[1] + 100, (before, side)
    _shape(qtbot, win, page, NARROW, Qt.Orientation.Vertical)
    _drag_handle(qtbot, page.splitter, QPoint(0, 80))  # a taller list, form below it
    below = page.splitter.sizes()
    _shape(qtbot, win, page, WIDE, Qt.Orientation.Horizontal)
    assert page.splitter.sizes()[1] == side[1]  # each shape keeps its own sizes
    win.close()

    again = build_window(qtbot, sqlite_desk, ini)
    page = open_page(qtbot, again, "datasets")
    _shape(qtbot, again, page, NARROW, Qt.Orientation.Vertical)
    assert page.splitter.sizes()[1] == below[1]
    _shape(qtbot, again, page, WIDE, Qt.Orientation.Horizontal)
    assert page.splitter.sizes()[1] == side[1]
    again.close()


def test_restored_sizes_are_clamped_so_neither_side_collapses(qtbot, sqlite_desk: Desk,
                                                               tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.page_fit import LIST_MIN_WIDTH

    ini = tmp_path / "view.ini"
    for side, check in (("60,5000", "list"), ("5000,10", "form")):
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        settings.setValue("window/page", "datasets")
        settings.setValue("view/datasets/splitter_side", side)
        settings.sync()
        win = build_window(qtbot, sqlite_desk, ini)
        page = open_page(qtbot, win, "datasets")
        _shape(qtbot, win, page, WIDE, Qt.Orientation.Horizontal)
        sizes = page.splitter.sizes()
        detail = page.splitter.widget(1)
        if check == "list":
            assert sizes[0] >= LIST_MIN_WIDTH
        else:
            assert sizes[1] >= detail.minimumSizeHint().width()
        assert min(sizes) > 0
        win.close()

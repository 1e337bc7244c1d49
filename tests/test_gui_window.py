"""The main window driven for real (pytest-qt, offscreen): forms, lists, conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.desk import Desk
from desktop.core.services import ListQuery
from desktop.ui.main_window import MainWindow
from desktop.ui.record.page import RecordPage
from desktop.ui.tasks import TaskManager


@pytest.fixture
def window(qtbot, desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    yield from _shown_window(desk, tmp_path)


def _shown_window(desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, TaskManager())
    win.show()
    yield win
    win.tasks.wait()
    # closing must not stop on an "unsaved changes" box (only a built page can ask)
    for page in win.pages.built().values():
        page.confirm_discard = lambda: True  # type: ignore[method-assign]
    win.close()
    win.deleteLater()


def settle(qtbot, win: MainWindow) -> None:
    """Let background jobs finish and their results reach the GUI thread."""
    for _ in range(3):
        win.tasks.wait()
        qtbot.wait(30)


def open_page(qtbot, win: MainWindow, kind: str) -> RecordPage:
    page = win.show_kind(kind)
    page.model.refresh()
    settle(qtbot, win)
    return page


def test_a_new_opd_typed_into_the_form_is_saved_and_listed(qtbot, window: MainWindow,
                                                           desk: Desk) -> None:
    page = open_page(qtbot, window, "opd")
    page.new_record(ask=False)
    qtbot.keyClicks(page.form.editors["kode"].edit, "2.16.01")
    qtbot.keyClicks(page.form.editors["nama"].edit, "Dinas Kominfo <Uji> & Co")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    rows = desk.opd.list().rows
    assert [(r["kode"], r["nama"]) for r in rows] == [("2.16.01", "Dinas Kominfo <Uji> & Co")]
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "Dinas Kominfo <Uji> & Co"
    assert page.current_id == rows[0]["id"]


def test_bad_input_shows_a_message_next_to_the_field_and_saves_nothing(
        qtbot, window: MainWindow, desk: Desk) -> None:
    page = open_page(qtbot, window, "opd")
    page.new_record(ask=False)
    qtbot.keyClicks(page.form.editors["kode"].edit, "9.99")
    qtbot.keyClicks(page.form.editors["kepala_nip"].edit, "12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "Wajib diisi" in page.form.error_text("nama")
    assert "18 digit" in page.form.error_text("kepala_nip")
    assert page.form.error_text("kode") == ""
    assert desk.opd.count() == 0
    assert page.form.editors["kode"].value() == "9.99"  # what was typed stays


def test_an_invalid_date_on_a_visit_is_reported_on_that_field(qtbot, window: MainWindow,
                                                              desk: Desk) -> None:
    page = open_page(qtbot, window, "visits")
    page.new_record(ask=False)
    qtbot.keyClicks(page.form.editors["tanggal_mulai"].edit, "31/02/2024")
    qtbot.keyClicks(page.form.editors["instansi"].edit, "Diskominfo Kota Malang")
    page.save()
    settle(qtbot, window)
    assert "Tanggal tidak valid" in page.form.error_text("tanggal_mulai")
    assert desk.visits.count() == 0


@pytest.fixture
def demo_window(qtbot, demo_desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    """A window over the demo register (loaded once per session, copied per test)."""
    yield from _shown_window(demo_desk, tmp_path)


def test_search_narrows_the_table(qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    assert page.model.rowCount() == 120
    qtbot.keyClicks(page.search, "penduduk miskin")
    qtbot.waitUntil(lambda: page.model.rowCount() != 120, timeout=5000)
    settle(qtbot, demo_window)
    expected = demo_desk.datasets.ids(ListQuery(text="penduduk miskin"))
    assert page.model.ids == expected
    assert 0 < len(expected) < 120
    assert page.count_label.text() == f"{len(expected)} dari 120 data"


@pytest.mark.parametrize(("kind", "key", "index"), [
    ("datasets", "sifat_data", 2), ("apps", "status", 4), ("visits", "arah", 2),
    ("agreements", "jenis", 2), ("deployments", "status", 2), ("opd", "jenis", 2),
])
def test_each_choice_filter_matches_the_core_count(qtbot, demo_window: MainWindow,
                                                   demo_desk: Desk, kind: str, key: str,
                                                   index: int) -> None:
    page = open_page(qtbot, demo_window, kind)
    combo = page.filter_widgets[key]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(qtbot, demo_window)
    expected = demo_desk.service(kind).count(ListQuery(filters={key: combo.currentData()}))
    assert page.model.rowCount() == expected
    assert page.model.rowCount() < demo_desk.service(kind).count()


def test_overdue_filter_and_tint(qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    page.filter_widgets["terlambat"].setChecked(True)
    settle(qtbot, demo_window)
    expected = demo_desk.datasets.count(ListQuery(filters={"terlambat": 1}))
    assert page.model.rowCount() == expected > 0
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_clicking_a_header_sorts_in_sql(qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "apps")
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # tahun
    settle(qtbot, demo_window)
    years = [page.model.index(r, 5).data() for r in range(page.model.rowCount())]
    assert years == sorted(years, reverse=True)


def test_a_save_over_someone_elses_newer_save_is_refused_and_keeps_the_text(
        qtbot, demo_window: MainWindow, demo_desk: Desk, demo_url: str) -> None:
    page = open_page(qtbot, demo_window, "apps")
    page.table.selectRow(0)
    settle(qtbot, demo_window)
    record_id = page.current_id
    assert record_id is not None
    editor = page.form.editors["deskripsi"].edit
    editor.setPlainText("Teks saya yang belum tersimpan")
    other = Desk.open(demo_url, user="lain")
    theirs = other.apps.get(record_id)
    other.apps.update(record_id, {"deskripsi": "Teks pengguna lain"},
                      expected_version=theirs["version"])
    other.close()
    page.save()
    settle(qtbot, demo_window)
    box = page.findChild(QMessageBox, "staleBox")
    assert box is not None and box.isVisible()
    assert "diubah oleh pengguna lain" in box.text()
    assert editor.toPlainText() == "Teks saya yang belum tersimpan"
    assert demo_desk.apps.get(record_id)["deskripsi"] == "Teks pengguna lain"
    box.close()


def test_english_interface_after_switching_language(qtbot, desk: Desk, tmp_path: Path) -> None:
    from desktop.ui.i18n import install_language

    assert install_language("en")
    try:
        win = MainWindow(desk, QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat),
                         TaskManager())
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[:2] == ["&File", "&Edit"]
        nav = [win.navigation.item(i).text() for i in range(win.navigation.count())]
        assert nav[:4] == ["Home", "Applications", "Datasets", "Visits"]
        page = win.pages["apps"]
        assert page.save_button.text() == "&Save"
        assert page.search.placeholderText().startswith("Search")
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
        win.tasks.wait()
    finally:
        install_language("id")
    win2 = MainWindow(desk, QSettings(str(tmp_path / "v2.ini"), QSettings.Format.IniFormat),
                      TaskManager())
    qtbot.addWidget(win2)
    assert win2.pages["apps"].save_button.text() == "&Simpan"
    win2.tasks.wait()


def test_kb_drafted_from_the_karanganyar_visit_is_saved_and_linked(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    visit_id = demo_desk.visits.ids(ListQuery(filters={"tanggal_mulai": "2017-04-20"}))[0]
    visits = open_page(qtbot, demo_window, "visits")
    visits.open_record(visit_id)
    settle(qtbot, demo_window)
    qtbot.mouseClick(visits.make_kb, Qt.MouseButton.LeftButton)
    settle(qtbot, demo_window)
    page = demo_window.page
    assert page.kind.name == "agreements"
    assert page.form.is_dirty()  # a draft is unsaved work
    parties = page.form.collections["pihak"].rows()
    assert [p["region_kode"] for p in parties] == ["35.10", "33.13"]
    assert "20 April 2017" in page.form.editors["premis"].value()[0]
    articles = page.form.collections["pasal"]
    articles.tree.setCurrentItem(articles.tree.topLevelItem(0))
    before = len(articles.rows())
    articles.add(0)
    articles.text.setPlainText("Kerahasiaan")
    articles.move_current(-1)
    assert len(articles.rows()) == before + 1
    assert articles.rows()[before - 1]["judul"] == "Kerahasiaan"
    page.save()
    settle(qtbot, demo_window)
    assert page.current_id is not None
    saved = demo_desk.agreements.get(page.current_id)
    assert saved["jenis"] == "kb"
    assert saved["pasal"][before - 1]["judul"] == "Kerahasiaan"
    assert page.current_id in demo_desk.visits.get(visit_id)["kerjasama_ids"]


def test_closing_with_unsaved_changes_asks(qtbot, window: MainWindow, monkeypatch) -> None:
    page = open_page(qtbot, window, "opd")
    page.new_record(ask=False)
    qtbot.keyClicks(page.form.editors["nama"].edit, "Belum disimpan")
    asked: list[str] = []

    def cancel(box: QMessageBox) -> int:
        asked.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                box.setProperty("clicked", True)
                monkeypatch.setattr(box, "clickedButton", lambda b=button: b)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    window.close()
    assert asked and window.isVisible()
    assert page.form.editors["nama"].value() == "Belum disimpan"
    QApplication.processEvents()


# --------------------------------------------------------------------------- lazy pages
def test_record_pages_are_built_when_first_needed_then_while_idle(qtbot, desk: Desk,
                                                                 tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, TaskManager())
    win.show()
    assert win.current_key == "beranda"
    assert win.pages.built() == {}  # start-up builds the Beranda only
    assert "datasets" in win.pages and len(win.pages) == 6  # without building any
    page = win.show_kind("visits")  # opening one builds it, in its place in the stack
    assert win.pages.is_built("visits") and win.page is page
    assert win.stack.indexOf(page) == win.navigation.currentRow()
    win.show_page("beranda")
    qtbot.waitUntil(lambda: len(win.pages.built()) == 6, timeout=10_000)  # idle building
    for row in range(win.navigation.count()):  # every entry still shows its own page
        win.navigation.setCurrentRow(row)
        assert win.current_key == win.navigation.item(row).data(Qt.ItemDataRole.UserRole)
    win.tasks.wait()
    win.close()


def test_idle_building_waits_while_a_job_runs(qtbot, desk: Desk, tmp_path: Path) -> None:
    """One page at a time, after the last one's jobs: on a busy server a fixed beat
    stacked their queries and kept the status bar on "Bekerja…" for seconds."""
    import threading

    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, TaskManager())
    win.show()
    qtbot.waitUntil(lambda: win.start_sequence.started, timeout=5000)
    release = threading.Event()
    win.tasks.run_db(lambda: release.wait(10))
    built = set(win.pages.built())
    qtbot.wait(700)  # several idle beats
    assert set(win.pages.built()) == built  # nothing built behind the running job
    release.set()
    qtbot.waitUntil(lambda: len(win.pages.built()) == 6, timeout=10_000)
    win.tasks.wait()
    win.close()


def test_a_closed_window_builds_no_more_pages(qtbot, desk: Desk, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, TaskManager())
    win.show()
    win.close()
    built = set(win.pages.built())
    qtbot.wait(800)  # longer than the grace period would allow idle building to start
    win.start_sequence.after_first_page()  # a late signal changes nothing either
    qtbot.wait(400)
    assert set(win.pages.built()) == built

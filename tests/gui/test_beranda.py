"""The Beranda page, the reminders panel and the period report dialog, driven like a user."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries, QPieSeries
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core.dashboard import compute
from desktop.core.desk import Desk
from desktop.core.reminders import Dismissals
from desktop.core.services import ListQuery
from desktop.ui.beranda import BerandaPage
from desktop.ui.main_window import MainWindow
from desktop.ui.record_page import RecordPage
from desktop.ui.report_dialog import ReportDialog

from .helpers import build_window, settle


def _wait_beranda(qtbot, win: MainWindow) -> BerandaPage:
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.beranda.board is not None, timeout=5000)
    return win.beranda


def _listed(qtbot, win: MainWindow, kind: str, filters: dict) -> int:
    """Rows the page shows once the opened filter is applied."""
    page = win.pages[kind]
    qtbot.waitUntil(lambda: win.page is page
                    and dict(page.model.query.filters) == filters, timeout=5000)
    settle(qtbot, win)
    return page.model.rowCount()


def test_the_app_opens_on_the_beranda_with_the_figures_of_the_register(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    assert win.stack.currentWidget() is beranda and win.page is None
    assert win.navigation.currentItem().text() == "Beranda"
    board = compute(demo_desk, date.today())
    for figure in board.tiles() + board.summary():
        assert beranda.tiles[figure.key].number.text() == str(figure.count), figure.key
    assert set(beranda.chart_views) == {c.key for c in board.charts()
                                        if any(s.count for s in c.segments)}
    # record actions make no sense here, and say so by being disabled
    assert not win.act_new.isEnabled() and not win.act_export.isEnabled()
    win.show_kind("apps")
    assert win.act_new.isEnabled()


@pytest.mark.parametrize("key", ["datasets_overdue", "agreements_expiring",
                                 "follow_ups_overdue", "apps", "agreements_in_force"])
def test_clicking_a_tile_opens_the_list_with_the_same_count(
        qtbot, demo_window: MainWindow, key: str) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    tile = beranda.tiles[key]
    expected = tile.figure.count
    assert expected > 0  # the demo has something behind every one of these tiles
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    page = win.pages[tile.figure.kind]
    assert _listed(qtbot, win, tile.figure.kind, tile.figure.filters) == expected
    if tile.figure.filters:  # the chip says where the list came from
        assert page.chip.isVisible() and tile.caption.text() in page.chip.text()
    else:  # a whole list: no filter to show, and any earlier one is gone
        assert not page.chip.isVisible() and page.model.query.filters == {}


def test_clicking_a_slice_or_a_bar_opens_the_list_behind_it(
        qtbot, demo_window: MainWindow) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    charts = {c.key: c for c in beranda.board.charts()}
    checked = 0
    for key, view in beranda.chart_views.items():
        series = view.chart().series()[0]
        if isinstance(series, QPieSeries):
            pieces = series.slices()
            target = max(range(len(pieces)), key=lambda i: pieces[i].value())
            segment = charts[key].segments[target]
            pieces[target].clicked.emit()  # what QtCharts emits on a click
        else:
            assert isinstance(series, (QBarSeries, QHorizontalBarSeries))
            first = series.barSets()[0]
            index = max(range(first.count()), key=first.at)
            shown = [s for s in charts[key].segments
                     if not s.series or s.series == charts[key].segments[0].series]
            if isinstance(series, QHorizontalBarSeries):
                shown = list(reversed(shown))  # drawn bottom-up, biggest on top
            segment = shown[index]
            if segment.filters is None:  # "the rest": opens nothing
                continue
            first.clicked.emit(index)
        assert _listed(qtbot, win, charts[key].kind, segment.filters) == segment.count, \
            (key, segment)
        win.show_page("beranda")
        checked += 1
    assert checked >= 6


def test_figures_follow_the_data(qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    before = int(beranda.tiles["datasets_overdue"].number.text())
    opd = demo_desk.opd.ids(ListQuery())[0]
    created = demo_desk.datasets.create({"judul": "Data baru tanpa pembaruan", "opd_id": opd,
                                         "frekuensi": "bulanan", "sifat_data": "terbuka"})
    with qtbot.waitSignal(beranda.refreshed, timeout=5000):
        win.hub.notify("datasets", [created["id"]])
    assert int(beranda.tiles["datasets_overdue"].number.text()) == before + 1
    # while another page is shown, the change is remembered and applied on return
    win.show_kind("datasets")
    demo_desk.datasets.delete(created["id"], expected_version=created["version"])
    win.hub.notify("datasets", [created["id"]])
    with qtbot.waitSignal(beranda.refreshed, timeout=5000):
        win.show_page("beranda")
    assert int(beranda.tiles["datasets_overdue"].number.text()) == before


def test_an_empty_register_shows_zeros_and_no_charts(qtbot, window: MainWindow) -> None:
    beranda = _wait_beranda(qtbot, window)
    assert all(t.number.text() == "0" for t in beranda.tiles.values())
    assert beranda.chart_views == {}
    assert window.reminders.isHidden()  # nothing due: the panel stays away


# ---------------------------------------------------------------------------- reminders
def test_reminders_appear_on_start_and_can_be_put_away(qtbot, demo_desk: Desk,
                                                       tmp_path: Path) -> None:
    win = build_window(qtbot, demo_desk, tmp_path / "view.ini")
    panel = win.reminders
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=5000)
    tree = panel.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(g.startswith("Kerja sama segera berakhir") for g in groups)
    assert any(g.startswith("Sertifikat SSL segera berakhir") for g in groups)
    first = tree.topLevelItem(0).child(0)
    reminder = first.data(0, Qt.ItemDataRole.UserRole)
    # open: the record's page shows it
    tree.setCurrentItem(first)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, win)
    page = win.pages[reminder.kind]
    qtbot.waitUntil(lambda: page.current_id == reminder.record_id, timeout=5000)
    assert win.page is page
    # dismiss: gone now and after a restart
    tree.setCurrentItem(first)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    keys = {tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole).key
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())
            if hasattr(tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole), "key")}
    assert reminder.key not in keys
    assert Dismissals().is_hidden(reminder.key, date.today())
    # snooze another until tomorrow
    item = tree.topLevelItem(tree.topLevelItemCount() - 1).child(0)
    snoozed = item.data(0, Qt.ItemDataRole.UserRole)
    tree.setCurrentItem(item)
    qtbot.mouseClick(panel.snooze_button, Qt.MouseButton.LeftButton)
    assert Dismissals().until[snoozed.key] > date.today()
    # hide for today: closed, and a new window today does not bring it back
    qtbot.mouseClick(panel.hide_today_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    win.tasks.wait()
    again = MainWindow(demo_desk, QSettings(str(tmp_path / "v2.ini"),
                                            QSettings.Format.IniFormat), win.tasks)
    qtbot.addWidget(again)
    again.show()
    settle(qtbot, again)
    qtbot.wait(50)
    assert not again.reminders.isVisible()
    # but the Go menu still shows it on request
    again.act_reminders.trigger()
    assert again.reminders.isVisible()


# ---------------------------------------------------------------------------- report
def test_report_dialog_previews_the_chosen_period(qtbot, demo_window: MainWindow) -> None:
    win = demo_window
    _wait_beranda(qtbot, win)
    qtbot.mouseClick(win.beranda.report_button, Qt.MouseButton.LeftButton)
    dialog = win._dialogs["report"]
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("tahun"))
    dialog.year.setValue(date.today().year)
    assert dialog.summary.text().startswith(f"Tahun {date.today().year}: 1 Januari")
    qtbot.mouseClick(dialog.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible(),
                    timeout=15000)
    preview = dialog.preview
    assert preview.pdf.startswith(b"%PDF") and "halaman" in preview.info.text()
    assert preview.suggested_name == f"Laporan Kegiatan Tahun {date.today().year}.pdf"
    preview.accept()
    # a range that ends before it starts is refused before anything runs
    dialog.kind.setCurrentIndex(dialog.kind.findData("rentang"))
    dialog.start.setDate(QDate(2026, 5, 3))
    dialog.end.setDate(QDate(2026, 5, 2))
    assert not dialog.make.isEnabled()
    assert "sebelum awalnya" in dialog.summary.text()
    dialog.end.setDate(QDate(2026, 6, 30))
    assert dialog.make.isEnabled()
    # Batal while the report is made: nothing is shown afterwards
    dialog.preview = None
    dialog.make_report()
    dialog.task.cancel()
    win.tasks.wait()
    qtbot.wait(50)
    assert dialog.preview is None
    dialog.reject()
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()]


def test_window_remembers_a_record_page_and_defaults_to_the_beranda(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    ini = tmp_path / "view.ini"
    first = build_window(qtbot, desk, ini)
    assert first.current_key == "beranda"
    first.show_kind("opd")
    first.close()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("window/page") == "opd"
    second = build_window(qtbot, desk, ini)
    assert isinstance(second.page, RecordPage) and second.page.kind.name == "opd"
    second.show_page("beranda")
    second.close()
    third = build_window(qtbot, desk, ini)
    assert third.page is None and third.current_key == "beranda"
    third.close()

"""The Beranda page, the reminders panel and the period report dialog, driven like a user."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolTip

from desktop.core.dashboard import Chart, Segment, compute
from desktop.core.desk import Desk
from desktop.core.formatting import number
from desktop.core.i18n import set_language
from desktop.core.reminders import Dismissals
from desktop.core.services import ListQuery
from desktop.ui.beranda import REFRESH_DEBOUNCE_MS, BerandaPage, Tile
from desktop.ui.beranda_charts import BarChart, PieChart
from desktop.ui.main_window import MainWindow
from desktop.ui.record.page import RecordPage
from desktop.ui.report_dialog import ReportDialog
from desktop.ui.sidebar import BERANDA

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


def _click_point(card) -> tuple[object, QPoint]:
    """Where a user clicks on a chart to open its biggest part, and that part."""
    body = card.body
    if isinstance(body, PieChart):
        index = max(range(len(card.chart.segments)), key=lambda i: card.chart.segments[i].count)
        return card.chart.segments[index], body.slice_centre(index).toPoint()
    if isinstance(body, BarChart):
        rows = [r for r in body.rows() if not r.segments[0].is_rest]
        row = max(rows, key=lambda r: r.segments[0].count)
        bar = row.bars[0]
        return row.segments[0], bar.center()
    assert isinstance(body, Tile)  # one category: the figure in words
    return card.chart.segments[0], body.rect().center()


def test_clicking_a_slice_or_a_bar_opens_the_list_behind_it(
        qtbot, demo_window: MainWindow) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    checked = 0
    for key in list(beranda.chart_views):
        card = beranda.chart_views[key]
        segment, point = _click_point(card)
        card.body.ensurePolished()
        qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton, pos=point)
        assert _listed(qtbot, win, card.chart.kind, segment.filters) == segment.count, \
            (key, segment)
        win.show_page("beranda")
        checked += 1
    assert checked == 8


def test_lainnya_opens_the_list_of_all_it_holds_from_the_keyboard(
        qtbot, demo_window: MainWindow) -> None:
    win = demo_window
    beranda = _wait_beranda(qtbot, win)
    chart = beranda.chart_views["apps_by_opd"].body
    rest = chart.chart.segments[-1]
    assert rest.is_rest
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == len(chart.rows()) - 1
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert _listed(qtbot, win, "apps", rest.filters) == rest.count
    page = win.pages["apps"]
    assert page.chip.isVisible() and rest.label in page.chip.text()


def _bars_and_pies(beranda: BerandaPage) -> list[BarChart | PieChart]:
    return [c.body for c in beranda.chart_views.values()
            if isinstance(c.body, BarChart | PieChart)]


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_every_bar_shows_its_value_at_its_end_and_no_text_is_wider_than_its_room(
        qtbot, demo_window: MainWindow, size: tuple[int, int]) -> None:
    win = demo_window
    win.resize(*size)
    beranda = _wait_beranda(qtbot, win)
    qtbot.waitUntil(lambda: win.width() <= size[0], timeout=2000)
    settle(qtbot, win)
    charts = _bars_and_pies(beranda)
    assert len(charts) >= 6
    for chart in charts:
        metrics = chart.fontMetrics()
        for row in chart.rows():
            for line in row.label.split("\n"):  # a long name wraps, each line fits
                assert metrics.horizontalAdvance(line) <= row.label_rect.width(), \
                    (chart.chart.key, line, row.label_rect.width())
            assert row.label_rect.left() >= 0 and row.label_rect.right() < chart.width()
            assert row.rect.bottom() < chart.height(), (chart.chart.key, row.label)  # not cut
            for segment, bar, value, value_rect in zip(row.segments, row.bars, row.values,
                                                       row.value_rects, strict=True):
                assert value == number(segment.count) or isinstance(chart, PieChart)
                assert value_rect.width() >= metrics.horizontalAdvance(value)
                assert value_rect.left() >= 0 and value_rect.right() < chart.width(), \
                    (chart.chart.key, value, value_rect, chart.width())
                if isinstance(chart, BarChart) and bar is not None and bar.width():
                    assert value_rect.left() > bar.right()  # at the bar's end, outside it
                    assert abs(value_rect.center().y() - bar.center().y()) <= 1
    pies = [c for c in charts if isinstance(c, PieChart)]
    assert len({p.ring_rect().width() for p in pies}) == 1  # side by side, one size
    # the whole province name is on screen (on two lines), none of it elided
    provinces = beranda.chart_views["visits_by_province"].body
    drawn = {row.label.replace("\n", " ") for row in provinces.rows()}
    full = {s.label for s in provinces.chart.segments}
    assert drawn == full and "Daerah Istimewa Yogyakarta" in drawn


def test_the_biggest_bar_of_the_opd_chart_is_never_lainnya(
        qtbot, demo_window: MainWindow) -> None:
    beranda = _wait_beranda(qtbot, demo_window)
    chart = beranda.chart_views["apps_by_opd"].body
    rows = chart.rows()
    widest = max(rows, key=lambda r: r.bars[0].width() if r.bars[0] else -1)
    assert not widest.segments[0].is_rest
    assert [r.segments[0].count for r in rows[:-1]] == sorted(
        (r.segments[0].count for r in rows[:-1]), reverse=True)
    rest = rows[-1]  # last, muted: a line of text with its figure and no bar
    assert rest.segments[0].is_rest and rest.label.startswith("Lainnya (")
    assert rest.bars == (None,) and rest.values == (number(rest.segments[0].count),)
    assert rest.segments[0].members[0] in rest.tooltip
    first = rows[0].segments[0]  # a screen reader hears every figure, full names
    assert f"{first.detail}: {first.count}" in chart.accessibleDescription()
    assert rest.segments[0].label in chart.accessibleDescription()


def test_one_deployment_state_is_said_in_words_not_a_pie(qtbot, desk: Desk,
                                                         tmp_path: Path) -> None:
    opd = desk.opd.create({"kode": "1", "nama": "Diskominfo", "jenis": "dinas"})["id"]
    app = desk.apps.create({"nama": "SIMPEG", "opd_pemilik_id": opd, "jenis": "umum",
                            "status": "operasional"})["id"]
    for _ in range(3):
        desk.deployments.create({"aplikasi_id": app, "lingkungan": "produksi",
                                 "status": "berhasil", "tanggal": date.today()})
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    beranda = _wait_beranda(qtbot, win)
    card = beranda.chart_views["deployments_recent"]
    assert isinstance(card.body, Tile) and not card.findChildren(PieChart)
    assert card.body.caption.text() == "Semua 3 deployment: Berhasil"
    assert card.body.property("severity") == "ok"  # all succeeded: the good colour
    assert card.body.number.text() == "3"
    # every chart here has one category: no pie anywhere on the page
    assert not beranda.findChildren(PieChart)
    qtbot.mouseClick(card.body, Qt.MouseButton.LeftButton)
    assert _listed(qtbot, win, "deployments", card.chart.segments[0].filters) == 3


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bar_values_use_the_languages_thousands_separator(qtbot, lang: str) -> None:
    set_language(lang)
    try:
        chart = Chart("apps_by_opd", "Aplikasi menurut OPD", "apps", "hbar", (
            Segment("Diskominfo", 12345, {"opd_pemilik_id": "a"}),
            Segment("Bappeda", 1234, {"opd_pemilik_id": "b"})))
        widget = BarChart(chart, lambda _s, _i: QColor("#1c5fb0"), str)
        qtbot.addWidget(widget)
        widget.resize(300, widget.heightForWidth(300))
        values = [row.values[0] for row in widget.rows()]
    finally:
        set_language("id")
    assert values == (["12.345", "1.234"] if lang == "id" else ["12,345", "1,234"])


def test_a_name_too_long_for_two_lines_is_elided_and_whole_in_the_tooltip(qtbot) -> None:
    long_name = ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten "
                 "Banyuwangi Provinsi Jawa Timur")
    chart = Chart("apps_by_opd", "Aplikasi menurut OPD", "apps", "hbar", (
        Segment(long_name, 7, {"opd_pemilik_id": "a"}),
        Segment("Bappeda", 2, {"opd_pemilik_id": "b"})))
    widget = BarChart(chart, lambda _s, _i: QColor("#1c5fb0"), str)
    qtbot.addWidget(widget)
    widget.resize(300, widget.heightForWidth(300))
    widget.show()
    row = widget.rows()[0]
    lines = row.label.split("\n")
    assert len(lines) == 2 and lines[1].endswith("…")
    assert all(widget.fontMetrics().horizontalAdvance(x) <= row.label_rect.width()
               for x in lines)
    assert widget.rows()[1].label == "Bappeda"  # a short name stays whole, one line
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, row.label_rect.center(),
                                              widget.mapToGlobal(row.label_rect.center())))
    assert QToolTip.text() == f"{long_name}: 7"
    QToolTip.hideText()


def test_a_bigger_font_lays_the_charts_out_anew(qtbot) -> None:
    """Heights and legend widths are measured once per font (the layout asks them many
    times); a font change (scaling, the style) must measure them again."""
    chart = Chart("apps_by_opd", "Aplikasi menurut OPD", "apps", "hbar", (
        Segment("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 7,
                {"opd_pemilik_id": "a"}),
        Segment("Bappeda", 2, {"opd_pemilik_id": "b"})))
    bars = BarChart(chart, lambda _s, _i: QColor("#1c5fb0"), str)
    pie = PieChart(Chart("datasets_by_sifat", "Dataset menurut sifat", "datasets", "pie", (
        Segment("Terbuka", 70, {"sifat_data": "terbuka"}),
        Segment("Terbatas", 30, {"sifat_data": "terbatas"}))),
        lambda _s, _i: QColor("#1c5fb0"))
    for widget in (bars, pie):
        qtbot.addWidget(widget)
    small_bars, small_legend = bars.heightForWidth(300), pie._own_legend_need()
    assert bars.heightForWidth(300) == small_bars  # asked again: the same answer
    font = bars.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    bars.setFont(font)
    pie.setFont(font)
    assert bars.heightForWidth(300) > small_bars
    assert pie._own_legend_need() > small_legend
    bars.resize(300, bars.heightForWidth(300))
    assert bars.rows()[-1].rect.bottom() < bars.height()  # the rows of the new font


def test_tile_captions_wrap_rather_than_clip_at_1024x700(
        qtbot, demo_window: MainWindow) -> None:
    win = demo_window
    win.resize(1024, 700)
    beranda = _wait_beranda(qtbot, win)
    settle(qtbot, win)
    wrapped = 0
    for tile in beranda.tiles.values():
        caption = tile.caption
        needed = caption.heightForWidth(caption.width())
        assert needed <= caption.height(), (tile.key, needed, caption.height())
        words = caption.text().split()
        assert max(caption.fontMetrics().horizontalAdvance(w) for w in words) \
            <= caption.width()
        wrapped += needed > caption.fontMetrics().height() + 2
    assert wrapped >= 1  # at this width some caption does take two lines


def test_the_charts_repaint_in_the_dark_scheme_without_being_rebuilt(
        qtbot, qapp, demo_window: MainWindow) -> None:
    from desktop.ui.palette import DARK, LIGHT
    from desktop.ui.style import apply_style

    beranda = _wait_beranda(qtbot, demo_window)
    card = beranda.chart_views["apps_by_status"]
    bar = card.body.rows()[0].bars[0]
    point = card.body.mapTo(card, bar.center())

    def colours() -> tuple[str, str]:
        image = card.grab().toImage()
        return (image.pixelColor(4, card.height() - 4).name(),
                image.pixelColor(point).name())

    try:
        apply_style(qapp, "light")
        settle(qtbot, demo_window)
        assert colours() == (LIGHT.surface_alt, LIGHT.chart[0])
        apply_style(qapp, "dark")
        settle(qtbot, demo_window)
        assert colours() == (DARK.surface_alt, DARK.chart[0])
        assert beranda.chart_views["apps_by_status"] is card  # repainted, not rebuilt
    finally:
        apply_style(qapp, "system")


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
    empty = [w for w in beranda.findChildren(QLabel, "emptyChart") if not w.isHidden()]
    assert len(empty) == 8 and all("Belum ada data." in w.text() for w in empty)
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


def test_changes_gathered_while_the_beranda_was_left_are_counted_when_it_is_back(
        qtbot, demo_window: MainWindow, monkeypatch) -> None:
    """A save starts the figures' short wait; leaving the Beranda (or closing the
    window) before it ends asks nothing of the database then, and once back on the
    Beranda the figures are computed again, once."""
    import desktop.core.dashboard as dashboard

    beranda = _wait_beranda(qtbot, demo_window)
    computed: list[bool] = []
    real = dashboard.compute

    def counted(*args: object, **kwargs: object) -> object:
        computed.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard, "compute", counted)
    demo_window.hub.notify("apps", ["x"])
    demo_window.show_kind("apps")
    assert not beranda.isVisible()
    qtbot.wait(REFRESH_DEBOUNCE_MS * 3)
    settle(qtbot, demo_window)
    assert computed == []
    with qtbot.waitSignal(beranda.refreshed, timeout=5000):
        demo_window.show_page(BERANDA)
    assert computed == [True]

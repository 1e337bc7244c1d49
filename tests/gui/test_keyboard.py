"""Keyboard-only work on the record pages: Tab order, Ctrl+N, Enter/Ctrl+S, the grids,
the wheel over fields without focus, and field messages that go once a field is fixed.

Every step is a key press into the widget that has the focus (as QTest delivers them to
a real window); widgets are only read, to see what a user would see. Runs on SQLite and
PostgreSQL (``demo_window``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.services import ListQuery
from desktop.ui.main_window import MainWindow
from desktop.ui.page_specs import PAGES
from desktop.ui.record.page import RecordPage
from desktop.ui.widgets.collection import CollectionEditor
from desktop.ui.widgets.fields import ChoiceEditor

from .helpers import open_page, settle, wait_loaded

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MAX_TABS_TO_FORM = 8  # search, up to four filters, the chip, the list: then the form


# ---------------------------------------------------------------------------- keys
def focused(win: MainWindow) -> QWidget:
    """Where a key goes: an open popup (a completion list) first, as the system does."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    return widget if widget is not None else win


def press(qtbot, win: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press into whatever has the focus, like a user's keyboard."""
    qtbot.keyClick(focused(win), key, modifier)
    qtbot.wait(1)


def type_text(qtbot, win: MainWindow, text: str) -> None:
    qtbot.keyClicks(focused(win), text)


def activate(qtbot, win: MainWindow) -> None:
    """Window shortcuts (Ctrl+N, Ctrl+2 …) need an active window, as on a desktop.

    The start-up checks run first: the Pengingat panel they may open is put away, so
    it cannot take the focus in the middle of a test."""
    qtbot.waitUntil(lambda: win.start_sequence.started, timeout=5000)
    settle(qtbot, win)
    win.reminders.hide()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)


def inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    return widget is not None and (widget is ancestor or ancestor.isAncestorOf(widget))


def field_target(page: RecordPage, name: str) -> QWidget:
    """The widget that takes the keys of a field (its editor's focus proxy)."""
    editor = page.form.editors[name]
    return editor.focusProxy() or editor


# ---------------------------------------------------------------------------- Tab order
def test_tab_from_search_reaches_form_then_save_on_every_page(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    for spec in PAGES:
        page = open_page(qtbot, win, spec.kind)
        press(qtbot, win, Qt.Key.Key_F, CTRL)
        assert QApplication.focusWidget() is page.search, spec.kind
        first = page.form.first_editor()
        assert first is not None
        stops: list[QWidget] = []
        while not inside(QApplication.focusWidget(), first):
            assert len(stops) <= MAX_TABS_TO_FORM, (
                f"{spec.kind}: the form is not reached by Tab: "
                f"{[type(w).__name__ + ':' + w.objectName() for w in stops]}")
            stops.append(QApplication.focusWidget())
            press(qtbot, win, Qt.Key.Key_Tab)
        filters = list(page.filter_widgets.values())
        assert stops == [page.search, *filters, page.table], spec.kind
        assert page.current_id is None, f"{spec.kind}: tabbing through the list opened a row"
        assert not page.form.is_dirty(), spec.kind
        for _ in range(300):  # on through the form to Simpan, never to the navigation
            widget = QApplication.focusWidget()
            assert not inside(widget, win.navigation), f"{spec.kind}: Tab left the page"
            assert inside(widget, page), f"{spec.kind}: Tab left the page for {widget}"
            if widget is page.save_button:
                break
            press(qtbot, win, Qt.Key.Key_Tab)
        else:
            raise AssertionError(f"{spec.kind}: Simpan is never reached by Tab")
        assert page.current_id is None


def test_list_is_one_tab_stop_and_arrows_open_rows(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    page = open_page(qtbot, win, "opd")
    press(qtbot, win, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search
    press(qtbot, win, Qt.Key.Key_Tab)  # the Jenis filter
    assert QApplication.focusWidget() is page.filter_widgets["jenis"]
    press(qtbot, win, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.table
    assert page.current_id is None and page.detail_title.text().endswith("baru")
    press(qtbot, win, Qt.Key.Key_Down)  # the first row
    first = page.model.id_at(0)
    wait_loaded(qtbot, page, first)
    press(qtbot, win, Qt.Key.Key_Down)
    wait_loaded(qtbot, page, page.model.id_at(1))
    press(qtbot, win, Qt.Key.Key_Tab)  # out of the list, into the form
    assert inside(QApplication.focusWidget(), page.form)


# ---------------------------------------------------------------------------- Ctrl+N, Enter
def test_ctrl_n_puts_the_cursor_in_the_first_field(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    for kind in ("apps", "visits", "opd"):
        page = open_page(qtbot, win, kind)
        page.table.setFocus()
        press(qtbot, win, Qt.Key.Key_Down)
        wait_loaded(qtbot, page, page.model.id_at(0))
        press(qtbot, win, Qt.Key.Key_N, CTRL)
        settle(qtbot, win)
        assert page.current_id is None
        first = page.form.first_editor()
        assert first is not None
        assert inside(QApplication.focusWidget(), first), (
            f"{kind}: focus is on {QApplication.focusWidget()}")


def test_enter_in_a_field_saves_and_ctrl_s_too(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    page = open_page(qtbot, win, "opd")
    press(qtbot, win, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is field_target(page, "kode")
    type_text(qtbot, win, "9.99.01")
    press(qtbot, win, Qt.Key.Key_Tab)
    type_text(qtbot, win, "Badan Uji Papan Ketik")
    press(qtbot, win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_id is not None, timeout=5000)
    settle(qtbot, win)
    saved = win.desk.service("opd").get(page.current_id)
    assert (saved["kode"], saved["nama"]) == ("9.99.01", "Badan Uji Papan Ketik")
    # Ctrl+S from the same field saves the next change
    press(qtbot, win, Qt.Key.Key_End)  # after a save the cursor stays: End is harmless
    type_text(qtbot, win, " Daerah")
    press(qtbot, win, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not page.form.is_dirty() and not page.saving, timeout=5000)
    settle(qtbot, win)
    assert win.desk.service("opd").get(saved["id"])["nama"] == "Badan Uji Papan Ketik Daerah"


# ---------------------------------------------------------------------------- the task
def test_keyboard_only_create_fix_save_find_an_application(qtbot, demo_window) -> None:
    """Create an application, fix a required-field error, save, find it: keys only."""
    win = demo_window
    activate(qtbot, win)
    press(qtbot, win, Qt.Key.Key_2, CTRL)  # Aplikasi
    settle(qtbot, win)
    page = win.page
    assert page is not None and page.kind.name == "apps"
    press(qtbot, win, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is field_target(page, "nama")
    press(qtbot, win, Qt.Key.Key_Tab)  # skip the name: the core must refuse
    type_text(qtbot, win, "SIPAKET")
    press(qtbot, win, Qt.Key.Key_Return)
    settle(qtbot, win)
    qtbot.waitUntil(lambda: bool(page.form.error_text("nama")), timeout=5000)
    assert page.form.error_text("nama") == "Wajib diisi."
    assert page.current_id is None
    # the focus went to the field with the message; typing there fixes it at once
    assert QApplication.focusWidget() is field_target(page, "nama")
    type_text(qtbot, win, "Sistem Informasi Paket Pengadaan")
    assert page.form.error_text("nama") == ""
    assert page.form.error_text("opd_pemilik_id") == "Wajib diisi."  # the second one
    for _ in range(3):  # singkatan, deskripsi, OPD pemilik
        press(qtbot, win, Qt.Key.Key_Tab)
    assert inside(QApplication.focusWidget(), page.form.editors["opd_pemilik_id"])
    owner = win.desk.service("opd").list(ListQuery(text="Komunikasi")).rows[0]
    type_text(qtbot, win, owner["nama"][:20])  # part of the name: the completion list
    press(qtbot, win, Qt.Key.Key_Down)
    press(qtbot, win, Qt.Key.Key_Return)
    assert page.form.editors["opd_pemilik_id"].value() == owner["id"]
    assert page.form.error_text("opd_pemilik_id") == ""
    press(qtbot, win, Qt.Key.Key_Tab, SHIFT)  # back to a single-line field
    press(qtbot, win, Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is field_target(page, "singkatan")
    press(qtbot, win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_id is not None, timeout=5000)
    settle(qtbot, win)
    new_id = page.current_id
    stored = win.desk.service("apps").list(ListQuery(text="Paket Pengadaan")).rows
    assert [(r["id"], r["nama"]) for r in stored] == [
        (new_id, "Sistem Informasi Paket Pengadaan")]
    # find it: Ctrl+N for a clean form, Ctrl+F, type, Tab to the list, arrow onto it
    press(qtbot, win, Qt.Key.Key_N, CTRL)
    assert page.current_id is None
    press(qtbot, win, Qt.Key.Key_F, CTRL)
    type_text(qtbot, win, "Paket Pengadaan")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    for _ in range(len(page.filter_widgets) + 1):
        press(qtbot, win, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.table
    press(qtbot, win, Qt.Key.Key_Down)
    wait_loaded(qtbot, page, new_id)
    assert page.form.editors["nama"].value() == "Sistem Informasi Paket Pengadaan"
    assert page.form.editors["singkatan"].value() == "SIPAKET"
    assert page.form.editors["opd_pemilik_id"].value() == owner["id"]
    assert page.detail_title.text() == "Sistem Informasi Paket Pengadaan"


def test_a_field_message_goes_as_soon_as_the_field_is_fixed(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    page = open_page(qtbot, win, "opd")
    press(qtbot, win, Qt.Key.Key_N, CTRL)
    type_text(qtbot, win, "9.99.02")
    press(qtbot, win, Qt.Key.Key_Tab)
    type_text(qtbot, win, "Dinas Uji")
    press(qtbot, win, Qt.Key.Key_Tab)
    type_text(qtbot, win, "x" * 41)  # singkatan allows 40
    press(qtbot, win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.form.error_text("singkatan")), timeout=5000)
    assert page.current_id is None
    assert QApplication.focusWidget() is field_target(page, "singkatan")
    press(qtbot, win, Qt.Key.Key_Backspace)
    assert page.form.error_text("singkatan") == ""
    press(qtbot, win, Qt.Key.Key_A, CTRL)
    press(qtbot, win, Qt.Key.Key_Delete)
    assert page.form.error_text("singkatan") == ""  # optional: empty is fine
    press(qtbot, win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_id is not None, timeout=5000)
    settle(qtbot, win)
    assert win.desk.service("opd").get(page.current_id)["nama"] == "Dinas Uji"


# ---------------------------------------------------------------------------- grids
def test_tab_moves_through_a_grid_and_leaves_it_only_at_its_ends(qtbot, demo_window) -> None:
    win = demo_window
    activate(qtbot, win)
    page = open_page(qtbot, win, "visits")
    press(qtbot, win, Qt.Key.Key_N, CTRL)
    grid = page.form.collections["peserta"]
    assert isinstance(grid, CollectionEditor)
    grid.add_button.setFocus()
    press(qtbot, win, Qt.Key.Key_Space)  # "+ Tambah baris": the first cell is edited
    press(qtbot, win, Qt.Key.Key_Space)  # not a text cell's first key: stays typed
    settle(qtbot, win)
    assert inside(QApplication.focusWidget(), grid.table)
    type_text(qtbot, win, "Rina")
    press(qtbot, win, Qt.Key.Key_Tab)
    type_text(qtbot, win, "Kepala Bidang")
    press(qtbot, win, Qt.Key.Key_Tab)
    type_text(qtbot, win, "Diskominfo")
    assert inside(QApplication.focusWidget(), grid.table)
    assert grid.table.currentColumn() == 2
    press(qtbot, win, Qt.Key.Key_Tab)  # past the last cell: out, to the grid's buttons
    assert QApplication.focusWidget() is grid.add_button
    assert [(r["nama"].strip(), r["jabatan"], r["instansi"]) for r in grid.rows()] == [
        ("Rina", "Kepala Bidang", "Diskominfo")]
    press(qtbot, win, Qt.Key.Key_Tab, SHIFT)  # back into the grid, never the navigation
    assert not inside(QApplication.focusWidget(), win.navigation)
    for _ in range(6):  # Shift+Tab walks back through the cells and out at the start
        widget = QApplication.focusWidget()
        assert not inside(widget, win.navigation)
        if not inside(widget, grid.table):
            break
        press(qtbot, win, Qt.Key.Key_Tab, SHIFT)
    widget = QApplication.focusWidget()
    assert inside(widget, page.form) and not inside(widget, grid), widget


# ---------------------------------------------------------------------------- wheel
def wheel(widget: QWidget, steps: int) -> None:
    """A wheel turn over ``widget`` (negative: towards the user, i.e. scroll down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_and_never_changes_an_unfocused_field(
        qtbot, demo_window) -> None:
    win = demo_window
    win.resize(1366, 700)
    activate(qtbot, win)
    page = open_page(qtbot, win, "agreements")
    page.table.setFocus()
    press(qtbot, win, Qt.Key.Key_Down)
    wait_loaded(qtbot, page, page.model.id_at(0))
    status = page.form.editors["status"]
    assert isinstance(status, ChoiceEditor)
    before = status.value()
    bar = page.form_scroll.verticalScrollBar()
    top = bar.value()
    assert not inside(QApplication.focusWidget(), status)
    wheel(status.combo, -3)
    qtbot.wait(5)
    assert status.value() == before, "a passing wheel changed the agreement's status"
    assert not page.form.is_dirty()
    if bar.maximum() > 0:
        assert bar.value() > top, "the wheel over the field did not scroll the form"
    # the same turn with the cursor in the field is the user's own choice
    status.combo.setFocus()
    wheel(status.combo, -1)
    assert status.value() != before

"""The articles tree reads as the agreement will print: a ``{placeholder}`` shows the value
of its field (as typed on screen, not yet saved), an empty one the blank "....", and
under the text being edited a line says how it prints and what is still blank. The
stored text keeps its placeholders, so a later change of the field still prints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from desktop.core.desk import Desk
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.record.page import RecordPage
from desktop.ui.widgets.articles import ArticlesEditor
from desktop.ui.widgets.collection import reveal

from .helpers import build_window, open_page, select_row, settle, wait_loaded

LEFT = Qt.MouseButton.LeftButton


def _open(qtbot, window: MainWindow, desk: Desk, jenis: str, partner: str
          ) -> tuple[RecordPage, ArticlesEditor]:
    window.reminders.hide()  # the floating reminders closed, as a person does
    page = open_page(qtbot, window, "agreements")
    record_id = next(r["id"] for r in desk.agreements.list().rows
                     if r["jenis"] == jenis and partner in r["mitra"])
    select_row(qtbot, page, page.model.row_of(record_id))
    wait_loaded(qtbot, page, record_id)
    return page, page.form.collections["pasal"]


def _item_with(editor: ArticlesEditor, placeholder: str) -> QTreeWidgetItem:
    """The tree item whose stored text holds ``placeholder``."""
    items = [editor.tree.topLevelItem(i) for i in range(editor.tree.topLevelItemCount())]
    while items:
        item = items.pop(0)
        if placeholder in editor._text_of(item):
            return item
        items += [item.child(i) for i in range(item.childCount())]
    raise AssertionError(f"no article text holds {placeholder}")


def _click(qtbot, editor: ArticlesEditor, item: QTreeWidgetItem) -> None:
    reveal(editor)
    editor.tree.scrollToItem(item)
    qtbot.mouseClick(editor.tree.viewport(), LEFT, pos=editor.tree.visualItemRect(item).center())
    assert editor.tree.currentItem() is item


def _retype(qtbot, page: RecordPage, field: str, text: str) -> None:
    """Click into a field, select what is there and type over it, as a person does."""
    editor = page.form.editors[field]
    reveal(editor)
    editor.setFocus()
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    target = QApplication.focusWidget()
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(target, text)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Delete)


def test_placeholders_read_as_printed_and_follow_the_fields_as_typed(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, editor = _open(qtbot, demo_window, demo_desk, "kb", "Pontianak")
    stored = demo_desk.agreements.get(page.current_id)
    years = _item_with(editor, "{jangka_waktu}")
    costs = _item_with(editor, "{sumber_biaya}")
    # the tree says what the document says, never the placeholder's name
    assert "{" not in years.text(0) and f"{stored['jangka_waktu_tahun']} (" in years.text(0)
    assert "{" not in costs.text(0)

    _click(qtbot, editor, years)
    assert "{jangka_waktu}" in editor.text.toPlainText()  # the text itself, to edit
    assert editor.printed.isVisible()
    assert editor.printed.text().startswith("Tercetak: ")
    assert "{" not in editor.printed.text()

    _retype(qtbot, page, "jangka_waktu_tahun", "3")
    qtbot.waitUntil(lambda: "3 (tiga) tahun" in years.text(0), timeout=3000)
    assert "3 (tiga) tahun" in editor.printed.text()

    _retype(qtbot, page, "sumber_biaya", "")  # cleared: it prints as a blank to fill in
    qtbot.waitUntil(lambda: "...." in costs.text(0), timeout=3000)
    _click(qtbot, editor, costs)
    assert "Belum terisi" in editor.printed.text() and "sumber biaya" in editor.printed.text()

    # a placeholder typed into the text reads as its value at once
    _retype(qtbot, page, "tempat_ttd", "Pontianak")
    qtbot.mouseClick(editor.tree.viewport(), LEFT,
                     pos=editor.tree.visualItemRect(costs).center())
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)  # on to the text, as a person does
    assert QApplication.focusWidget() is editor.text
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, " Ditandatangani di {tempat_ttd}.")
    # the field's new value once the form has paused (PRINTED_READING_MS)
    qtbot.waitUntil(lambda: "Ditandatangani di Pontianak." in editor.printed.text(),
                    timeout=3000)
    assert costs.text(0).startswith("(") and "{" not in costs.text(0)

    # what is kept is the placeholder, so the printed words follow the field later
    pasal = page.form.values()["pasal"]
    texts = [a["teks"] for p in pasal for a in p["ayat"]]
    assert any("{jangka_waktu}" in t for t in texts)
    assert any(t.endswith("Ditandatangani di {tempat_ttd}.") for t in texts)


def test_a_pks_reads_its_kbs_number_and_a_text_without_placeholders_has_no_line(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, editor = _open(qtbot, demo_window, demo_desk, "pks", "")
    pks = demo_desk.agreements.get(page.current_id)
    kb = demo_desk.agreements.get(pks["induk_id"])
    # both parties' numbers of the KB, as the document names it
    number = " dan ".join(p["nomor_naskah"] for p in kb["pihak"] if p.get("nomor_naskah"))
    assert number
    item = editor.tree.topLevelItem(0).child(0)  # Pasal 1 ayat (1)
    _click(qtbot, editor, item)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.text, " Lihat KB {nomor_kb}.")
    # the number is the parent KB's, read from the database once, not typed here
    qtbot.waitUntil(lambda: f"Lihat KB {number}." in editor.printed.text(), timeout=3000)

    plain = editor.tree.topLevelItem(0)  # "Pasal 1  MAKSUD DAN TUJUAN": nothing to fill
    _click(qtbot, editor, plain)
    assert not editor.printed.isVisible()


def test_in_english_the_printed_line_is_english(qtbot, demo_desk: Desk, tmp_path: Path) -> None:
    assert install_language("en")
    try:
        window = build_window(qtbot, demo_desk, tmp_path / "view.ini")
        page, editor = _open(qtbot, window, demo_desk, "kb", "Pontianak")
        _retype(qtbot, page, "sumber_biaya", "")
        costs = _item_with(editor, "{sumber_biaya}")
        qtbot.waitUntil(lambda: "...." in costs.text(0), timeout=3000)
        _click(qtbot, editor, costs)
        assert editor.printed.text().startswith("Printed: ")
        assert 'Not filled in yet (printed as "...."): the funding source' in \
            editor.printed.text()
        page.revert()
        settle(qtbot, window)
    finally:
        install_language("id")


def test_a_long_text_keeps_the_printed_line_short_and_whole_in_its_tooltip(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, editor = _open(qtbot, demo_window, demo_desk, "kb", "Pontianak")
    costs = _item_with(editor, "{sumber_biaya}")
    _click(qtbot, editor, costs)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    long_tail = " Rincian biaya <b>disepakati</b> & dicatat." * 40  # ~1,700 characters
    editor.text.insertPlainText(long_tail)  # pasted, as a long clause would be
    qtbot.keyClicks(editor.text, " Selesai.")
    text = editor.printed.text()
    assert len(text) < 500 and "…" in text
    lines = editor.printed.height() // editor.printed.fontMetrics().lineSpacing()
    assert lines <= 6, lines
    assert editor.printed.toolTip().endswith("Selesai.")  # the whole reading
    assert "<b>disepakati</b>" in editor.printed.toolTip()  # markup stays text
    assert editor.text.height() >= 60  # the text area is not squeezed
    assert page.form.values()["pasal"][4]["ayat"][0]["teks"].endswith(" Selesai.")

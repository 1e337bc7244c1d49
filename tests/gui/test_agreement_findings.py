"""Periksa naskah in the window: each finding names its place, a click on it selects that
article, and the findings go away when another record is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.desk import Desk
from desktop.ui.main_window import MainWindow

from .helpers import open_page, select_row, settle, wait_loaded

LEFT = Qt.MouseButton.LeftButton


def _demo_kb(demo_desk: Desk, partner: str) -> str:
    return next(r["id"] for r in demo_desk.agreements.list().rows
                if r["jenis"] == "kb" and partner in (r["mitra"] or ""))


def test_a_finding_names_its_place_and_selects_the_article(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    kb_id = _demo_kb(demo_desk, "Karanganyar")
    stored = demo_desk.agreements.get(kb_id)
    demo_desk.agreements.update(kb_id, {"sumber_biaya": None},
                                expected_version=stored["version"])
    page = open_page(qtbot, demo_window, "agreements")
    select_row(qtbot, page, page.model.row_of(kb_id))
    wait_loaded(qtbot, page, kb_id)
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(page.findings.isVisible, timeout=5000)
    settle(qtbot, demo_window)
    assert "Pasal 5: sumber biaya belum diisi." in page.findings.text()
    index = next(i for i, f in enumerate(page.findings.items)
                 if f.message == "Pasal 5: sumber biaya belum diisi.")
    assert f'href="finding:{index}"' in page.findings.text()

    # the link, activated from the keyboard as a person would (Tab to it, Enter)
    tree = page.form.collections["pasal"].tree
    tree.setCurrentItem(tree.topLevelItem(0))
    page.findings.setFocus()
    for _ in range(index + 1):
        qtbot.keyClick(page.findings, Qt.Key.Key_Tab)
    with qtbot.waitSignal(page.findings.linkActivated, timeout=2000) as signal:
        qtbot.keyClick(page.findings, Qt.Key.Key_Return)
    assert signal.args == [f"finding:{index}"]
    current = tree.currentItem()
    assert current is not None and current.parent() is not None  # an ayat, not the pasal
    assert tree.indexOfTopLevelItem(current.parent()) == 4
    assert current.parent().child(0) is current
    assert page.form.collections["pasal"].text.toPlainText().startswith(
        "Biaya pelaksanaan Kesepakatan Bersama ini dibebankan pada {sumber_biaya}")

    # another record: the findings were about the first one, so they go
    other = _demo_kb(demo_desk, "Denpasar")
    select_row(qtbot, page, page.model.row_of(other))
    wait_loaded(qtbot, page, other)
    assert not page.findings.isVisible() and page.findings.items == []


def test_a_field_finding_focuses_the_field(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    kb_id = _demo_kb(demo_desk, "Denpasar")
    stored = demo_desk.agreements.get(kb_id)
    demo_desk.agreements.update(kb_id, {"tanggal_ttd": None},
                                expected_version=stored["version"])
    page = open_page(qtbot, demo_window, "agreements")
    select_row(qtbot, page, page.model.row_of(kb_id))
    wait_loaded(qtbot, page, kb_id)
    qtbot.mouseClick(page.check_button, LEFT)
    qtbot.waitUntil(page.findings.isVisible, timeout=5000)
    finding = next(f for f in page.findings.items if f.code == "tanggal_ttd_kosong")
    page.findings.select_finding(finding)
    editor = page.form.editors["tanggal_ttd"]
    qtbot.waitUntil(lambda: editor.hasFocus() or editor.isAncestorOf(
        demo_window.focusWidget()), timeout=2000)
    page.new_record(ask=False)
    assert not page.findings.isVisible()


def test_the_preview_prints_the_record_as_it_is_now(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    """A field changed after drafting shows in the previewed PDF; the PKS names its KB."""
    import io

    from pypdf import PdfReader

    from desktop.ui.pdf_preview import PdfPreviewDialog

    pks_id = next(r["id"] for r in demo_desk.agreements.list().rows if r["jenis"] == "pks")
    stored = demo_desk.agreements.get(pks_id)
    demo_desk.agreements.update(pks_id, {"sumber_biaya": "APBD Kabupaten Karanganyar",
                                         "tahun_anggaran_mulai": 2019},
                                expected_version=stored["version"])
    page = open_page(qtbot, demo_window, "agreements")
    select_row(qtbot, page, page.model.row_of(pks_id))
    wait_loaded(qtbot, page, pks_id)
    qtbot.mouseClick(page.preview_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(PdfPreviewDialog) is not None, timeout=15_000)
    dialog = page.findChild(PdfPreviewDialog)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    text = " ".join(text.split())
    assert "dibebankan pada APBD Kabupaten Karanganyar mulai Tahun Anggaran 2019" in text
    assert "Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017" in text
    assert "...." not in text
    assert dialog.suggested_name.endswith(".pdf") and not dialog.suggested_name.endswith(" .pdf")
    assert len(dialog.suggested_name) <= 64
    dialog.close()

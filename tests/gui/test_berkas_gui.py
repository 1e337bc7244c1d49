"""The Berkas box of a record's detail pane, the "Berkas" column of the lists and the
signed-scan question of an agreement, driven with clicks and keys on real windows.

Only the file dialogs (``QFileDialog.getOpenFileNames`` / ``getSaveFileName``) and the
system viewer are stood in for; every file goes through the core into the database of
the engine under test, and each check reads the database back independently.
"""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from desktop.core import attachments
from desktop.core.desk import Desk
from desktop.core.models import Pengguna
from desktop.core.settings import BERKAS_BATAS_MB, Settings
from desktop.ui.main_window import MainWindow
from desktop.ui.record.berkas_box import BerkasBox
from desktop.ui.record.berkas_parts import size_text
from desktop.ui.record.page import RecordPage

from .helpers import answer_next_box, message_boxes, open_page, select_row, settle, wait_loaded
from .test_roles_gui import made, role_desk  # noqa: F401  (PostgreSQL logins in roles)

LEFT = Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------------- files
def make_pdf(path: Path) -> Path:
    """A small, real one-page PDF (what a scanner's software writes, in miniature)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "PKS Jaringan Intra Pemerintah - ditandatangani")
    pdf.save()
    return path


def make_png(path: Path, size: int = 64) -> Path:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    assert image.save(str(path), "PNG")
    return path


def offer_files(monkeypatch: pytest.MonkeyPatch, paths: list[Path],
                seen: list[str] | None = None) -> None:
    """The open dialog answers ``paths`` (and notes the folder it started in)."""
    def answer(_parent: Any, _caption: str, folder: str, _filters: str) -> tuple[list[str], str]:
        if seen is not None:
            seen.append(folder)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answer)


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))


# ---------------------------------------------------------------------------- window
def agreement_page(qtbot, window: MainWindow, desk: Desk, judul: str = "PKS Jaringan Intra"
                   ) -> tuple[RecordPage, str]:
    """The Kerja Sama page with one saved agreement open in the form."""
    return open_agreement(qtbot, window, desk.agreements.create({"judul": judul})["id"])


def open_agreement(qtbot, window: MainWindow, record_id: str) -> tuple[RecordPage, str]:
    page = open_page(qtbot, window, "agreements")
    select_row(qtbot, page, page.model.row_of(record_id))
    wait_loaded(qtbot, page, record_id)
    return page, record_id


def click(qtbot, box: BerkasBox, button: QPushButton) -> None:
    box.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(button)  # scroll
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, LEFT)


def listed(box: BerkasBox) -> list[list[str]]:
    return [[box.list.topLevelItem(r).text(c) for c in range(5)]
            for r in range(box.list.topLevelItemCount())]


def wait_files(qtbot, window: MainWindow, box: BerkasBox, n: int) -> None:
    qtbot.waitUntil(lambda: box.list.topLevelItemCount() == n and not box.busy, timeout=8000)
    settle(qtbot, window)


def files_cell(page: RecordPage, record_id: str) -> str:
    model = page.model
    return model.data(model.index(model.row_of(record_id), model.files_column))


# ---------------------------------------------------------------------------- tests
def test_two_files_attached_by_the_dialog_are_listed_with_sizes_and_counted(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, record_id = agreement_page(qtbot, window, desk)
    box = page.berkas
    assert box.isVisible() and not box.note.isVisible() and box.empty.isVisible()
    folder = tmp_path / "pindaian"
    folder.mkdir()
    pdf, png = make_pdf(folder / "pks-ttd.pdf"), make_png(folder / "foto-rapat.png")
    starts: list[str] = []
    offer_files(monkeypatch, [pdf, png], starts)
    click(qtbot, box, box.add_button)
    wait_files(qtbot, window, box, 2)

    rows = sorted(listed(box))
    assert [r[:3] for r in rows] == [
        ["foto-rapat.png", "PNG", size_text(png.stat().st_size)],
        ["pks-ttd.pdf", "PDF", size_text(pdf.stat().st_size)]]
    assert all(r[3] == desk.actor() and r[4] for r in rows)  # who and when
    assert box.title() == "Berkas (2)"
    stored = {f.nama: f for f in attachments.list_for(desk, "agreements", record_id)}
    assert attachments.read_bytes(desk, stored["pks-ttd.pdf"].id) == pdf.read_bytes()
    assert attachments.read_bytes(desk, stored["foto-rapat.png"].id) == png.read_bytes()
    # the list page's Berkas column: right-aligned, 2 for this agreement
    qtbot.waitUntil(lambda: files_cell(page, record_id) == "2", timeout=5000)
    model = page.model
    index = model.index(model.row_of(record_id), model.files_column)
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(model.files_column, Qt.Orientation.Horizontal) == "Berkas"
    # the next dialog starts in the folder just used for attachments
    offer_files(monkeypatch, [], starts)
    click(qtbot, box, box.add_button)
    assert Path(starts[-1]) == folder


def test_open_save_as_zip_and_delete_with_keys_and_buttons(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, record_id = agreement_page(qtbot, window, desk)
    pdf = make_pdf(tmp_path / "naskah.pdf")
    png = make_png(tmp_path / "foto.png")
    attachments.add(desk, "agreements", record_id, pdf)
    attachments.add(desk, "agreements", record_id, png)
    with desk.db.session() as s:  # the person's name, as the Pengguna page keeps it
        s.add(Pengguna(login=desk.actor(), nama="Budi Santoso", aktif=True))
    box = page.berkas
    box.reload()
    wait_files(qtbot, window, box, 2)
    assert [row[3] for row in listed(box)] == ["Budi Santoso"] * 2  # who: a name
    assert box.list.topLevelItem(0).toolTip(3) == desk.actor()  # the login behind it
    row = next(r for r in range(2) if box.list.topLevelItem(r).text(0) == "naskah.pdf")
    box.list.setCurrentItem(box.list.topLevelItem(row))

    # Enter opens a temporary copy with the system viewer (here: noted, not launched)
    opened: list[Path] = []
    box.opener = opened.append
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened[0].read_bytes() == pdf.read_bytes() and opened[0].name == "naskah.pdf"
    assert opened[0].parent != tmp_path

    # Simpan sebagai… writes the same bytes where the user chose
    target = tmp_path / "salinan" / "naskah-salinan.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)
    click(qtbot, box, box.save_as_button)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_bytes() == pdf.read_bytes()

    # Simpan semua: one ZIP with both files
    archive = tmp_path / "semua.zip"
    save_to(monkeypatch, archive)
    click(qtbot, box, box.zip_button)
    qtbot.waitUntil(archive.exists, timeout=5000)
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == ["foto.png", "naskah.pdf"]
        assert z.read("naskah.pdf") == pdf.read_bytes()

    # Delete asks first; Batal (the default) keeps the file
    box.list.setFocus()
    seen: list[str] = []
    answer_next_box("Batal", seen)
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert seen and seen[0].startswith("deleteBerkasBox|") and "naskah.pdf" in seen[0]
    assert len(attachments.list_for(desk, "agreements", record_id)) == 2
    # … Hapus removes it, with an audit row on the agreement
    answer_next_box("Hapus")
    click(qtbot, box, box.delete_button)
    wait_files(qtbot, window, box, 1)
    assert listed(box)[0][0] == "foto.png"
    assert [f.nama for f in attachments.list_for(desk, "agreements", record_id)] == ["foto.png"]
    actions = [entry["aksi"] for entry in desk.agreements.history(record_id)]
    assert "berkas-" in actions
    qtbot.waitUntil(lambda: files_cell(page, record_id) == "1", timeout=5000)


def test_too_big_and_fake_pdf_are_refused_with_a_message_and_the_list_is_unchanged(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    settings.set(BERKAS_BATAS_MB, 1)
    settings.save()
    page, record_id = agreement_page(qtbot, window, desk)
    kept = make_png(tmp_path / "sudah-ada.png")
    attachments.add(desk, "agreements", record_id, kept)
    box = page.berkas
    box.reload()
    wait_files(qtbot, window, box, 1)
    before = listed(box)

    big = tmp_path / "pindaian-besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    fake = tmp_path / "surat.pdf"  # a browser's error page saved as .pdf
    fake.write_text("<!DOCTYPE html><html><body>404</body></html>", encoding="utf-8")
    for path, words in ((big, "terlalu besar"), (fake, "bukan jenis berkas")):
        offer_files(monkeypatch, [path])
        click(qtbot, box, box.add_button)
        qtbot.waitUntil(lambda: bool(message_boxes(window, "berkasRefusedBox")), timeout=5000)
        refused = message_boxes(window, "berkasRefusedBox")[0]
        assert path.name in refused.text() and words in refused.text(), refused.text()
        refused.close()
        settle(qtbot, window)
        assert listed(box) == before
        assert [f.nama for f in attachments.list_for(desk, "agreements", record_id)] == [
            "sudah-ada.png"]
    assert files_cell(page, record_id) == "1"
    # the agreement deleted on another workstation meanwhile: said, nothing stored
    desk.agreements.delete(record_id, expected_version=desk.agreements.get(record_id)["version"])
    offer_files(monkeypatch, [kept])
    click(qtbot, box, box.add_button)
    qtbot.waitUntil(lambda: bool(message_boxes(window, "berkasRefusedBox")), timeout=5000)
    refused = message_boxes(window, "berkasRefusedBox")[0]
    assert "sudah dihapus" in refused.text(), refused.text()
    refused.close()
    settle(qtbot, window)
    assert [f.nama for f in attachments.list_for(desk, "agreements", record_id)] == [
        "sudah-ada.png"]


def test_adding_shows_progress_and_its_cancel_leaves_nothing(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, record_id = agreement_page(qtbot, window, desk)
    box = page.berkas
    pdf = make_pdf(tmp_path / "pindaian.pdf")
    gate = threading.Event()
    window.tasks.run_db(lambda: gate.wait(10))  # the database worker busy for a while
    offer_files(monkeypatch, [pdf])
    click(qtbot, box, box.add_button)
    assert box.busy and not box.add_button.isEnabled()  # one add at a time

    def progress() -> QProgressDialog | None:
        return next((d for d in box.findChildren(QProgressDialog) if d.isVisible()), None)

    qtbot.waitUntil(lambda: progress() is not None, timeout=5000)  # after half a second
    dialog = progress()
    assert dialog is not None and dialog.labelText() == "Melampirkan berkas…"
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Batal")
    qtbot.mouseClick(cancel, LEFT)
    gate.set()
    qtbot.waitUntil(lambda: not box.busy, timeout=5000)
    settle(qtbot, window)
    assert attachments.list_for(desk, "agreements", record_id) == []
    assert box.list.topLevelItemCount() == 0 and box.add_button.isEnabled()
    assert not message_boxes(window, "berkasRefusedBox")


def test_a_file_added_elsewhere_shows_when_the_hub_says_the_record_changed(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path) -> None:
    """Another workstation's file arrives as a change of its record (the live updates'
    NOTIFY on berkas): the open record's box reads its files again."""
    page, record_id = agreement_page(qtbot, window, desk)
    attachments.add(desk, "agreements", record_id, make_png(tmp_path / "dari-lain.png"))
    assert page.berkas.list.topLevelItemCount() == 0
    page.hub.notify("agreements", [record_id])
    wait_files(qtbot, window, page.berkas, 1)
    assert listed(page.berkas)[0][0] == "dari-lain.png"


def test_files_dropped_on_the_box_are_attached(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path) -> None:
    page, record_id = agreement_page(qtbot, window, desk)
    box = page.berkas
    png = make_png(tmp_path / "foto-kunjungan.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    at = QPointF(box.rect().center())
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, LEFT,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(box, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    box.dropEvent(drop)  # QApplication delivers a Drop only during a real drag
    assert drop.isAccepted()
    wait_files(qtbot, window, box, 1)
    assert [f.nama for f in attachments.list_for(desk, "agreements", record_id)] == [
        "foto-kunjungan.png"]
    # a web link is not a file: not accepted
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/scan.pdf")])
    refused = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, web, LEFT,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(box, refused)
    assert not refused.isAccepted()


def test_a_new_record_says_save_first_and_tab_reaches_every_button(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path) -> None:
    page, record_id = agreement_page(qtbot, window, desk)
    attachments.add(desk, "agreements", record_id, make_png(tmp_path / "a.png"))
    box = page.berkas
    box.reload()
    wait_files(qtbot, window, box, 1)
    box.list.setFocus()
    reached = set()
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert set(box.buttons()) <= reached

    page.new_record(ask=False)
    settle(qtbot, window)
    assert box.note.isVisible() and box.note.text() == "Simpan dulu untuk melampirkan berkas."
    assert not box.list.isVisible() and not box.add_button.isVisible()


def test_a_role_that_may_not_change_the_kind_gets_disabled_buttons(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.roles import ACCESS

    page, record_id = agreement_page(qtbot, window, desk)
    attachments.add(desk, "agreements", record_id, make_png(tmp_path / "a.png"))
    monkeypatch.setattr(desk, "_access", ACCESS["infrastruktur"])  # as read from PostgreSQL
    box = page.berkas
    box.reload()
    wait_files(qtbot, window, box, 1)
    assert not box.add_button.isEnabled() and not box.delete_button.isEnabled()
    assert "infrastruktur" in box.add_button.toolTip().lower() or box.add_button.toolTip()
    assert box.open_button.isEnabled() and box.save_as_button.isEnabled()
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)  # asks nothing, deletes nothing
    settle(qtbot, window)
    assert len(attachments.list_for(desk, "agreements", record_id)) == 1


def test_the_list_reads_file_counts_once_per_block_of_rows(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path) -> None:
    # the records below are written through the Desk, not the window: on PostgreSQL the
    # window hears them as another workstation's saves and reloads the list once more
    # whenever the NOTIFYs arrive (under load, after the page opened: 2 queries, not 1);
    # what is counted here is one block's read, so the window stops listening first
    window.live.stop()
    opd = desk.opd.create({"kode": "2.16.01", "nama": "Dinas Komunikasi dan Informatika"})
    apps = [desk.apps.create({"nama": f"Aplikasi {n}", "opd_pemilik_id": opd["id"]})["id"]
            for n in range(3)]
    png = make_png(tmp_path / "layar.png")
    for _ in range(2):
        attachments.add(desk, "apps", apps[0], png)
    attachments.add(desk, "apps", apps[2], png)
    page = open_page(qtbot, window, "apps")
    cells = [files_cell(page, i) for i in apps]
    assert cells == ["2", "", "1"]
    assert page.model.count_queries == 1  # three rows, one block, one query
    # the count does not sort: a click on its header leaves the order and the arrow
    header = page.table.horizontalHeader()
    order = (header.sortIndicatorSection(), page.model.query.sort)
    files = page.model.files_column
    qtbot.mouseClick(header.viewport(), LEFT,
                     pos=QPoint(header.sectionViewportPosition(files) + 10, 5))
    settle(qtbot, window)
    assert (header.sortIndicatorSection(), page.model.query.sort) == order
    assert [files_cell(page, i) for i in apps] == ["2", "", "1"]


@pytest.mark.parametrize("answer", ["Lampirkan…", "Nanti"])
def test_marking_an_agreement_signed_asks_for_the_scan(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    from .test_record_pages import choose

    page, record_id = agreement_page(qtbot, window, desk)
    scan = make_pdf(tmp_path / "pks-ditandatangani.pdf")
    offer_files(monkeypatch, [scan])
    choose(page.form.editors["status"], "pelaksanaan")
    seen: list[str] = []
    answer_next_box(answer, seen)
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == "signedScanBox|Lampirkan pindaian naskah yang sudah ditandatangani?"
    settle(qtbot, window)
    assert desk.agreements.get(record_id)["status"] == "pelaksanaan"
    stored = attachments.list_for(desk, "agreements", record_id)
    if answer == "Nanti":
        assert stored == []
        return
    wait_files(qtbot, window, page.berkas, 1)
    stored = attachments.list_for(desk, "agreements", record_id)
    assert [f.nama for f in stored] == ["pks-ditandatangani.pdf"]
    assert attachments.read_bytes(desk, stored[0].id) == scan.read_bytes()


def test_no_question_when_the_agreement_already_keeps_a_file(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        modal_watchdog: Any) -> None:
    from .test_record_pages import choose

    page, record_id = agreement_page(qtbot, window, desk)
    attachments.add(desk, "agreements", record_id, make_pdf(tmp_path / "scan.pdf"))
    choose(page.form.editors["status"], "monev")
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: desk.agreements.get(record_id)["status"] == "monev",
                    timeout=5000)
    settle(qtbot, window)
    qtbot.wait(100)
    # a question would be up (and the watchdog would close it, failing the test)
    assert QApplication.activeModalWidget() is None and modal_watchdog.closed == []
    assert page.berkas.list.topLevelItemCount() == 1


def test_a_list_header_saved_before_the_berkas_column_keeps_it_narrow(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.record.list_pane import FILES_COLUMN_WIDTH, RecordTable
    from desktop.ui.record_model import RecordTableModel

    before = RecordTable(desk.apps.kind, RecordTableModel(desk.apps))  # no Berkas column
    qtbot.addWidget(before)
    before.horizontalHeader().resizeSection(0, 333)
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/apps/header", before.horizontalHeader().saveState())
    table = RecordTable(desk.apps.kind, RecordTableModel(desk.apps, counts=lambda ids: {}))
    qtbot.addWidget(table)
    table.restore_header(settings, "view/apps/header")
    header = table.horizontalHeader()
    files = table.model().files_column
    assert files == len(desk.apps.kind.columns) == header.count() - 1
    assert header.sectionSize(0) == 333  # the user's widths stay
    assert header.sectionSize(files) == FILES_COLUMN_WIDTH and not header.stretchLastSection()


# ---------------------------------------------------------------------------- real roles
def test_on_postgresql_a_pimpinan_opens_files_and_a_kerjasama_clerk_attaches(
        qtbot, role_desk: Any, tmp_path: Path,  # noqa: F811  (the imported fixture)
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Logins made through the Pengguna core, their rights read from PostgreSQL: the
    pimpinan reads and opens the signed scan but may not add or delete; the Kerja Sama
    clerk attaches, stamped with their login and shown by their name."""
    from .helpers import build_window

    clerk = role_desk("kerjasama")
    record_id = clerk.agreements.create({"judul": "PKS Jaringan Intra"})["id"]
    win = build_window(qtbot, clerk, tmp_path / "clerk.ini")
    page, _ = open_agreement(qtbot, win, record_id)
    box = page.berkas
    scan = make_pdf(tmp_path / "pks-ttd.pdf")
    offer_files(monkeypatch, [scan])
    click(qtbot, box, box.add_button)
    wait_files(qtbot, win, box, 1)
    assert listed(box)[0][3] == "Uji kerjasama"  # the name given on the Pengguna page
    assert attachments.list_for(clerk, "agreements", record_id)[0].pengguna == \
        clerk.db.engine.url.username

    boss = role_desk("pimpinan")
    win2 = build_window(qtbot, boss, tmp_path / "boss.ini")
    page2, _ = open_agreement(qtbot, win2, record_id)
    box2 = page2.berkas
    wait_files(qtbot, win2, box2, 1)
    why = "Peran Anda (Pimpinan) tidak boleh mengubah Kerja Sama."
    assert not box2.add_button.isEnabled() and box2.add_button.toolTip() == why
    assert not box2.delete_button.isEnabled() and box2.delete_button.toolTip() == why
    opened: list[Path] = []
    box2.opener = opened.append
    box2.list.setFocus()
    qtbot.keyClick(box2.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened[0].read_bytes() == scan.read_bytes()
    qtbot.keyClick(box2.list, Qt.Key.Key_Delete)  # not asked, not deleted
    settle(qtbot, win2)
    assert len(attachments.list_for(clerk, "agreements", record_id)) == 1

"""Walk every page, dialog and secondary window of a real main window on a screen of a
given size.

Run by ``tests/gui/test_screen_fit.py`` in a subprocess, because the screen's size is
fixed when the Qt application starts (the offscreen platform reads it from a file):

    python tests/gui/screen_fit_script.py DATABASE_URL 1366x768 RESULT.json

RESULT.json lists the problems seen (windows past the screen, texts cut: see
``fit_checks.py`` beside this script for what is measured) and ``seen``, every place
walked with its window's size.

Modal dialogs (``exec()``) are checked from a timer while they run, then cancelled.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

WIDTH, HEIGHT = (int(v) for v in sys.argv[2].split("x"))
_config = Path(tempfile.mkdtemp()) / "screen.json"
_config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": WIDTH,
                                            "height": HEIGHT, "logicalDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"

from fit_checks import (  # noqa: E402  (beside this script)
    check_cell_editor,
    check_form,
    check_window,
    plain,
    problems,
    seen,
    seen_form_labels,
)
from PySide6.QtCore import QCoreApplication, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop.core.desk import Desk  # noqa: E402
from desktop.core.errors import DeskError  # noqa: E402
from desktop.ui.app import create_application  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskManager  # noqa: E402

LONG_WORDS = ("Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten "
              "Banyuwangi Provinsi Jawa Timur")
LONG_PATH = ("/home/pengguna/Dokumen/Diskominfo Desk/cadangan/"
             "diskominfo-desk-cadangan-2026-12-04-harian-kantor-banyuwangi.sqlite3")
LONG_URL = "https://satudata.banyuwangikab.go.id/katalog-data-terbuka-kabupaten/api/3"


def settle(app: QApplication, tasks: TaskManager) -> None:
    for _ in range(4):
        tasks.wait()
        app.processEvents()
        QCoreApplication.sendPostedEvents()


# ---------------------------------------------------------------------------- dialogs
def modal(where: str, app: QApplication, trigger: Callable[[], Any]) -> None:
    """Run ``trigger``, which shows a modal dialog with ``exec()``: check it from a timer
    while it runs, then cancel it (Escape's button)."""
    checked: list[bool] = []
    returned: list[bool] = []

    def check(tries: int = 0) -> None:
        if returned:  # the trigger is over: never close a later walk step's dialog
            return
        box = QApplication.activeModalWidget()
        if box is None:
            if tries < 50:
                QTimer.singleShot(20, lambda: check(tries + 1))
            return
        try:  # closed even if a check fails, else exec() would wait for ever
            app.processEvents()
            check_window(where, box)
            checked.append(True)
        finally:
            cancel(box)

    QTimer.singleShot(0, check)
    trigger()
    returned.append(True)
    app.processEvents()
    if not checked:
        problems.append(f"{where}: the dialog did not open")


def cancel(box: QWidget) -> None:
    escape = box.escapeButton() if isinstance(box, QMessageBox) else None
    if escape is not None:
        escape.click()
    elif isinstance(box, QDialog):
        box.reject()
    else:
        box.close()


def opened(where: str, app: QApplication, tasks: TaskManager,
           trigger: Callable[[], Any]) -> None:
    """Run ``trigger``, which opens a window-modal dialog (``open()``) or a window; check
    the dialog then on top, then close it."""
    before = QApplication.activeModalWidget()
    trigger()
    settle(app, tasks)
    box = QApplication.activeModalWidget()
    if box is None or box is before:
        problems.append(f"{where}: the dialog did not open")
        return
    check_window(where, box)
    cancel(box)
    settle(app, tasks)


def walk_dialogs(win: MainWindow, desk: Desk, app: QApplication, tasks: TaskManager) -> None:
    """Every dialog and secondary window a user can open, at its longest texts."""
    for opener, key in ((win.open_settings, "settings"), (win.open_templates, "templates"),
                        (win.open_report, "report")):
        opener()
        settle(app, tasks)
        dialog = win._dialogs[key]
        check_window(f"dialog {key}", dialog)
        for tabs in dialog.findChildren(QTabWidget):  # every tab, not only the first
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                settle(app, tasks)
                check_window(f"dialog {key} tab {plain(tabs.tabText(index))}", dialog)
            tabs.setCurrentIndex(0)
        if key == "report":  # the period as a range: two date rows in place of one
            dialog.kind.setCurrentIndex(dialog.kind.findData("rentang"))
            settle(app, tasks)
            check_window("dialog report range", dialog)
            dialog.kind.setCurrentIndex(dialog.kind.findData("triwulan"))
            opened("dialog report preview", app, tasks, dialog.make_report)
        dialog.close()
        settle(app, tasks)
    walk_import(win, app, tasks)
    modal("dialog about", app, win.about)
    # a record's Riwayat, on every record page
    for kind in ("apps", "datasets", "visits", "agreements"):
        page = win.show_kind(kind)
        settle(app, tasks)
        page.table.selectRow(0)
        settle(app, tasks)
        opened(f"dialog history {kind}", app, tasks, page.show_history)
    walk_agreement_windows(win, app, tasks)
    # the boxes that ask and the ones that tell, with long texts
    from desktop.ui import ask, catalog_change
    from desktop.ui.errors import show_error

    page = win.show_kind("agreements")
    settle(app, tasks)
    modal("dialog ask", app, lambda: ask.confirm(
        win, "Hapus data", f"Hapus “{LONG_WORDS} — {LONG_WORDS}”? Data yang dihapus tetap "
        "tercatat di log audit.", "Hapus", name="deleteBox"))
    opened("dialog error", app, tasks, lambda: show_error(DeskError(
        f"Data tidak dapat disimpan karena {LONG_WORDS} sudah dipakai oleh data lain; "
        f"periksa berkas {LONG_PATH} lalu coba lagi."), win))
    opened("dialog error unexpected", app, tasks, lambda: show_error(RuntimeError(
        f"{LONG_WORDS} " * 4), win))
    from desktop.core.errors import StaleRecordError

    opened("dialog stale record", app, tasks, lambda: page._stale(StaleRecordError(
        f"“{LONG_WORDS}” sudah diubah oleh pengguna lain (versi 7) sejak Anda membukanya; "
        "tidak ada yang ditimpa.")))
    page.run_checks()  # the document checks' findings under the buttons
    settle(app, tasks)
    if not page.findings.isVisible():
        problems.append("Kerja Sama with findings: no findings shown")
    check_window("Kerja Sama with findings", win)
    page.form.editors["judul"].set_value(LONG_WORDS)  # unsaved: "Baru" asks first
    modal("dialog unsaved", app, page.new_record)
    page.form.load(page.current_record)
    page.form.mark_clean()
    # the backup and restore dialogs
    modal("dialog restore confirm", app, lambda: win.backups.restore(Path(LONG_PATH)))
    modal("dialog restore file", app, win.backups.choose_restore)
    modal("dialog backup failed", app, lambda: win.backups._failed(DeskError(
        f"Cadangan tidak dapat ditulis ke {LONG_PATH}: disk penuh.")))
    modal("dialog restored", app, lambda: win._after_restore(LONG_PATH))
    settle(app, tasks)
    # the catalog questions of the Sinkronisasi page, and its conflict editor
    sync = win.sync_page
    win.show_page("sync")
    settle(app, tasks)
    modal("dialog catalog changed", app, lambda: sync._ask_catalog_changed(
        SimpleNamespace(linked_url=LONG_URL, url=LONG_URL.replace("satudata", "data"))))
    titles = [f"Data {i}: {LONG_WORDS}" for i in range(20)]
    modal("dialog held deletions", app, lambda: catalog_change.ask_apply_deletions(
        sync, titles, 10))
    saved = sync.conflicts
    sync.conflict_box.show_conflicts([SimpleNamespace(
        id="c1", record_id="d1", title=f"Jumlah penduduk menurut {LONG_WORDS}",
        field="notes", local=f"Data dari {LONG_WORDS} " * 3, remote=f"Sumber: {LONG_WORDS}")])
    sync.conflict_box.conflict_table.selectRow(0)
    settle(app, tasks)
    check_window("Sinkronisasi with a conflict", win)
    modal("dialog conflict edit", app, sync.conflict_box.edit_conflict)
    sync.conflict_box.show_conflicts(saved)
    walk_first_start(win, desk, app, tasks)
    walk_progress(win, app, tasks)
    walk_berkas(win, desk, app, tasks)
    from desktop.ui import demo_action  # Bantuan → Isi data contoh…: refused, or asked

    modal("dialog demo refused", app, lambda: demo_action.load_demo_asking(
        win, desk, tasks, on_done=lambda _r: None))
    modal("dialog demo replaces the office", app, lambda: demo_action.confirm_replacing(
        win, LONG_WORDS))


def walk_berkas(win: MainWindow, desk: Desk, app: QApplication, tasks: TaskManager) -> None:
    """An agreement with files in its Berkas box (long names), the box's refusal
    message and the signed-scan question."""
    from desktop.core import attachments

    page = win.show_kind("agreements")
    settle(app, tasks)
    first, second = page.model.id_at(0), page.model.id_at(1)
    folder = Path(tempfile.mkdtemp())
    for n in range(3):
        path = folder / f"{n} {LONG_WORDS} ditandatangani.pdf"
        path.write_bytes(b"%PDF-1.4\n%%EOF\n" * (200 * (n + 1)))
        attachments.add(desk, "agreements", first, path)
    page.table.selectRow(0)
    settle(app, tasks)
    page.form_scroll.ensureWidgetVisible(page.berkas)
    settle(app, tasks)
    check_window("Kerja Sama with files", win)
    check_form("Kerja Sama with files", page)
    long_name = f"{LONG_WORDS} {LONG_WORDS}.pdf"
    opened("dialog berkas refused", app, tasks, lambda: page.berkas._added([
        (long_name, f"{long_name} terlalu besar untuk dilampirkan: 31 MB, paling besar 25 MB "
                    "(pengaturan “Ukuran berkas lampiran paling besar”).")] * 2))
    page.table.selectRow(1)
    settle(app, tasks)

    def ask() -> None:
        page._ask_for_signed_scan(second)
        settle(app, tasks)

    modal("dialog signed scan", app, ask)
    settle(app, tasks)


def walk_progress(win: MainWindow, app: QApplication, tasks: TaskManager) -> None:
    """The progress dialog of a long job, its message naming a long dataset title."""
    import threading
    import time

    from PySide6.QtWidgets import QProgressDialog

    release = threading.Event()

    def job(token: Any) -> None:
        token.progress(3, 10, f"Mengirim dataset “{LONG_WORDS}, {LONG_WORDS}” (3 dari 10)")
        release.wait(10)

    tasks.run_net(job, label="Menyinkronkan…", parent_widget=win, cancellable=True)
    deadline = time.monotonic() + 5
    dialog = None
    while dialog is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
        dialog = next((d for d in win.findChildren(QProgressDialog) if d.isVisible()), None)
    if dialog is None:
        problems.append("dialog progress: the dialog did not open")
    else:
        app.processEvents()
        check_window("dialog progress", dialog)
    release.set()
    settle(app, tasks)


def walk_import(win: MainWindow, app: QApplication, tasks: TaskManager) -> None:
    """The import dialog empty, and after a preview whose rows have errors."""
    win.show_kind("apps")
    settle(app, tasks)
    win.import_sheet()
    settle(app, tasks)
    dialog = win._dialogs["import"]
    check_window("dialog import", dialog)
    sheet = Path(tempfile.mkdtemp()) / (  # a long name, as files sent by e-mail have
        "Rekapitulasi Aplikasi Perangkat Daerah dari OPD Kabupaten Banyuwangi untuk "
        "Pendataan Satu Data Indonesia Tahun Anggaran 2026 (revisi ketiga, final).csv")
    rows = ["Nama Aplikasi,OPD pemilik,Jenis,Status,Keterangan",
            f"Sistem Antrean,Diskominfo,umum,operasional,{LONG_WORDS}",
            f"\"{LONG_WORDS}\",Dinas Tidak Ada Di Register,jenis salah,status salah,x",
            ",Diskominfo,umum,operasional,tanpa nama"]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog.load_file(str(sheet))
    settle(app, tasks)
    dialog.run(commit=False)
    settle(app, tasks)
    if dialog.outcome is None or not any(r.action == "error" for r in dialog.outcome.results):
        problems.append("dialog import with errors: the preview found no error")
    check_window("dialog import with errors", dialog)
    dialog.close()
    settle(app, tasks)


def choose_a_placeholder(articles: Any) -> None:
    """Select the first article text that holds a ``{placeholder}``."""
    def walk(item: Any) -> Any:
        if "{" in articles._text_of(item):
            return item
        for i in range(item.childCount()):
            found = walk(item.child(i))
            if found is not None:
                return found
        return None

    for i in range(articles.tree.topLevelItemCount()):
        found = walk(articles.tree.topLevelItem(i))
        if found is not None:
            articles.tree.setCurrentItem(found)
            return
    problems.append("articles: no text with a placeholder to show how it prints")


def walk_agreement_windows(win: MainWindow, app: QApplication, tasks: TaskManager) -> None:
    """For a KB and a PKS: the PDF preview and the article editor window; and the cell
    editors of the sub-list tables (parties, annex, follow-ups)."""
    from desktop.ui.articles_window import ArticlesWindow
    from desktop.ui.pdf_preview import PdfPreviewDialog
    from desktop.ui.widgets.collection import reveal

    page = win.show_kind("agreements")
    settle(app, tasks)
    rows = win.desk.agreements.list().rows
    for jenis in ("kb", "pks"):
        win.open_record("agreements", next(r["id"] for r in rows if r["jenis"] == jenis))
        settle(app, tasks)
        opened(f"dialog pdf preview {jenis}", app, tasks, page.preview)
        for preview in page.findChildren(PdfPreviewDialog):
            preview.deleteLater()
        # with a text that has a placeholder chosen: its "Tercetak: ..." line is on screen,
        # under the form's short text area and in the wide window
        articles = page.form.collections["pasal"]
        choose_a_placeholder(articles)
        settle(app, tasks)
        reveal(articles.printed)  # scrolled to, as a person would
        settle(app, tasks)
        if not articles.printed.isVisible():
            problems.append(f"Kerja Sama {jenis} with a printed line: the line is not shown")
        check_window(f"Kerja Sama {jenis} with a printed line", win)
        check_form(f"Kerja Sama {jenis} with a printed line", page)
        opened(f"window articles {jenis}", app, tasks, page.edit_articles_wide)
        settle(app, tasks)
        if any(w.isVisible() for w in page.findChildren(ArticlesWindow)):
            problems.append(f"window articles {jenis}: still open after Esc")
        for name, fld in (("pihak", "surat_kuasa_tanggal"), ("pihak", "nama_instansi"),
                          ("lampiran", "kegiatan")):
            check_cell_editor(f"cell editor {jenis} {name} {fld}", page.form.collections[name],
                              fld)
        page.revert()
        page.form.mark_clean()
    page = win.show_kind("visits")
    settle(app, tasks)
    page.table.selectRow(0)
    settle(app, tasks)
    for fld in ("uraian", "tenggat", "status"):
        check_cell_editor(f"cell editor visit tindak_lanjut {fld}",
                          page.form.collections["tindak_lanjut"], fld)
    page.revert()
    page.form.mark_clean()


def walk_first_start(win: MainWindow, desk: Desk, app: QApplication,
                     tasks: TaskManager) -> None:
    """Welcome (first start, shown before the main window) and the draft recovery."""
    from desktop.core.drafts import Draft, DraftStore
    from desktop.ui.draft_recovery import RecoveryDialog
    from desktop.ui.welcome import WelcomeDialog

    welcome = WelcomeDialog(desk, tasks)
    welcome.show()
    settle(app, tasks)
    check_window("dialog welcome", welcome)
    welcome.start_button.click()  # nothing filled in: both required fields are named
    assert welcome.error.isVisible() and welcome.error.text()
    settle(app, tasks)
    check_window("dialog welcome with errors", welcome)
    welcome.close()
    store = DraftStore(Path(tempfile.mkdtemp()))
    drafts = [Draft(key=f"{kind}-{i}", kind=kind, values={}, title=f"{LONG_WORDS} ({i})",
                    record_id=None if i % 2 else f"id{i}")
              for i, kind in enumerate(("agreements", "visits", "datasets", "apps"))]
    recovery = RecoveryDialog(drafts, store, win)
    recovery.open()
    settle(app, tasks)
    check_window("dialog draft recovery", recovery)
    recovery.reject()
    settle(app, tasks)


# ---------------------------------------------------------------------------- walk
def walk(url: str, lang: str = "id") -> dict[str, Any]:
    app = create_application()
    from desktop.ui.i18n import install_language

    install_language(lang)  # English texts are longer here and shorter there
    desk = Desk.open(url, user="penguji")
    tasks = TaskManager()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, tasks)
    win.show()
    settle(app, tasks)
    win.beranda.refresh()
    settle(app, tasks)
    check_window("Beranda", win)
    # a Beranda tile: the list filtered, with a long chip; then the chip cleared
    win.beranda.tiles["datasets_overdue"].click()
    settle(app, tasks)
    check_window("Dataset after a Beranda tile", win)
    page = win.page
    assert page is not None and page.chip.isVisible()
    page.chip.click()
    settle(app, tasks)
    check_window("Dataset after the chip was cleared", win)
    win.reminders.hide()
    settle(app, tasks)
    for row in range(win.navigation.count()):
        win.navigation.setCurrentRow(row)
        settle(app, tasks)
        name = win.navigation.item(row).text()
        check_window(name, win)
        page = win.page
        if page is not None and page.model.rowCount():  # a record in the form
            page.table.selectRow(0)
            settle(app, tasks)
            check_window(f"{name} with a record", win)
        if page is not None:
            check_form(name, page)
    win.act_reminders.trigger()
    settle(app, tasks)
    check_window("Pengingat", win)
    for kind in ("datasets", "agreements"):  # the pages beside the docked panel
        page = win.show_kind(kind)
        settle(app, tasks)
        check_window(f"{kind} beside the Pengingat", win)
        check_form(f"{kind} beside the Pengingat", page)
    if win.reminders.isVisible() and win.reminders.geometry().intersects(
            win.stack.geometry()) and win.reminders.isFloating():
        problems.append("Pengingat: floats over the page")
    win.reminders.hide()
    win.show_kind("datasets")
    settle(app, tasks)
    walk_dialogs(win, desk, app, tasks)
    for page in win.pages.built().values():
        page.form.mark_clean()
    win.close()
    settle(app, tasks)
    desk.close()
    return {"problems": problems, "seen": seen, "form_labels": sorted(seen_form_labels)}


if __name__ == "__main__":
    result = walk(sys.argv[1], sys.argv[4] if len(sys.argv) > 4 else "id")
    Path(sys.argv[3]).write_text(json.dumps(result, indent=1), encoding="utf-8")

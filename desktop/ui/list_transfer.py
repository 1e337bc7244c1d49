"""Berkas → Impor dari lembar kerja… and Berkas → Ekspor daftar…: moving a record page's
list in and out of spreadsheets, for the page shown.

Export writes the list as shown (filter and sort) to XLSX, CSV or a printable PDF report
on the database worker; import opens the import dialog for the page's kind, where
importing makes sense (``IMPORT_KINDS``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject


class ListTransfer(QObject):
    """Owned by the main window (``window.transfer``); works on its page shown."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

    def export_list(self) -> None:
        """The list as shown (filter, sort) to XLSX, CSV or a printable PDF report."""
        from desktop.documents.list_export import write_list
        from desktop.ui.save_paths import EXPORT, ask_save_path, dated_name

        window = self.window
        page = window.page
        if page is None:
            return
        xlsx, csv_, pdf = (self.tr("Excel (*.xlsx)"), self.tr("CSV (*.csv)"),
                           self.tr("Laporan PDF (*.pdf)"))
        # "Dataset 2026-12-04.xlsx" in the last export folder (else Documents)
        path, chosen = ask_save_path(window, EXPORT, self.tr("Ekspor daftar"),
                                     dated_name(str(page.kind.plural), ".xlsx"),
                                     f"{xlsx};;{csv_};;{pdf}")
        if not path:
            return
        suffix = {xlsx: ".xlsx", csv_: ".csv", pdf: ".pdf"}.get(chosen, ".xlsx")
        if Path(path).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
            path += suffix
        query = page.model.query
        title = str(page.kind.plural)
        window.tasks.run_db(
            lambda token: write_list(page.service, query, path, progress=token.progress,
                                     title=title),
            on_done=lambda n: window.statusBar().showMessage(
                self.tr("{n} baris diekspor ke {path}", "", n).replace("{n}", str(n))
                .replace("{path}", path), 6000),
            label=self.tr("Mengekspor daftar…"), parent_widget=window, cancellable=True)

    def import_sheet(self) -> None:
        """Import into the kind of the page shown (where importing makes sense)."""
        from desktop.core.importing.mapping import IMPORT_KINDS
        from desktop.ui.import_dialog import ImportDialog
        from desktop.ui.window_dialogs import on_screen

        window = self.window
        kind = window.page.kind.name if window.page is not None else ""
        if kind not in IMPORT_KINDS:
            window.statusBar().showMessage(self.tr("Impor tidak tersedia di halaman ini."),
                                           6000)
            return
        dialog = ImportDialog(window.desk, window.tasks, kind, window)
        on_screen(dialog)
        dialog.imported.connect(window.hub.notify)
        window._dialogs["import"] = dialog
        dialog.open()

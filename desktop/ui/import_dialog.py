"""Import a spreadsheet into the current page's kind: choose, map, check, import.

A thin window over ``desktop.core.importing``: the sheet is read, checked and imported
on the database worker with progress and cancel; the user sees every row's verdict
before anything is written, and can save the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.importing import (
    ImportOutcome,
    Sheet,
    auto_map,
    import_rows,
    load_mapping,
    read_sheet,
    save_mapping,
)
from desktop.core.importing.mapping import importable_fields
from desktop.core.importing.run import missing_required
from desktop.core.kinds import KINDS
from desktop.ui.style import tokens
from desktop.ui.tasks import TaskManager
from desktop.ui.widgets.elided import ElidedLabel, fit_header_titles

SAMPLE_ROWS = 3


def error_tint() -> QColor:
    """A row with an error: the scheme's tint, its text still readable."""
    return QColor(tokens().bad_bg)


class ImportDialog(QDialog):
    imported = Signal(str, list)  # kind, ids of the records created or updated

    def __init__(self, desk: Desk, tasks: TaskManager, kind_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.tasks, self.kind_name = desk, tasks, kind_name
        self.kind = KINDS[kind_name]
        self.sheet: Sheet | None = None
        self.outcome: ImportOutcome | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Impor {kind} dari lembar kerja").replace(
            "{kind}", str(self.kind.plural)))
        self.resize(900, 680)
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Pilih berkas XLSX/CSV…"), self)
        # a file name from an e-mail can be 150 characters: elided in the middle (row
        # count kept in sight, whole text in the tooltip), else the dialog outgrew the screen
        self.file_label = ElidedLabel(self.tr("Belum ada berkas."), self,
                                      Qt.TextElideMode.ElideMiddle)
        self.file_label.setObjectName("importFile")
        self.template_button = QPushButton(self.tr("Unduh &templat kosong…"), self)
        self.template_button.setToolTip(self.tr("Lembar kerja dengan semua kolom yang dikenali, "
                                                "untuk diisi"))
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.template_button)
        layout.addLayout(row)

        layout.addWidget(QLabel(self.tr("Kolom lembar kerja dan kolom tujuan:"), self))
        self.mapping_table = self._table(
            "mappingTable",
            [self.tr("Kolom di berkas"), self.tr("Diisikan ke"), self.tr("Contoh isi")])
        layout.addWidget(self.mapping_table, 2)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("fieldError")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)

        self.valid_only = QRadioButton(self.tr("Impor baris yang valid, lewati yang "
                                               "bermasalah"), self)
        self.all_or_nothing = QRadioButton(self.tr("Jangan impor apa pun bila ada baris "
                                                   "yang bermasalah"), self)
        self.valid_only.setChecked(True)
        layout.addWidget(self.valid_only)
        layout.addWidget(self.all_or_nothing)

        self.results_table = self._table(
            "resultsTable", [self.tr("Baris"), self.tr("Hasil"), self.tr("Keterangan")])
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.results_table, 3)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Simpan &laporan…"), self)
        self.check_button = QPushButton(self.tr("Pe&riksa"), self)
        self.import_button = QPushButton(self.tr("&Impor"), self)
        self.import_button.setObjectName("importButton")
        close = QPushButton(self.tr("&Tutup"), self)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        self.check_button.clicked.connect(lambda: self.run(commit=False))
        self.import_button.clicked.connect(lambda: self.run(commit=True))
        self.report_button.clicked.connect(self.save_report)
        close.clicked.connect(self.reject)
        self._update_buttons()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        """A read-out table whose last column takes the width that is left."""
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(len(headers) - 1,
                                                      QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        fit_header_titles(table.horizontalHeader())
        return table

    # ------------------------------------------------------------------ file and mapping
    def choose_file(self) -> None:
        from desktop.ui.save_paths import IMPORT, ask_open_path

        path = ask_open_path(  # .txt: Excel's "Unicode Text"
            self, IMPORT, self.tr("Pilih lembar kerja"),
            self.tr("Lembar kerja (*.xlsx *.xlsm *.csv *.txt)"))
        if path:
            self.load_file(path)

    def save_template(self) -> None:
        """A blank sheet whose headers the import recognises, for a clerk to fill in."""
        from desktop.core.importing.template import write_sheet
        from desktop.ui.save_paths import IMPORT, ask_save_path

        path, _ = ask_save_path(
            self, IMPORT, self.tr("Simpan templat"),
            self.tr("Templat impor {kind}.xlsx").replace("{kind}", str(self.kind.plural)),
            self.tr("Excel (*.xlsx)"))
        if not path:
            return
        kind_name = self.kind_name
        self.tasks.run_db(lambda: write_sheet(self.desk, kind_name, path, with_rows=False),
                          on_done=lambda _n: self.summary.setText(
                              self.tr("Templat disimpan ke {path}").replace("{path}", path)),
                          on_error=self._failed)

    def load_file(self, path: str) -> None:
        self.file_label.setText(self.tr("Membaca {name}…").replace("{name}", Path(path).name))
        self.tasks.run_db(lambda: read_sheet(path), on_done=self._sheet_read,
                          on_error=self._failed)

    def _sheet_read(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.outcome = None
        self.results_table.setRowCount(0)
        self.summary.clear()
        self.file_label.setText(self.tr("{name}: {n} baris data (judul kolom di baris {row})", "",
                                        sheet.count)
                                .replace("{name}", sheet.name)
                                .replace("{n}", str(sheet.count))
                                .replace("{row}", str(sheet.header_row)))
        mapping = auto_map(self.kind_name, sheet.headers, load_mapping(self.kind_name))
        fields = importable_fields(self.kind)
        self.mapping_table.setRowCount(len(sheet.headers))
        for index, header in enumerate(sheet.headers):
            self.mapping_table.setItem(index, 0, QTableWidgetItem(header))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("— abaikan —"), None)
            for fld in fields:
                combo.addItem(str(fld.label) + (" *" if fld.required else ""), fld.name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(index, 1, combo)
            samples = [str(r[index]) for r in sheet.sample[:SAMPLE_ROWS]
                       if index < len(r) and r[index] not in (None, "")]
            self.mapping_table.setItem(index, 2, QTableWidgetItem(" | ".join(samples)))
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(1, 260)
        self._mapping_changed()

    def mapping(self) -> dict[int, str]:
        chosen: dict[int, str] = {}
        for index in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(index, 1)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                chosen[index] = combo.currentData()
        return chosen

    def _mapping_changed(self) -> None:
        self.outcome = None
        mapping = self.mapping()
        missing = missing_required(self.kind_name, mapping)
        doubled = {name for name in mapping.values()
                   if list(mapping.values()).count(name) > 1}
        problems = []
        if missing:
            problems.append(self.tr("Kolom wajib belum dipilih: {fields}")
                            .replace("{fields}", ", ".join(missing)))
        if doubled:
            labels = {f.name: str(f.label) for f in self.kind.fields}
            problems.append(self.tr("Dipilih lebih dari sekali: {fields}")
                            .replace("{fields}", ", ".join(labels[n] for n in sorted(doubled))))
        self.missing_label.setText("\n".join(problems))
        self.missing_label.setVisible(bool(problems))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.sheet is not None and not self.missing_label.text()
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.report_button.setEnabled(self.outcome is not None)

    # ------------------------------------------------------------------ run
    def run(self, commit: bool) -> None:
        if self.sheet is None:
            return
        sheet, mapping = self.sheet, self.mapping()
        save_mapping(self.kind_name, sheet.headers, mapping)
        valid_only = self.valid_only.isChecked()
        kind_name = self.kind_name

        def job(token: Any) -> ImportOutcome:
            return import_rows(self.desk, kind_name, sheet, mapping, commit=commit,
                               valid_only=valid_only, progress=token.progress)

        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        label = self.tr("Mengimpor…") if commit else self.tr("Memeriksa baris…")
        task = self.tasks.run_db(job, on_done=self._show_outcome, on_error=self._failed,
                                 label=label, parent_widget=self, cancellable=True)
        task.signals.cancelled.connect(self._cancelled)

    def _show_outcome(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        labels = {"create": self.tr("baru"), "update": self.tr("diperbarui"),
                  "error": self.tr("bermasalah")}
        shown = sorted(outcome.results, key=lambda r: (r.action != "error", r.row))
        self.results_table.setRowCount(len(shown))
        for index, result in enumerate(shown):
            cells = [str(result.row), labels[result.action], "; ".join(result.errors)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if result.action == "error":
                    item.setBackground(QBrush(error_tint()))
                self.results_table.setItem(index, column, item)
        self.summary.setText(outcome.summary())
        self._update_buttons()
        if outcome.committed:
            ids = [r.record_id for r in outcome.results if r.record_id]
            self.imported.emit(self.kind_name, ids)

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Dibatalkan: tidak ada yang diimpor."))
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DeskError) else str(exc)
        self.summary.setText(self.tr("Gagal: {message}").replace("{message}", message))
        if self.sheet is None:
            self.file_label.setText(self.tr("Belum ada berkas."))
        self._update_buttons()

    def save_report(self) -> None:
        if self.outcome is None:
            return
        from desktop.ui.save_paths import IMPORT, ask_save_path, dated_name

        path, _ = ask_save_path(self, IMPORT, self.tr("Simpan laporan impor"),
                                dated_name(self.tr("Laporan impor {kind}").replace(
                                    "{kind}", str(self.kind.plural)), ".csv"),
                                self.tr("CSV (*.csv)"))
        if not path:
            return
        try:
            self.outcome.write_report(path)
        except DeskError as exc:  # the old report still open in Excel: say so, keep it
            from desktop.ui.errors import show_error

            self.summary.setText(self.tr("Gagal: {message}").replace("{message}",
                                                                     exc.message))
            show_error(exc, self)
            return
        self.summary.setText(self.outcome.summary() + "  " + self.tr(
            "Laporan disimpan ke {path}").replace("{path}", path))


def rows_in_error(table: QTableWidget) -> list[int]:
    """Spreadsheet row numbers shown as problems (for tests and screen readers)."""
    return [int(table.item(r, 0).text()) for r in range(table.rowCount())
            if table.item(r, 0).background().color() == error_tint()]


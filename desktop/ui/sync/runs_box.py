"""The run-log box: the recent sync runs, and the per-record errors of the one picked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.ui.sync.common import local_time, read_only_table


class RunLogBox(QGroupBox):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Riwayat sinkronisasi"))
        self.runs: list[Any] = []
        column = QVBoxLayout(self)
        self.runs_table = read_only_table(
            self, "syncRuns",
            [self.tr("Mulai"), self.tr("Hasil"), self.tr("Dikirim"), self.tr("Diambil"),
             self.tr("Dihapus"), self.tr("Konflik"), self.tr("Galat"), self.tr("Keterangan")])
        self.runs_table.horizontalHeader().setStretchLastSection(True)
        self.runs_table.itemSelectionChanged.connect(self._show_run_errors)
        column.addWidget(self.runs_table)
        self.run_errors = QLabel("", self)
        self.run_errors.setObjectName("runErrors")
        self.run_errors.setWordWrap(True)
        self.run_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.run_errors)

    def status_label(self, status: str) -> str:
        """A run's stored status in words (also the page's "last sync" summary)."""
        return {"ok": self.tr("berhasil"), "conflicts": self.tr("ada konflik"),
                "errors": self.tr("ada galat"), "cancelled": self.tr("dibatalkan"),
                "failed": self.tr("gagal"), "running": self.tr("berjalan"),
                "interrupted": self.tr("terhenti"),
                "held": self.tr("penghapusan menunggu konfirmasi")}.get(status, status)

    def fill(self, runs: list[Any]) -> None:
        self.runs = runs
        table = self.runs_table
        table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            values = [local_time(run.started_at), self.status_label(run.status),
                      str(run.pushed), str(run.pulled), str(run.deleted), str(run.conflicts),
                      str(run.errors), run.message or ""]
            for col, text in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _show_run_errors(self) -> None:
        rows = {i.row() for i in self.runs_table.selectedItems()}
        if not rows:
            self.run_errors.setText("")
            return
        run = self.runs[min(rows)]
        if not run.record_errors:
            self.run_errors.setText(self.tr("Tidak ada galat per data pada putaran ini."))
            return
        self.run_errors.setText("\n".join(f"• {message}" for _id, message in
                                          run.record_errors[:50]))

"""The OPD-mapping box: which catalog organization publishes each OPD's datasets.

OPDs are matched to organizations by name or abbreviation in the sync; a choice made here
always wins. The organizations offered are the writable ones from the last connection
test, plus those already chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.ui.sync.common import read_only_table
from desktop.ui.tasks import TaskManager


class OrgMapBox(QGroupBox):
    """See the module docstring."""

    changed = Signal()  # a mapping was stored: the page reads its state again

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("OPD dan organisasi di katalog"))
        self.desk = desk
        self.tasks = tasks
        self.organizations: list[Any] = []  # writable ones, from the last connection test
        self._pending: tuple[list[Any], dict[str, Any]] | None = None  # to show once seen
        column = QVBoxLayout(self)
        note = QLabel(self.tr("Dataset sebuah OPD diterbitkan atas nama organisasinya. OPD "
                              "dicocokkan otomatis menurut nama atau singkatan; pilihan Anda "
                              "di sini selalu didahulukan. Tes koneksi memuat daftar "
                              "organisasi yang boleh Anda tulisi."), self)
        note.setWordWrap(True)
        column.addWidget(note)
        self.org_table = read_only_table(
            self, "orgMap", [self.tr("OPD"), self.tr("Organisasi di katalog"), self.tr("Cara")])
        self.org_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.org_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.org_table)

    def fill(self, opds: list[Any], chosen: dict[str, Any]) -> None:
        """One row per live OPD (id, nama), its organization picked in a list; built when
        the box is on screen. (A combo box per OPD costs ~2 ms each: 40 ms of every
        window's start for the demo's OPDs, on a page most sessions never open.)"""
        self._pending = (opds, chosen)
        if self.isVisible():
            self._fill_pending()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fill_pending()

    def _fill_pending(self) -> None:
        if self._pending is None:
            return
        opds, chosen = self._pending
        self._pending = None
        table = self.org_table
        table.setRowCount(len(opds))
        known = {o.id: (o.title or o.name, o.name) for o in self.organizations}
        for mapping in chosen.values():
            known.setdefault(mapping.org_id, (mapping.org_name, mapping.org_name))
        for row, (opd_id, nama) in enumerate(opds):
            table.setItem(row, 0, QTableWidgetItem(nama))
            combo = QComboBox(table)
            combo.addItem(self.tr("— belum dipetakan —"), None)
            for org_id, (title, name) in sorted(known.items(), key=lambda kv: kv[1][0]):
                combo.addItem(title, (org_id, name))
            mapping = chosen.get(opd_id)
            if mapping is not None:
                combo.setCurrentIndex(max(0, combo.findText(known[mapping.org_id][0])))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, o=opd_id: self._map(o, c.currentData()))
            table.setCellWidget(row, 1, combo)
            how = (self.tr("pilihan pengguna") if mapping is not None and mapping.manual
                   else self.tr("otomatis") if mapping is not None else "")
            table.setItem(row, 2, QTableWidgetItem(how))

    def _map(self, opd_id: str, choice: tuple[str, str] | None) -> None:
        """The user's choice of organization for an OPD (none: not published)."""
        from desktop.sync import api

        def job() -> None:
            if choice is None:
                api.clear_org_mapping(self.desk, opd_id)
            else:
                api.set_org_mapping(self.desk, opd_id, choice[0], choice[1])

        self.tasks.run_db(job, on_done=lambda _r: self.changed.emit())

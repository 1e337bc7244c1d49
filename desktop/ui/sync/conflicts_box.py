"""The conflicts box: fields changed here and on the catalog since the last sync.

Nothing is overwritten until the user picks a side (or types a third value in the
conflict editor); whole-dataset conflicts (deleted on one side, still used by apps) name
what each choice will do. Choices wait while a sync runs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.ui.hub import DataHub
from desktop.ui.sync.common import read_only_table, show_value
from desktop.ui.tasks import TaskManager


class ConflictsBox(QGroupBox):
    """See the module docstring."""

    resolved = Signal()  # a conflict was settled: the page reads its state again
    open_record = Signal(str, str)  # kind, record id (a conflict's dataset)

    def __init__(self, desk: Desk, tasks: TaskManager, hub: DataHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Konflik"))
        self.desk = desk
        self.tasks = tasks
        self.hub = hub
        self.conflicts: list[Any] = []
        self.busy = False  # a sync is running: no choice until it ends
        column = QVBoxLayout(self)
        note = QLabel(self.tr("Kolom yang diubah di sini dan di katalog sejak sinkron "
                              "terakhir. Tidak ada yang ditimpa sampai Anda memilih."), self)
        note.setWordWrap(True)
        column.addWidget(note)
        self.conflict_table = read_only_table(
            self, "conflicts", [self.tr("Dataset"), self.tr("Kolom"), self.tr("Nilai di sini"),
                                self.tr("Nilai di katalog")])
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.conflict_table.itemSelectionChanged.connect(self.update_buttons)
        self.conflict_table.itemDoubleClicked.connect(lambda _i: self._open_conflict())
        column.addWidget(self.conflict_table)
        row = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Pakai nilai di sini"), self)
        self.take_theirs = QPushButton(self.tr("Pakai nilai katalog"), self)
        self.edit_value = QPushButton(self.tr("Sunting nilai…"), self)
        self.keep_mine.clicked.connect(lambda: self.resolve("keep_mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve("take_theirs"))
        self.edit_value.clicked.connect(self.edit_conflict)
        row.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.edit_value):
            row.addWidget(button)
        column.addLayout(row)

    def show_conflicts(self, conflicts: list[Any]) -> None:
        """One row per open conflict: the dataset, the field and the two values."""
        self.conflicts = conflicts
        table = self.conflict_table
        table.setRowCount(len(conflicts))
        from desktop.sync.api import field_label, is_whole_record, side_text

        for row, conflict in enumerate(conflicts):
            if is_whole_record(conflict.field):  # a deletion: what happened, in words
                values = [conflict.title, field_label(conflict.field),
                          side_text(conflict.field, "local", conflict.local),
                          side_text(conflict.field, "remote", conflict.remote)]
            else:
                values = [conflict.title, conflict.field, show_value(conflict.local),
                          show_value(conflict.remote)]
            for col, text in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(text))
        self.update_buttons()

    def update_buttons(self) -> None:
        from desktop.sync.api import DELETED_HERE_FIELD, USED_BY_APPS_FIELD

        conflict = self.chosen()
        chosen = conflict is not None
        for button in (self.keep_mine, self.take_theirs, self.edit_value):
            button.setEnabled(chosen and not self.busy)
        field = conflict.field if conflict is not None else ""
        # whole-dataset conflicts: the two choices say what will happen
        mine, theirs = {
            DELETED_HERE_FIELD: (self.tr("Hapus juga di katalog"),
                                 self.tr("Pulihkan dengan nilai katalog")),
            USED_BY_APPS_FIELD: (self.tr("Simpan di sini, lepas dari katalog"),
                                 self.tr("Lepas dari aplikasi, lalu hapus")),
        }.get(field, (self.tr("Pakai nilai di sini"), self.tr("Pakai nilai katalog")))
        self.keep_mine.setText(mine)
        self.take_theirs.setText(theirs)
        if field.startswith("_"):
            self.edit_value.setEnabled(False)

    def chosen(self) -> Any:
        """The conflict of the selected row, or None."""
        rows = {i.row() for i in self.conflict_table.selectedItems()}
        return self.conflicts[min(rows)] if rows and min(rows) < len(self.conflicts) else None

    def resolve(self, choice: str, value: Any = None) -> None:
        from desktop.sync.api import USED_BY_APPS_FIELD, resolve_conflict

        conflict = self.chosen()
        if conflict is None:
            return

        def done(_result: Any) -> None:
            self.hub.notify("datasets", [conflict.record_id])
            self.resolved.emit()

        if conflict.field == USED_BY_APPS_FIELD:  # its own words: keep or delete
            choice = {"keep_mine": "keep", "take_theirs": "delete"}.get(choice, choice)

        self.tasks.run_db(lambda: resolve_conflict(self.desk, conflict.id, choice, value),
                          on_done=done)

    def edit_conflict(self) -> None:
        """A third value, typed in the conflict editor."""
        from desktop.ui.sync.conflict_dialog import ask_conflict_value

        conflict = self.chosen()
        if conflict is None or conflict.field == "__deleted__":
            return
        value = ask_conflict_value(self, conflict)
        if value is not None:
            self.resolve("edit", value)

    def _open_conflict(self) -> None:
        conflict = self.chosen()
        if conflict is not None and conflict.field != "__deleted__":
            self.open_record.emit("datasets", conflict.record_id)

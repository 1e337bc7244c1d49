"""Bandingkan: the values in this form beside the database's version now, field by field.

Why: "someone changed this record" alone leaves the user guessing whether the change
touches what they typed. Both sides are shown as the form would show them (the
database's version is put through a form of the same kind, so a date, a choice or a
linked record reads the same on both sides) and the fields that differ are marked, by
a sign as well as a tint. The user then takes the database's version or keeps their own
(saved over it only when they press Simpan). A record deleted meanwhile says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core.formatting import yes_no
from desktop.ui.history_dialog import _text
from desktop.ui.style import tokens
from desktop.ui.widgets.form import RecordForm

if TYPE_CHECKING:
    from desktop.ui.record.page import RecordPage

DIFFERENT = "≠"


def _without_ids(value: Any) -> Any:
    """Rows compared by what they say: a row saved again gets a new id, not new text."""
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    return value


def form_values(page: RecordPage, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` as the page's form would hold it (the same editors, the same values)."""
    form = RecordForm(page.kind, page.lookups, None, page.spec.collections)
    try:
        form.load(record)
        return form.values()
    finally:
        form.deleteLater()


def shown(value: Any, fld: Any, lookups: Any) -> str:
    """A value in words, as the history dialog shows it (names, labels, dates)."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return yes_no(value)
    return _text(value, fld, lookups)


class CompareDialog(QDialog):
    """Field | Isian saya | Basis data; ``choice`` is "database", "mine" or None."""

    def __init__(self, page: RecordPage, record: dict[str, Any] | None, heading: str) -> None:
        super().__init__(page)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Bandingkan dengan basis data"))
        self.choice: str | None = None
        mine = page.form.values()
        theirs = form_values(page, record) if record is not None else {}
        layout = QVBoxLayout(self)
        intro = QLabel(heading.rstrip(" —"), self)
        intro.setObjectName("compareHeading")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if record is None:
            gone = QLabel(self.tr("Data ini sudah dihapus dari basis data. Isian Anda masih "
                                  "ada di formulir; Anda dapat menyimpannya sebagai data baru."),
                          self)
            gone.setObjectName("compareDeleted")
            gone.setWordWrap(True)
            layout.addWidget(gone)
        self.table = QTreeWidget(self)
        self.table.setObjectName("compareTable")
        self.table.setRootIsDecorated(False)
        self.table.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")  # readable rows
        self.table.setHeaderLabels(["", self.tr("Kolom"), self.tr("Isian saya"),
                                    self.tr("Basis data")])
        self.table.setAccessibleName(self.tr("Perbandingan per kolom"))
        self.differences: list[str] = []  # names of the fields that differ
        self._fill(page, mine, theirs, record is None)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        count = QLabel(self.tr("{n} kolom berbeda (ditandai {sign}).", "", len(self.differences))
                       .replace("{n}", str(len(self.differences)))
                       .replace("{sign}", DIFFERENT), self)
        count.setObjectName("compareCount")
        layout.addWidget(count)
        buttons = QDialogButtonBox(self)
        self.database_button = QPushButton(self.tr("Pakai versi &basis data"), self)
        self.database_button.setObjectName("useDatabase")
        self.database_button.setEnabled(record is not None)
        self.mine_button = QPushButton(self.tr("&Tetap pakai isian saya"), self)
        self.mine_button.setObjectName("keepMine")
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.database_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.database_button.clicked.connect(lambda: self._choose("database"))
        self.mine_button.clicked.connect(lambda: self._choose("mine"))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 480)
        first = next((self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())
                      if self.table.topLevelItem(i).text(0) == DIFFERENT), None)
        if first is not None:  # the keyboard starts on the first difference
            self.table.setCurrentItem(first)
        self.table.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _fill(self, page: RecordPage, mine: dict[str, Any], theirs: dict[str, Any],
              deleted: bool) -> None:
        tint = QBrush(QColor(tokens().warn_bg))
        rows: list[tuple[str, str, Any]] = [(f.name, str(f.label), f) for f in page.kind.fields]
        rows += [(c.name, str(c.label), None) for c in page.kind.collections
                 if c.name in mine]
        for name, label, fld in rows:
            if name not in mine:
                continue
            mine_value = mine.get(name)
            their_value = theirs.get(name)
            differs = deleted or _without_ids(mine_value) != _without_ids(their_value)
            item = QTreeWidgetItem([
                DIFFERENT if differs else "", label, shown(mine_value, fld, page.lookups),
                "—" if deleted else shown(their_value, fld, page.lookups)])
            for column in (2, 3):
                item.setToolTip(column, item.text(column))
            if differs:
                self.differences.append(name)
                bold = QFont(self.table.font())
                bold.setBold(True)
                for column in range(4):
                    item.setBackground(column, tint)
                    item.setFont(column, bold)
                item.setData(0, 0x0100, "differs")  # Qt.UserRole: for tests and screen readers
            self.table.addTopLevelItem(item)

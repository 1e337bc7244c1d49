"""Editors that pick other records or regions: one by type-ahead (``PickEditor``), or a
list of them (``RefsEditor``); the lookups (``desktop.ui.lookups``) supply the names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fields import Field
from desktop.ui.lookups import Option
from desktop.ui.widgets.field_base import FieldEditor, row_layout


class PickEditor(FieldEditor):
    """A record or region picked by typing part of its name (type-ahead, contains-match).

    Small sets are listed whole; for a large kind (100,000 datasets) the list is filled
    from a search as the user types.
    """

    def __init__(self, fld: Field, lookup: Any, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.lookup = lookup
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(str(fld.label))
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(self.tr("ketik untuk mencari…"))
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self._options: list[Option] = []
        self._ids: list[Any] = []  # the record id of each combo entry; None for the blank
        self._searching = False
        options = lookup.all()
        if options is None:
            self._searching = True
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(200)
            self._timer.timeout.connect(self._search)
            self.combo.lineEdit().textEdited.connect(lambda _t: self._timer.start())
        else:
            self._fill(options)
        row_layout(self).addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.combo.lineEdit().editingFinished.connect(self._match_typed)
        self.setFocusProxy(self.combo)

    def reload(self) -> None:
        """Offer the records as they are now (one was added, renamed or deleted elsewhere).

        The chosen record stays chosen; a kind searched as the user types has nothing
        listed to refresh.
        """
        if self._searching:
            return
        options = self.lookup.all()
        if options is not None:
            self._fill(options)

    def _fill(self, options: list[Option]) -> None:
        current = self.value()
        self._options = options
        self.combo.blockSignals(True)
        self.combo.clear()
        self._ids = [None]
        self.combo.addItem("")
        for option in options:
            self.combo.addItem(option.text, option.id)  # for findData; read: _ids
            self._ids.append(option.id)
        self._model.setStringList([o.text for o in options])
        self.combo.blockSignals(False)
        if current:
            self.set_value(current)

    def _search(self) -> None:
        text = self.combo.currentText()
        self._fill(self.lookup.find(text) if text.strip() else [])
        self.combo.setEditText(text)

    def _match_typed(self) -> None:
        text = self.combo.currentText().strip()
        if not text:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def value(self) -> Any:
        """The chosen record's id; typed text that names no record is not a choice."""
        data = self._id_at(self.combo.currentIndex())
        if data is None and self.combo.currentText().strip():
            index = self.combo.findText(self.combo.currentText().strip(),
                                        Qt.MatchFlag.MatchFixedString)
            data = self._id_at(index)
        return data

    def _id_at(self, index: int) -> Any:
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def set_value(self, value: Any) -> None:
        if not value:
            self.combo.setCurrentIndex(0)
            return
        index = self._ids.index(value) if value in self._ids else -1
        if index < 0:
            self.combo.addItem(self.lookup.text_of(value), value)
            self._ids.append(value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)
        self.combo.lineEdit().setCursorPosition(0)  # show the start of a long name


class RefsEditor(FieldEditor):
    """Several linked records: a list with a picker to add and a button to remove."""

    def __init__(self, fld: Field, lookup: Any, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.lookup = lookup
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(str(fld.label))
        self._ids: list[str] = []  # the linked records, in the list's order
        self.list.setMaximumHeight(90)
        adder = QWidget(self)
        row = row_layout(adder)
        self.picker = PickEditor(fld, lookup, adder)
        add = QPushButton(self.tr("Tambah"), adder)
        remove = QPushButton(self.tr("Hapus"), adder)
        row.addWidget(self.picker, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addWidget(self.list)
        layout.addWidget(adder)
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        self.setFocusProxy(self.list)

    def _add(self) -> None:
        record_id = self.picker.value()
        if record_id and record_id not in self.value():
            self._append(record_id)
            self.picker.set_value(None)
            self.changed.emit()

    def _append(self, record_id: str) -> None:
        self.list.addItem(QListWidgetItem(self.lookup.text_of(record_id)))
        self._ids.append(record_id)

    def reload(self) -> None:
        self.picker.reload()
        for i, record_id in enumerate(self._ids):
            self.list.item(i).setText(self.lookup.text_of(record_id))

    def _remove(self) -> None:
        for row in sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True):
            self.list.takeItem(row)
            del self._ids[row]
        self.changed.emit()

    def value(self) -> Any:
        return list(self._ids)

    def set_value(self, value: Any) -> None:
        self.list.clear()
        self._ids = []
        for record_id in value or []:
            self._append(record_id)

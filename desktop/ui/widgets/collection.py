"""Owned rows edited in place: participants, follow-ups, resources, parties, links.

A plain table, one column per field of the collection, edited with the same editors as
the form (a delegate builds them), with Add / Remove / Up / Down. Kept rows keep their
id so they keep their identity when saved.

The values (and ids) live in a Python list parallel to the table's rows, not in item data
roles: the items carry only the text shown. Dates, lists and ``None`` never go through a
QVariant, and an edit reads nothing back from Qt (see ``desktop/ui/qt_check.py`` for the
PySide6 release that lost a reference to ``None`` on every such call).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fields import Collection, Field, FieldType
from desktop.core.formatting import display
from desktop.ui.widgets.cell_fit import editor_rect
from desktop.ui.widgets.elided import fit_header_titles
from desktop.ui.widgets.fields import FieldEditor, make_editor


def _tab_direction(event: QEvent) -> bool | None:
    """True for Tab, False for Shift+Tab, None for any other event."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return None
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                            | Qt.KeyboardModifier.AltModifier):
        return None
    if event.key() == Qt.Key.Key_Backtab or (
            event.key() == Qt.Key.Key_Tab
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
        return False
    if event.key() == Qt.Key.Key_Tab:
        return True
    return None


class _CellKeys(QObject):
    """Tab in the grid or in a cell's editor moves to the next cell, not out of the form.

    A cell editor is created late, so it sits at the end of the window's focus chain:
    Qt's own Tab from it lands on the first widget of the window, the navigation list,
    where typing switches pages. This filter keeps Tab inside the grid until its last
    cell (Shift+Tab until its first) and then moves on to the neighbouring field.
    """

    def __init__(self, owner: CollectionEditor) -> None:
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        forward = _tab_direction(event)
        if forward is None:
            return False
        self.owner.step(forward)
        return True


class _Delegate(QStyledItemDelegate):
    def __init__(self, editor: CollectionEditor) -> None:
        super().__init__(editor)
        self.owner = editor

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        fld = self.owner.fields[index.column()]
        widget = make_editor(fld, self.owner.lookups, parent)
        widget.setAutoFillBackground(True)
        # The focus sits on the editor's inner widget, out of reach of the delegate's
        # event filter, so Tab or a click on Save would not commit: commit every edit.
        widget.changed.connect(lambda: self.commitData.emit(widget))
        for child in widget.findChildren(QWidget):  # where the focus really is
            child.installEventFilter(self.owner.cell_keys)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        forward = _tab_direction(event)
        if forward is not None:  # the editor itself: same as in its inner widgets
            self.owner.step(forward)
            return True
        return super().eventFilter(watched, event)

    def updateEditorGeometry(self, widget: QWidget, option: QStyleOptionViewItem,
                             _index: QModelIndex | QPersistentModelIndex) -> None:
        widget.setGeometry(editor_rect(widget, option.rect))  # not squeezed into the cell

    def setEditorData(self, widget: QWidget,
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(widget, FieldEditor)
        value = self.owner.value_at(index.row(), index.column())
        if widget.value() != value:  # not the echo of the editor's own commit
            widget.set_value(value)

    def setModelData(self, widget: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(widget, FieldEditor)
        self.owner.set_cell(index.row(), index.column(), widget.value())


class CollectionEditor(QWidget):
    changed = Signal()

    def __init__(self, collection: Collection, lookups: Any, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.lookups = lookups
        self.fields: tuple[Field, ...] = collection.fields
        self._rows: list[dict[str, Any]] = []  # per table row: {"id"?, field: value}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setAccessibleName(str(collection.label))
        self.table.setHorizontalHeaderLabels(
            [str(f.label) + (" *" if f.required else "") for f in self.fields])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_header_titles(self.table.horizontalHeader())  # no "erkedudukan"
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.cell_keys = _CellKeys(self)
        self.table.setItemDelegate(_Delegate(self))
        self.table.setTabKeyNavigation(False)  # Tab is handled by cell_keys
        self.table.installEventFilter(self.cell_keys)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(200)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("+ Tambah baris"), self)
        self.remove_button = QPushButton(self.tr("Hapus baris"), self)
        self.up_button = QPushButton("↑", self)
        self.up_button.setFixedWidth(36)  # an arrow needs no more; keeps the pane narrow
        self.up_button.setToolTip(self.tr("Naikkan"))
        self.up_button.setAccessibleName(self.tr("Naikkan"))
        self.down_button = QPushButton("↓", self)
        self.down_button.setFixedWidth(36)  # an arrow needs no more; keeps the pane narrow
        self.down_button.setToolTip(self.tr("Turunkan"))
        self.down_button.setAccessibleName(self.tr("Turunkan"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        self._rows = []
        for row in rows:
            self._append(row)
        self.show_errors({})

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for kept in self._rows:
            row: dict[str, Any] = {"id": kept["id"]} if kept.get("id") else {}
            row.update({fld.name: _copy(kept.get(fld.name)) for fld in self.fields})
            out.append(row)
        return out

    def value_at(self, r: int, c: int) -> Any:
        if not 0 <= r < len(self._rows):
            return None
        return self._rows[r].get(self.fields[c].name)

    def _append(self, row: dict[str, Any]) -> None:
        r = self.table.rowCount()
        kept: dict[str, Any] = {"id": row["id"]} if row.get("id") else {}
        kept.update({fld.name: _copy(row.get(fld.name, fld.default)) for fld in self.fields})
        self._rows.append(kept)
        self.table.insertRow(r)
        for c, fld in enumerate(self.fields):
            item = QTableWidgetItem()
            item.setText(self._text(fld, kept[fld.name]))
            self.table.setItem(r, c, item)

    def _text(self, fld: Field, value: Any) -> str:
        """What a cell shows for ``value``: names of linked records, labels of codes."""
        if fld.type == FieldType.REF and value:
            text = self.lookups.records(fld.ref).text_of(value)
        elif fld.type == FieldType.REGION and value:
            text = self.lookups.regions().text_of(value)
        elif fld.type == FieldType.DATE and isinstance(value, str):
            text = value
        elif isinstance(value, (date, bool, list)) or fld.choices is not None:
            text = display(value, fld.choices)
        else:
            text = "" if value is None else str(value)
        return text

    def _show(self, r: int, c: int) -> None:
        item = self.table.item(r, c)
        if item is not None:
            text = self._text(self.fields[c], self.value_at(r, c))
            if item.text() != text:
                item.setText(text)

    def reload_lookups(self, kind: str) -> None:
        """Show the current names of linked records of ``kind``."""
        for c, fld in enumerate(self.fields):
            if fld.ref != kind:
                continue
            for r in range(self.table.rowCount()):
                self._show(r, c)

    def set_cell(self, r: int, c: int, value: Any) -> None:
        if not 0 <= r < len(self._rows) or not 0 <= c < len(self.fields):
            return
        row = self._rows[r]
        name = self.fields[c].name
        if row.get(name) != value:
            row[name] = _copy(value)
            self._show(r, c)
            self.changed.emit()

    # ------------------------------------------------------------------ keyboard
    def step(self, forward: bool) -> None:
        """Tab (``forward``) or Shift+Tab: the next or previous cell, editing it; past
        the last cell (before the first) the focus leaves the grid to its neighbour."""
        rows, columns = self.table.rowCount(), len(self.fields)
        current = self.table.currentIndex()
        editor = self.table.indexWidget(current) if current.isValid() else None
        if isinstance(editor, FieldEditor):
            self.table.itemDelegate().commitData.emit(editor)
        if not current.isValid():
            position = 0 if forward else rows * columns - 1
        else:
            position = current.row() * columns + current.column() + (1 if forward else -1)
        if rows == 0 or not 0 <= position < rows * columns:
            if isinstance(editor, FieldEditor):
                self.table.itemDelegate().closeEditor.emit(editor)
            self._leave(forward)
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        r, c = divmod(position, columns)
        self.table.setCurrentCell(r, c)
        if self.table.indexWidget(self.table.currentIndex()) is None:
            self.table.editItem(self.table.item(r, c))
        reveal(self.table.indexWidget(self.table.currentIndex()) or self.table)

    def _leave(self, forward: bool) -> None:
        if forward:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
            reveal(self.add_button)
            return
        widget = self.table.previousInFocusChain()
        while widget is not None and widget is not self.table:
            if (widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and not self.table.isAncestorOf(widget)):
                widget.setFocus(Qt.FocusReason.BacktabFocusReason)
                reveal(widget)
                return
            widget = widget.previousInFocusChain()

    # ------------------------------------------------------------------ actions
    def add_row(self) -> None:
        self._append({})
        r = self.table.rowCount() - 1
        self.table.setCurrentCell(r, 0)
        self.table.editItem(self.table.item(r, 0))
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)
            del self._rows[r]
        if rows:
            self.changed.emit()

    def move_selected(self, step: int) -> None:
        r = self.table.currentRow()
        target = r + step
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[r], rows[target] = rows[target], rows[r]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        """Messages keyed like ``peserta[1].nama``, shown under the table with the row."""
        lines = []
        prefix = self.collection.name
        names = {f.name: str(f.label) for f in self.fields}
        for key, messages in errors.items():
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix):]
            if rest.startswith("[") and "]." in rest:
                index, field_name = rest[1:].split("].", 1)
                label = names.get(field_name.split("[")[0], field_name)
                lines.append(self.tr("Baris {row}, {field}: {message}")
                             .replace("{row}", str(int(index) + 1))
                             .replace("{field}", label).replace("{message}", " ".join(messages)))
            else:
                lines.append(" ".join(messages))
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))


def reveal(widget: QWidget) -> None:
    """Scroll the form to ``widget``: Qt does so for its own Tab, not for one moved here."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()


def _copy(value: Any) -> Any:
    """A list value (several codes or ids) is copied, so no editor shares it with a row."""
    return list(value) if isinstance(value, list) else value

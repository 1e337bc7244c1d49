"""One editor widget per field type, all with ``value()``, ``set_value()`` and ``changed``.

Editors hand back what the user typed (text for dates and numbers); the core decides
whether it is valid and says why not, so rules live in one place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.core.fields import Field, FieldType
from desktop.core.formatting import long_date, short_date
from desktop.core.validation import FieldProblem, parse_date
from desktop.ui.lookups import Option


class FieldEditor(QWidget):
    changed = Signal()
    submitted = Signal()  # Enter in a single-line editor: the form's "save"

    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = fld
        self.setAccessibleName(str(fld.label))

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self


def _row(parent: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    return layout


class TextEditor(FieldEditor):
    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(str(fld.label))
        if fld.type == FieldType.URL:
            self.edit.setPlaceholderText("https://")
        elif fld.type == FieldType.NIP:
            self.edit.setPlaceholderText("18 digit")
        elif fld.type in (FieldType.TAGS,):
            self.edit.setPlaceholderText(self.tr("pisahkan dengan koma"))
        _row(self).addWidget(self.edit)
        self.edit.textEdited.connect(self.changed)
        self.edit.returnPressed.connect(self.submitted)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        text = self.edit.text()
        if self.field.type == FieldType.TAGS:
            return [t.strip() for t in text.split(",") if t.strip()]
        return text

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        text = "" if value is None else str(value)
        if text == self.edit.text():
            return  # the same (the record as just saved): the cursor stays where it is
        self.edit.setText(text)
        self.edit.setCursorPosition(0)  # show the start of a long title


class LongTextEditor(FieldEditor):
    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(str(fld.label))
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(64)
        self.edit.setMaximumHeight(110)
        if fld.type == FieldType.TEXTLIST:
            self.edit.setPlaceholderText(self.tr("satu butir per baris"))
        _row(self).addWidget(self.edit)
        self.edit.textChanged.connect(self.changed)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        if self.field.type == FieldType.TEXTLIST:
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = "\n".join(value)
        self.edit.blockSignals(True)
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.blockSignals(False)


class DateEditor(FieldEditor):
    """dd/mm/yyyy typed or picked from a calendar; may stay empty."""

    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        layout = _row(self)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(str(fld.label))
        self.edit.setPlaceholderText(self.tr("HH/BB/TTTT"))
        self.edit.setMaximumWidth(130)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Pilih dari kalender"))
        self.button.setAccessibleName(self.tr("Pilih dari kalender"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # not a Tab stop of its own (one stop per field); Alt+Down opens it, as on a combo
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(self._picked)
        self.hint = QLineEdit(self)
        self.hint.setReadOnly(True)
        self.hint.setFrame(False)
        self.hint.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint.setObjectName("dateHint")
        self.hint.setMinimumWidth(self.hint.fontMetrics().horizontalAdvance(
            long_date(date(2026, 9, 30))) + 8)  # the longest month name fits
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addWidget(self.hint, 1)
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self.submitted)
        QShortcut(QKeySequence("Alt+Down"), self.edit, self.button.showMenu,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.setFocusProxy(self.edit)

    def _typed(self) -> None:
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        try:
            parsed = parse_date(self.edit.text())
        except FieldProblem:
            parsed = None
        self.hint.setText(long_date(parsed) if parsed else "")
        self.hint.setCursorPosition(0)  # "30 September 2026", never "ember 2026"
        self.hint.setToolTip(self.hint.text())

    def _sync_calendar(self) -> None:
        from desktop.ui.style import tint_calendar

        tint_calendar(self.calendar)
        try:
            current = parse_date(self.edit.text()) or date.today()
        except FieldProblem:
            current = date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, qdate: QDate) -> None:
        self.edit.setText(short_date(date(qdate.year(), qdate.month(), qdate.day())))
        self.button.menu().hide()
        self._typed()

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(short_date(value) if isinstance(value, date) else (value or ""))
        self._update_hint()


class BoolEditor(FieldEditor):
    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.box = QCheckBox(str(fld.label), self)
        _row(self).addWidget(self.box)
        self.box.toggled.connect(self.changed)
        self.setFocusProxy(self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(str(fld.label))
        # the codes in Python, by combo index: the blank entry holds no None in item data,
        # and value() reads nothing back from Qt
        self._codes: list[Any] = []
        if not fld.required:
            self.combo.addItem("")
            self._codes.append(None)
        assert fld.choices is not None
        for choice in fld.choices:
            self.combo.addItem(str(choice.label), choice.code)  # for findData; read: _codes
            self._codes.append(choice.code)
        _row(self).addWidget(self.combo)
        self.combo.activated.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.combo)

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._codes[index] if 0 <= index < len(self._codes) else None

    def set_value(self, value: Any) -> None:
        index = self._codes.index(value) if value in self._codes else 0
        self.combo.setCurrentIndex(index)


class ChoicesEditor(FieldEditor):
    """Several codes: one check box each (sets are small: sasaran, platform, format)."""

    COLUMNS = 2

    def __init__(self, fld: Field, parent: QWidget | None = None) -> None:
        super().__init__(fld, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        assert fld.choices is not None
        for index, choice in enumerate(fld.choices):
            box = QCheckBox(str(choice.label), self)
            box.toggled.connect(self.changed)
            self.boxes[choice.code] = box
            layout.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
        layout.setColumnStretch(self.COLUMNS, 1)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)


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
        _row(self).addWidget(self.combo)
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
        row = _row(adder)
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


def make_editor(fld: Field, lookups: Any, parent: QWidget | None = None) -> FieldEditor:
    """The editor for a field; ``lookups`` supplies record and region pickers."""
    match fld.type:
        case FieldType.LONGTEXT | FieldType.TEXTLIST:
            return LongTextEditor(fld, parent)
        case FieldType.DATE:
            return DateEditor(fld, parent)
        case FieldType.BOOL:
            return BoolEditor(fld, parent)
        case FieldType.CHOICE:
            return ChoiceEditor(fld, parent)
        case FieldType.CHOICES:
            return ChoicesEditor(fld, parent)
        case FieldType.REF:
            return PickEditor(fld, lookups.records(fld.ref), parent)
        case FieldType.REFS:
            return RefsEditor(fld, lookups.records(fld.ref), parent)
        case FieldType.REGION:
            return PickEditor(fld, lookups.regions(), parent)
        case _:
            return TextEditor(fld, parent)

"""One editor widget per field type, all with ``value()``, ``set_value()`` and ``changed``.

Editors hand back what the user typed (text for dates and numbers); the core decides
whether it is valid and says why not, so rules live in one place. The base class is in
``field_base``; the editors that pick other records or regions in ``record_pickers``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.core.fields import Field, FieldType
from desktop.core.formatting import long_date, short_date
from desktop.core.validation import FieldProblem, parse_date
from desktop.ui.widgets.field_base import FieldEditor, row_layout
from desktop.ui.widgets.record_pickers import PickEditor, RefsEditor

__all__ = [
    "BoolEditor", "ChoiceEditor", "ChoicesEditor", "DateEditor", "FieldEditor", "LongTextEditor",
    "PickEditor", "RefsEditor", "TextEditor", "make_editor",
]


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
        row_layout(self).addWidget(self.edit)
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
        row_layout(self).addWidget(self.edit)
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
        layout = row_layout(self)
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
        row_layout(self).addWidget(self.box)
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
        row_layout(self).addWidget(self.combo)
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

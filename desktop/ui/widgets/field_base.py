"""The base of every field editor (``desktop.ui.widgets.fields`` has the editors)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from desktop.core.fields import Field


class FieldEditor(QWidget):
    """What every field editor is: a value in, a value out, ``changed`` and ``submitted``."""

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


def row_layout(parent: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    return layout

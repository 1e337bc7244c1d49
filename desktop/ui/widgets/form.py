"""The edit form of a record, built from the kind's field declarations.

Each field gets its editor and, under it, a message label the core's field-level
errors are written into. The form knows whether it differs from what was loaded, so
unsaved work is never dropped silently.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.core.fields import FieldType
from desktop.core.kinds.base import RecordKind
from desktop.core.validation import clean_fields
from desktop.ui.widgets.articles import ArticlesEditor
from desktop.ui.widgets.collection import CollectionEditor
from desktop.ui.widgets.fields import FieldEditor, make_editor


class RecordForm(QWidget):
    changed = Signal()
    submitted = Signal()  # Enter in a single-line field: save
    loaded = Signal(object)  # the record now shown (None: a new one)

    def __init__(self, kind: RecordKind, lookups: Any, parent: QWidget | None = None,
                 collections: tuple[str, ...] | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self.collections: dict[str, Any] = {}  # CollectionEditor or ArticlesEditor
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for fld in kind.fields:
            editor = make_editor(fld, lookups, self)
            editor.setObjectName(f"field_{fld.name}")
            editor.changed.connect(self.changed)
            editor.changed.connect(lambda name=fld.name: self._recheck(name))
            editor.submitted.connect(self.submitted)
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(error)
            label_text = "" if fld.type == FieldType.BOOL else str(fld.label) + (
                " *" if fld.required else "")
            label = QLabel(label_text, self)
            label.setBuddy(editor)
            form.addRow(label, holder)
            self.editors[fld.name] = editor
            self.errors[fld.name] = error
        outer.addLayout(form)
        for coll in kind.collections:
            if collections is not None and coll.name not in collections:
                continue
            group = QGroupBox(str(coll.label), self)
            inner = QVBoxLayout(group)
            editor: Any = (ArticlesEditor(group) if coll.children and coll.name == "pasal"
                           else CollectionEditor(coll, lookups, group))
            editor.setObjectName(f"collection_{coll.name}")
            editor.changed.connect(self.changed)
            inner.addWidget(editor)
            outer.addWidget(group)
            self.collections[coll.name] = editor
        outer.addStretch(1)
        self._baseline: dict[str, Any] = {}

    def load(self, record: dict[str, Any] | None) -> None:
        """Show a record (or the defaults of a new one) and take it as the clean state."""
        for fld in self.kind.fields:
            value = record.get(fld.name) if record else fld.default
            self.editors[fld.name].set_value(value)
        for name, editor in self.collections.items():
            editor.set_rows(list(record.get(name) or []) if record else [])
        self.show_errors({})
        self._baseline = self.values()
        self.loaded.emit(record)

    def fill(self, values: dict[str, Any]) -> None:
        """Lay ``values`` over the form (a recovered draft) without moving the clean state,
        so what differs from the loaded record counts as unsaved."""
        for name, value in values.items():
            if name in self.editors:
                self.editors[name].set_value(value)
            elif name in self.collections:
                self.collections[name].set_rows(list(value or []))
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        data = {name: editor.value() for name, editor in self.editors.items()}
        for name, editor in self.collections.items():
            data[name] = editor.rows()
        return data

    def is_dirty(self) -> bool:
        return self.values() != self._baseline

    def mark_clean(self) -> None:
        self._baseline = self.values()

    def mark_unsaved(self) -> None:
        """A draft shown in the form is work to keep: leaving it asks first."""
        self._baseline = {}

    def reload_lookups(self, kind: str) -> None:
        """Records of ``kind`` changed: pickers and shown names follow, the edit stays."""
        for editor in self.editors.values():
            if editor.field.ref == kind and hasattr(editor, "reload"):
                editor.reload()
        for collection in self.collections.values():
            if hasattr(collection, "reload_lookups"):
                collection.reload_lookups(kind)

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        for name, label in self.errors.items():
            messages = errors.get(name, [])
            label.setText(" ".join(messages))
            label.setVisible(bool(messages))
        for editor in self.collections.values():
            editor.show_errors(errors)
        first = next((n for n in self.editors if errors.get(n)), None)
        if first is not None:
            self.editors[first].setFocus()

    def _recheck(self, name: str) -> None:
        """A field showing an error is checked again on every edit, so the message goes
        as soon as the value is right (or says what is still wrong). Only the field's own
        rules run here; the save checks everything again."""
        label = self.errors[name]
        if label.isHidden():
            return
        fld = self.editors[name].field
        errors: dict[str, list[str]] = {}
        clean_fields((fld,), {name: self.editors[name].value()}, errors)
        messages = errors.get(name, [])
        label.setText(" ".join(messages))
        label.setVisible(bool(messages))

    def first_editor(self) -> QWidget | None:
        """The first field a keyboard user can type into (Ctrl+N puts the cursor there)."""
        for editor in self.editors.values():
            target = editor.focusProxy() or editor
            if target.isEnabled() and target.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return editor
        return None

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

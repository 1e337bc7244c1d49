"""The audit history of one record: who changed which field, from what, to what."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.choices import AKSI_AUDIT
from desktop.core.fields import Field, FieldType
from desktop.core.formatting import date_time, display, short_date
from desktop.core.kinds.base import RecordKind

MAX_TEXT = 1000  # characters of one value shown (and in its tooltip)


def _text(value: Any, fld: Field | None = None, names: Any = None) -> str:
    """What a value was, in words: a linked record's or a region's name (an id or a
    Kemendagri code tells a clerk nothing), a choice's label, else the value."""
    if value is None:
        return "—"
    if fld is not None and names is not None:
        if fld.type == FieldType.REF and fld.ref and isinstance(value, str):
            return str(names.records(fld.ref).text_of(value))
        if fld.type == FieldType.REFS and fld.ref and isinstance(value, list):
            return ", ".join(str(names.records(fld.ref).text_of(v)) for v in value)
        if fld.type == FieldType.REGION and isinstance(value, str):
            return str(names.regions().text_of(value))
    if fld is not None and fld.choices is not None:
        return display(value, fld.choices)  # the label, not the stored code
    if fld is not None and fld.type == FieldType.DATE and isinstance(value, str):
        try:  # stored as ISO text in the audit log: shown as the form shows dates
            return short_date(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return _shorten(_rows(value))  # a sub-list: its rows' values, not JSON
    if isinstance(value, (list, dict)):
        return _shorten(json.dumps(value, ensure_ascii=False))
    return str(value)


def _rows(rows: list[dict[str, Any]]) -> str:
    """Rows of a sub-list (participants, parties, articles) as "a · b; c · d"."""
    def cell(value: Any) -> str:
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return f"({_rows(value)})" if value else ""
        return "" if value in (None, "", []) else str(value)

    return "; ".join(" · ".join(text for key, v in row.items() if key != "id"
                                 and (text := cell(v))) for row in rows)


def _shorten(text: str) -> str:
    """Whole in the tooltip up to a long paragraph; an agreement's articles are pages."""
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget, kind: RecordKind, history: list[dict[str, Any]],
                 title: str, names: Any = None) -> None:
        """``names``: the page's lookups (``records(kind).text_of``, ``regions()``), to
        show linked records and regions by name."""
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Riwayat: {title}").replace("{title}", title))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Setiap perubahan tercatat dengan nama pengguna dan "
                                        "waktunya (UTC)."), self))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Waktu / kolom"), self.tr("Pengguna / sebelum"),
                                   self.tr("Tindakan / sesudah")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        fields = {f.name: f for f in kind.fields}
        labels = {f.name: str(f.label) for f in kind.fields}
        labels.update({c.name: str(c.label) for c in kind.collections})
        for entry in history:
            top = QTreeWidgetItem([date_time(entry["waktu"]), entry["pengguna"],
                                   AKSI_AUDIT.label(entry["aksi"])])
            for field_name, (before, after) in entry["perubahan"].items():
                fld = fields.get(field_name)
                line = QTreeWidgetItem(top, [labels.get(field_name, field_name),
                                             _text(before, fld, names),
                                             _text(after, fld, names)])
                for column in (1, 2):  # a long value is elided in its column: whole here
                    line.setToolTip(column, line.text(column))
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget, kind: RecordKind, history: list[dict[str, Any]],
                 title: str, names: Any = None) -> HistoryDialog:
        dialog = cls(parent, kind, history, title, names)
        dialog.open()
        return dialog

"""The document checks' findings on the Kerja Sama page, under its buttons.

Each finding about a place is a link: following it (click, or Tab and Enter) selects that
article (pasal, ayat, butir) in the article tree, the premises, or the field to fill, and
scrolls the form to it. Findings belong to the record they were made for.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.widgets.collection import reveal
from desktop.ui.widgets.form import RecordForm


class FindingsLabel(QLabel):
    """The findings as lines of text, those about a place as links into the form."""

    def __init__(self, form: RecordForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.items: list[Any] = []
        self.setObjectName("findings")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.linkActivated.connect(self._followed)
        self.hide()

    def show_findings(self, findings: list[Any]) -> None:
        self.items = list(findings)
        if not findings:
            self.setText(self.tr("✔ Naskah lengkap: tidak ada catatan."))
        else:
            lines = []
            for index, finding in enumerate(findings):
                text = html.escape(finding.message)
                if getattr(finding, "in_text", False) or finding.field:
                    text = f'<a href="finding:{index}">{text}</a>'
                lines.append(f"⚠ {text}")
            self.setText("<br>".join(lines))
        self.show()

    def clear_findings(self) -> None:
        self.items = []
        self.clear()
        self.hide()

    def _followed(self, link: str) -> None:
        index = int(link.split(":", 1)[1]) if link.startswith("finding:") else -1
        if 0 <= index < len(self.items):
            self.select_finding(self.items[index])

    def select_finding(self, finding: Any) -> None:
        """Show where a finding is: its article in the article tree, the premises, or the
        field to fill."""
        if finding.pasal is not None and "pasal" in self.form.collections:
            self.select_article(finding.pasal, finding.ayat, finding.butir)
            return
        name = "premis" if finding.premis is not None else \
            str(finding.field or "").split("[", 1)[0].split(".", 1)[0]
        widget = self.form.editors.get(name) or self.form.collections.get(name)
        if widget is not None:
            reveal(widget)
            widget.setFocus()

    def select_article(self, pasal: int, ayat: int | None = None,
                       butir: int | None = None) -> bool:
        editor = self.form.collections["pasal"]
        tree = editor.tree
        item = tree.topLevelItem(pasal) if 0 <= pasal < tree.topLevelItemCount() else None
        for index in (ayat, butir):
            if item is None or index is None:
                break
            item = item.child(index) if 0 <= index < item.childCount() else item
        if item is None:
            return False
        tree.setCurrentItem(item)
        tree.scrollToItem(item)
        reveal(editor)
        tree.setFocus()
        return True

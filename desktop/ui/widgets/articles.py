"""Editing an agreement's articles: Pasal -> ayat -> butir, as a tree.

The tree shows the structure ("Pasal 3 MAKSUD DAN TUJUAN", "(1) ...", "a. ..."); the text
of the selected node is edited below it. Add, remove and move keep the numbering right
because numbers are never stored: they come from the order.

In a page that allows it ("Perluas…", Ctrl+Shift+E) the same widget moves into a window
of its own (``desktop/ui/articles_window.py``) and lays the tree beside a tall text area
(``set_wide``): one editor, never a copy to sync.

The text of each node lives in a Python dict (``self._nodes``), keyed by a plain int kept
in the tree item: never a dict or ``None`` round-tripped through an item data role. A
keystroke changes that dict and the label of the one node typed into; only add, remove
and move renumber the tree. (Reading a dict back from a role and writing it again on every
keystroke, and renaming every node each time, made thousands of binding calls a minute:
with PySide6 6.12.0 on Python 3.11 each one lost a reference to ``None`` until the
interpreter aborted with ``none_dealloc``; see ``desktop/ui/qt_check.py``.) How a node's
place reads (label, error key) is in ``articles_tree``.

Article texts keep their ``{placeholders}`` (``{jangka_waktu}``, ``{sumber_biaya}``), filled
from the agreement's fields whenever it is printed. Given those values (``set_values``, by
the Kerja Sama page as the form changes), the tree reads as the document will print, and
under the text being edited a line says how it prints and which placeholders are still
blank; without them (the template editor) the tree shows the placeholders as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agreement_templates import PLACEHOLDER
from desktop.documents.naskah import blank_slots, printed_text
from desktop.ui.widgets.articles_tree import (
    KEY_ROLE,
    LETTERS,
    error_key,
    expand_all,
    level_of,
    node_label,
)

WIDE_FONT_SCALE = 1.15  # the text area's font in the wide window
COMPACT_TEXT_HEIGHT = 100  # the text under the tree, in the form's narrow pane
PRINTED_MAX = 320  # characters of the "Tercetak:" line before it is cut short
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


class ArticlesEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlesEditor")
        layout = self._outer = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Pasal"))
        self.tree.setMinimumHeight(180)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("articleText")
        self.text.setAccessibleName(self.tr("Teks pasal, ayat atau butir"))
        self.text.setMaximumHeight(COMPACT_TEXT_HEIGHT)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Pilih pasal, ayat atau butir untuk mengubah "
                                             "teksnya"))
        buttons = QHBoxLayout()
        self.add_pasal = QPushButton(self.tr("+ Pasal"), self)
        self.add_ayat = QPushButton(self.tr("+ Ayat"), self)
        self.add_butir = QPushButton(self.tr("+ Butir"), self)
        self.remove = QPushButton(self.tr("Hapus"), self)
        self.up = QPushButton("↑", self)
        self.up.setFixedWidth(36)  # an arrow needs no more; keeps the pane narrow
        self.up.setAccessibleName(self.tr("Naikkan"))
        self.down = QPushButton("↓", self)
        self.down.setFixedWidth(36)  # an arrow needs no more; keeps the pane narrow
        self.down.setAccessibleName(self.tr("Turunkan"))
        for button in (self.add_pasal, self.add_ayat, self.add_butir, self.remove, self.up,
                       self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.widen = QPushButton(self.tr("Perluas…"), self)
        self.widen.setObjectName("widenArticles")
        self.widen.setToolTip(self.tr("Sunting pasal di jendela lebar (Ctrl+Shift+E)"))
        self.widen.hide()  # until a page offers the wide window (allow_widening)
        buttons.addWidget(self.widen)
        for button in (self.add_pasal, self.add_ayat, self.add_butir, self.remove, self.up,
                       self.down, self.widen):
            button.setAutoDefault(False)  # in a dialog, Enter in the tree must not add a Pasal
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        # Two panes in a splitter: the tree (with its buttons) and the text. Narrow, in the
        # form, they are stacked; wide (its own window) they sit side by side.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        tree_pane = QWidget(self.splitter)
        tree_layout = QVBoxLayout(tree_pane)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree)
        tree_layout.addLayout(buttons)
        self.splitter.addWidget(tree_pane)
        text_pane = QWidget(self.splitter)
        text_layout = QVBoxLayout(text_pane)
        text_layout.setContentsMargins(0, 0, 0, 0)
        self.where = QLabel(text_pane)  # "Pasal 3, ayat (1)": what the wide text area holds
        self.where.setObjectName("articlePlace")
        bold = self.where.font()
        bold.setBold(True)
        self.where.setFont(bold)
        self.where.hide()
        text_layout.addWidget(self.where)
        text_layout.addWidget(self.text, 1)
        self._text_layout = text_layout
        # how the selected text prints, when a placeholder makes it differ from the typing:
        # under the splitter in the form (a splitter pane would not grow for it, and the
        # line would cover the text), under the text in the wide window (``set_wide``)
        self.printed = QLabel(self)
        self.printed.setObjectName("articlePrinted")
        self.printed.setProperty("tone", "muted")  # a reading of the text, not the text
        self.printed.setWordWrap(True)
        self.printed.setTextFormat(Qt.TextFormat.PlainText)  # an officer's "<" stays "<"
        self.printed.hide()
        self.splitter.addWidget(text_pane)
        layout.addWidget(self.splitter)
        layout.addWidget(self.printed)
        layout.addWidget(self.error)
        self.wide = False
        self.can_widen = False
        self.add_pasal.clicked.connect(lambda: self.add(0))
        self.add_ayat.clicked.connect(lambda: self.add(1))
        self.add_butir.clicked.connect(lambda: self.add(2))
        self.remove.clicked.connect(self.remove_current)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.tree.currentItemChanged.connect(self._selected)
        self.text.textChanged.connect(self._text_edited)
        self._loading = False
        self._nodes: dict[int, dict[str, Any]] = {}  # key -> {"id"?, "judul"|"teks"}
        self._next_key = 1
        self._values: dict[str, str] | None = None  # what each placeholder prints as

    def allow_widening(self) -> None:
        """Show the "Perluas…" button (its page opens the wide window on click)."""
        self.can_widen = True
        self.widen.setVisible(not self.wide)

    def set_wide(self, wide: bool) -> None:
        """Side by side with a tall text area (its own window), or stacked (the form)."""
        self.wide = wide
        self.widen.setVisible(self.can_widen and not wide)
        self.where.setVisible(wide)
        font = self.text.font()  # long legal text reads better a little larger
        font.setPointSizeF(self.font().pointSizeF() * (WIDE_FONT_SCALE if wide else 1.0))
        self.text.setFont(font)
        outer = self._outer
        if wide:
            outer.removeWidget(self.printed)
            self._text_layout.addWidget(self.printed)
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.text.setMaximumHeight(QWIDGETSIZE_MAX)
            self.tree.setMinimumHeight(0)
            self.fit_panes()
        else:
            self._text_layout.removeWidget(self.printed)
            outer.insertWidget(outer.indexOf(self.splitter) + 1, self.printed)
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.text.setMaximumHeight(COMPACT_TEXT_HEIGHT)
            self.tree.setMinimumHeight(180)
            self.splitter.setSizes([260, COMPACT_TEXT_HEIGHT])

    def fit_panes(self) -> None:
        """Wide: two fifths for the tree (its buttons need ~420 px), the rest for the text."""
        width = self.splitter.width()
        tree = max(width * 2 // 5, self.splitter.widget(0).minimumSizeHint().width())
        self.splitter.setSizes([tree, max(width - tree, 1)])

    # ------------------------------------------------------------------ data
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self._loading = True
        self.tree.clear()
        self._nodes.clear()
        for pasal in rows:
            top = self._item(None, {"id": pasal.get("id"), "judul": pasal.get("judul", "")})
            for ayat in pasal.get("ayat") or []:
                mid = self._item(top, {"id": ayat.get("id"), "teks": ayat.get("teks", "")})
                for butir in ayat.get("butir") or []:
                    self._item(mid, {"id": butir.get("id"), "teks": butir.get("teks", "")})
        self.tree.expandAll()
        self._renumber()
        self.text.clear()
        self._loading = False
        self.show_errors({})

    def rows(self) -> list[dict[str, Any]]:
        def node(item: QTreeWidgetItem) -> dict[str, Any]:
            data = dict(self.node(item))
            if not data.get("id"):
                data.pop("id", None)
            child_key = {0: "ayat", 1: "butir"}.get(level_of(item))
            if child_key:
                data[child_key] = [node(item.child(i)) for i in range(item.childCount())]
            return data

        return [node(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())]

    def node(self, item: QTreeWidgetItem) -> dict[str, Any]:
        """The Python-side data of a tree node (its id and its judul or teks)."""
        return self._nodes[int(item.data(0, KEY_ROLE))]

    def _item(self, parent: QTreeWidgetItem | None, data: dict[str, Any]) -> QTreeWidgetItem:
        key = self._next_key
        self._next_key += 1
        node = {"judul": data.get("judul") or ""} if "judul" in data else {
            "teks": data.get("teks") or ""}
        if data.get("id"):
            node = {"id": data["id"], **node}
        self._nodes[key] = node
        item = QTreeWidgetItem()
        item.setData(0, KEY_ROLE, key)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def set_values(self, values: Mapping[str, str] | None) -> None:
        """What each ``{placeholder}`` prints as (``naskah.document_values``), or None to
        show them as typed. Only labels whose words change are set again."""
        values = dict(values) if values is not None else None
        if values == self._values:
            return
        self._values = values
        self._renumber()
        self._show_printed(self.tree.currentItem())

    def _reading(self, text: str) -> str:
        return text if self._values is None else printed_text(text, self._values)

    def _show_printed(self, item: QTreeWidgetItem | None) -> None:
        """"Tercetak: …" under the text, for a text with a placeholder; else hidden."""
        typed = "" if item is None else self._text_of(item)
        if self._values is None or not PLACEHOLDER.search(typed):
            self.printed.hide()
            self.printed.clear()
            return
        printed = " ".join(printed_text(typed, self._values).split())
        # a long ayat is read in the text above: the line keeps to a few lines (whole in
        # its tooltip), so it never squeezes the text area or lengthens the form much
        self.printed.setToolTip(printed if len(printed) > PRINTED_MAX else "")
        if len(printed) > PRINTED_MAX:
            printed = printed[:PRINTED_MAX - 1].rstrip() + "…"
        message = self.tr("Tercetak: {text}").replace("{text}", printed)
        blanks = blank_slots(typed, self._values)
        if blanks:
            message += "\n" + self.tr("Belum terisi (dicetak \"....\"): {slots}").replace(
                "{slots}", ", ".join(blanks))
        self.printed.setText(message)
        self.printed.show()

    def _text_of(self, item: QTreeWidgetItem) -> str:
        data = self.node(item)
        return str(data.get("judul", data.get("teks", "")) or "")

    def _relabel(self, item: QTreeWidgetItem) -> None:
        label = node_label(item, self.node(item), self._reading)
        if item.text(0) != label:
            item.setText(0, label)

    def _renumber(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            pasal = self.tree.topLevelItem(i)
            self._relabel(pasal)
            for j in range(pasal.childCount()):
                ayat = pasal.child(j)
                self._relabel(ayat)
                for k in range(ayat.childCount()):
                    self._relabel(ayat.child(k))
        current = self.tree.currentItem()
        if current is not None:  # the place above the wide text follows the numbering
            self.where.setText(self.place(error_key(current)))

    def _forget(self, item: QTreeWidgetItem) -> None:
        """Drop the Python-side data of a removed node and of everything under it."""
        self._nodes.pop(int(item.data(0, KEY_ROLE)), None)
        for i in range(item.childCount()):
            self._forget(item.child(i))

    # ------------------------------------------------------------------ editing
    def _selected(self, current: QTreeWidgetItem | None, _prev: Any) -> None:
        self._loading = True
        if current is None:
            self.text.clear()
            self.where.clear()
        else:
            self.text.setPlainText(self._text_of(current))
            self.where.setText(self.place(error_key(current)))
        self._show_printed(current)
        self._loading = False

    def _text_edited(self) -> None:
        item = self.tree.currentItem()
        if self._loading or item is None:
            return
        key = "judul" if level_of(item) == 0 else "teks"
        self.node(item)[key] = self.text.toPlainText()
        self._relabel(item)  # numbers did not change: only this node's label
        self._show_printed(item)
        self.changed.emit()

    def add(self, level: int) -> QTreeWidgetItem | None:
        current = self.tree.currentItem()
        if level == 0:
            item = self._item(None, {"judul": self.tr("Judul pasal")})
        else:
            anchor = current
            while anchor is not None and level_of(anchor) >= level:
                anchor = anchor.parent()
            if anchor is None or level_of(anchor) != level - 1:
                return None
            item = self._item(anchor, {"teks": ""})
            anchor.setExpanded(True)
        self._renumber()
        self.tree.setCurrentItem(item)
        self.text.setFocus()
        self.text.selectAll()
        self.changed.emit()
        return item

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        self._forget(item)
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        else:
            parent.removeChild(item)
        self._renumber()
        self.changed.emit()

    def move_current(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            index = self.tree.indexOfTopLevelItem(item)
            target = index + step
            if not 0 <= target < self.tree.topLevelItemCount():
                return
            self.tree.takeTopLevelItem(index)
            self.tree.insertTopLevelItem(target, item)
        else:
            index = parent.indexOfChild(item)
            target = index + step
            if not 0 <= target < parent.childCount():
                return
            parent.takeChild(index)
            parent.insertChild(target, item)
        expand_all(item)
        self.tree.setCurrentItem(item)
        self._renumber()
        self.changed.emit()

    def show_errors(self, errors: dict[str, list[str]]) -> None:
        """Messages keyed like ``pasal[0].ayat[1].teks`` shown as "Pasal 1, ayat (2)"."""
        lines = [f"{self.place(key)}: {' '.join(msgs)}" for key, msgs in errors.items()
                 if key.startswith("pasal")]
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))

    def place(self, key: str) -> str:
        """Where an error key points, in the words of the document."""
        parts: list[str] = []
        for level, index in re.findall(r"(pasal|ayat|butir)\[(\d+)\]", key):
            n = int(index)
            if level == "pasal":
                parts.append(self.tr("Pasal {n}").replace("{n}", str(n + 1)))
            elif level == "ayat":
                parts.append(self.tr("ayat ({n})").replace("{n}", str(n + 1)))
            else:
                parts.append(self.tr("butir {letter}").replace(
                    "{letter}", LETTERS[n] if n < len(LETTERS) else str(n + 1)))
        field_name = key.rsplit(".", 1)[-1] if "]." in key else ""
        if field_name == "judul":
            parts.append(self.tr("judul"))
        elif field_name == "teks":
            parts.append(self.tr("teks"))
        return ", ".join(parts) if parts else self.tr("Pasal")


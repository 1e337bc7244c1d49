"""Where a node of the articles tree stands: its level, its label ("Pasal 3  JUDUL",
"(2) teks…", "b. teks…") and its error key (``pasal[2].ayat[0].teks``), all worked out
from the item's place, because numbers are never stored (``desktop.ui.widgets.articles``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

KEY_ROLE = Qt.ItemDataRole.UserRole + 20  # int: the node's key in ArticlesEditor._nodes
LEVELS = ("pasal", "ayat", "butir")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def level_of(item: QTreeWidgetItem) -> int:
    depth = 0
    parent = item.parent()
    while parent is not None:
        depth += 1
        parent = parent.parent()
    return depth


def index_of(item: QTreeWidgetItem) -> int:
    """The item's place among its siblings (top-level items: in the tree)."""
    parent = item.parent()
    if parent is not None:
        return parent.indexOfChild(item)
    return item.treeWidget().indexOfTopLevelItem(item)


def node_label(item: QTreeWidgetItem, node: dict[str, Any],
               reading: Callable[[str], str] = str) -> str:
    """"Pasal 3  JUDUL", "(2) teks…" or "b. teks…", from the item's place and its text
    as ``reading`` gives it (the editor's: as printed, placeholders filled)."""
    parent = item.parent()
    index = index_of(item)
    if parent is None:
        return f"Pasal {index + 1}  {reading(node.get('judul', '')).upper()}"
    if parent.parent() is None:
        return f"({index + 1}) {short(reading(node.get('teks', '')))}"
    letter = LETTERS[index] if index < len(LETTERS) else str(index + 1)
    return f"{letter}. {short(reading(node.get('teks', '')))}"


def error_key(item: QTreeWidgetItem) -> str:
    """The error-key form of an item's place (``pasal[2].ayat[0].teks``)."""
    path: list[str] = []
    node: QTreeWidgetItem | None = item
    while node is not None:
        path.insert(0, f"{LEVELS[level_of(node)]}[{index_of(node)}]")
        node = node.parent()
    return ".".join(path) + (".judul" if level_of(item) == 0 else "")


def expand_all(item: QTreeWidgetItem) -> None:
    item.setExpanded(True)
    for i in range(item.childCount()):
        expand_all(item.child(i))


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

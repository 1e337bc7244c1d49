"""Type thousands of characters into the record editors of a real main window.

Run by ``tests/gui/test_editor_stress.py`` in a subprocess under ``python -X dev -X
faulthandler`` (a crash then fails that test instead of killing pytest):

    python -X dev -X faulthandler tests/gui/editor_stress_script.py CHARS SUMMARY.json

It opens a new KB, then a new PKS, and drives their article trees (add Pasal, ayat and
butir, type, rename a Pasal, move up and down, delete), their parties (pihak) and lampiran
tables, then the sub-lists of the other record forms (peserta and tindak lanjut of a visit,
the resources of a dataset), all with key presses and button clicks. About half of CHARS
goes to the articles, the rest to the tables. The summary says what was typed and what the
forms hold afterwards, for the test to compare.
"""

from __future__ import annotations

import faulthandler
import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.core.desk import Desk  # noqa: E402
from desktop.core.fields import FieldType  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.record.page import RecordPage  # noqa: E402
from desktop.ui.tasks import TaskManager  # noqa: E402
from desktop.ui.widgets.articles import ArticlesEditor  # noqa: E402
from desktop.ui.widgets.collection import CollectionEditor  # noqa: E402
from desktop.ui.widgets.fields import FieldEditor  # noqa: E402

TYPED_FIELDS = (FieldType.TEXT, FieldType.LONGTEXT)
WORDS = ("kerja", "sama", "daerah", "pihak", "pertama", "kedua", "pasal", "ayat", "data",
         "layanan", "informatika", "pemerintah", "kabupaten", "kota", "dinas")


class Stress:
    def __init__(self, budget: int, folder: Path) -> None:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.rng = random.Random(15)
        self.budget = budget
        self.typed = 0
        self.markers: list[str] = []  # one per typed chunk: found in the form afterwards
        self.desk = Desk.open(folder / "stress.sqlite3", user="stres")
        settings = QSettings(str(folder / "view.ini"), QSettings.Format.IniFormat)
        self.win = MainWindow(self.desk, settings, TaskManager())
        self.win.show()
        self.settle()
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------------ helpers
    def settle(self) -> None:
        for _ in range(3):
            self.win.tasks.wait()
            self.app.processEvents()

    def chunk(self, length: int) -> str:
        """Words and a unique marker, ``length`` characters or so."""
        marker = f"m{len(self.markers):05d}x"
        self.markers.append(marker)
        words = [marker]
        while sum(len(w) + 1 for w in words) < length:
            words.append(self.rng.choice(WORDS))
        return " ".join(words)

    def type(self, widget: QWidget, text: str) -> None:
        QTest.keyClicks(widget, text)
        self.typed += len(text)
        self.app.processEvents()

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def new_page(self, kind: str) -> RecordPage:
        page = self.win.show_kind(kind)
        page.form.mark_clean()
        page.new_record(ask=False)
        self.settle()
        return page

    # ------------------------------------------------------------------ articles
    def articles(self, editor: ArticlesEditor, budget: int) -> None:
        tree = editor.tree
        start = self.typed
        self._every_action_once(editor)
        while self.typed - start < budget:
            step = self.rng.random()
            if step < 0.12:
                QTest.mouseClick(editor.add_pasal, _left())
                self.count("pasal added")
                self.type(editor.text, self.chunk(20))  # the new title: a rename
            elif step < 0.3:
                self._select_random(editor, level=self.rng.choice((0, 1)))
                QTest.mouseClick(editor.add_ayat, _left())
                self.count("ayat added")
                self.type(editor.text, self.chunk(self.rng.randint(40, 160)))
            elif step < 0.42:
                self._select_random(editor, level=1)
                QTest.mouseClick(editor.add_butir, _left())
                self.count("butir added")
                self.type(editor.text, self.chunk(self.rng.randint(20, 90)))
            elif step < 0.5:
                self._select_random(editor, level=None)
                QTest.mouseClick(self.rng.choice((editor.up, editor.down)), _left())
                self.count("moved")
            elif step < 0.54 and tree.topLevelItemCount() > 3:
                self._select_random(editor, level=None)
                self._forget_markers_under(editor)
                QTest.mouseClick(editor.remove, _left())
                self.count("deleted")
            else:
                self._select_random(editor, level=None)
                cursor = editor.text.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                editor.text.setTextCursor(cursor)
                editor.text.setFocus()
                self.type(editor.text, " " + self.chunk(self.rng.randint(30, 200)))
                self.count("typed into existing")

    def _every_action_once(self, editor: ArticlesEditor) -> None:
        """Add a Pasal with an ayat and two butir, move a butir, delete it, rename a Pasal."""
        click = QTest.mouseClick
        click(editor.add_pasal, _left())
        self.type(editor.text, self.chunk(24))
        click(editor.add_ayat, _left())
        self.type(editor.text, self.chunk(80))
        for _ in range(2):
            click(editor.add_butir, _left())
            self.type(editor.text, self.chunk(40))
        click(editor.up, _left())
        click(editor.down, _left())
        self.count("moved")
        self._forget_markers_under(editor)
        click(editor.remove, _left())
        self.count("deleted")
        editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
        editor.text.setFocus()
        QTest.keyClick(editor.text, "a", _ctrl())
        old_title = editor.node(editor.tree.topLevelItem(0)).get("judul", "")
        self.markers = [m for m in self.markers if m not in old_title]
        self.type(editor.text, self.chunk(30))
        self.count("renamed")

    def _select_random(self, editor: ArticlesEditor, level: int | None) -> None:
        tree = editor.tree
        items = []
        for i in range(tree.topLevelItemCount()):
            pasal = tree.topLevelItem(i)
            items.append((0, pasal))
            for j in range(pasal.childCount()):
                ayat = pasal.child(j)
                items.append((1, ayat))
                items.extend((2, ayat.child(k)) for k in range(ayat.childCount()))
        pool = [item for lvl, item in items if level is None or lvl == level] or \
            [item for _lvl, item in items]
        if pool:
            item = self.rng.choice(pool)
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            QTest.mouseClick(tree.viewport(), _left(), pos=rect.center())
            if tree.currentItem() is not item:  # off screen or under another: set it
                tree.setCurrentItem(item)

    def _forget_markers_under(self, editor: ArticlesEditor) -> None:
        """Text about to be deleted is no longer expected in the form."""
        item = editor.tree.currentItem()
        if item is None:
            return
        stack = [item]
        while stack:
            node = stack.pop()
            text = " ".join(str(v) for v in editor.node(node).values())
            self.markers = [m for m in self.markers if m not in text]
            stack.extend(node.child(i) for i in range(node.childCount()))

    # ------------------------------------------------------------------ tables
    def table(self, editor: CollectionEditor, budget: int) -> None:
        table = editor.table
        columns = [c for c, f in enumerate(editor.fields) if f.type in TYPED_FIELDS]
        start = self.typed
        while self.typed - start < budget:
            step = self.rng.random()
            if step < 0.2 or table.rowCount() == 0:
                QTest.mouseClick(editor.add_button, _left())
                self.count(f"{editor.collection.name} row added")
            elif step < 0.27 and table.rowCount() > 1:
                table.setCurrentCell(self.rng.randrange(table.rowCount()), 0)
                QTest.mouseClick(self.rng.choice((editor.up_button, editor.down_button)),
                                 _left())
                self.count(f"{editor.collection.name} row moved")
            elif step < 0.3 and table.rowCount() > 2:
                r = self.rng.randrange(table.rowCount())
                table.setCurrentCell(r, 0)
                table.selectRow(r)
                gone = " ".join(str(v) for v in editor.rows()[r].values())
                self.markers = [m for m in self.markers if m not in gone]
                QTest.mouseClick(editor.remove_button, _left())
                self.count(f"{editor.collection.name} row deleted")
            else:
                r = self.rng.randrange(table.rowCount())
                c = self.rng.choice(columns)
                self._type_cell(editor, r, c, self.chunk(self.rng.randint(10, 60)))

    def _type_cell(self, editor: CollectionEditor, r: int, c: int, text: str) -> None:
        table = editor.table
        table.setCurrentCell(r, c)  # opens the cell's editor (edit trigger: current changed)
        self.app.processEvents()
        cell = table.visualItemRect(table.item(r, c)).center()

        def editors() -> list[FieldEditor]:
            return [w for w in table.findChildren(FieldEditor)
                    if w.isVisible() and w.geometry().contains(cell)]

        if not editors():
            table.editItem(table.item(r, c))
            self.app.processEvents()
        open_editors = editors()
        assert open_editors, f"no cell editor opened at {editor.collection.name}[{r}, {c}]"
        target = _inner(open_editors[-1])
        target.setFocus()
        QTest.keyClick(target, "a", _ctrl())  # typing replaces the cell, as a user does
        before = editor.rows()[r].get(editor.fields[c].name) or ""
        self.markers = [m for m in self.markers if m not in str(before)]
        self.type(target, text)
        self.count(f"{editor.collection.name} cell typed")

    # ------------------------------------------------------------------ run
    def agreement(self, jenis: str, share: int) -> dict[str, Any]:
        page = self.new_page("agreements")
        page.form.editors["jenis"].set_value(jenis)
        page.form.editors["jenis"].changed.emit()
        self.settle()
        judul = _inner(page.form.editors["judul"])
        judul.setFocus()
        self.type(judul, self.chunk(60))
        self.articles(page.form.collections["pasal"], share * 6 // 10)
        self.table(page.form.collections["pihak"], share * 3 // 10)
        self.table(page.form.collections["lampiran"], share // 10)
        return page.form.values()

    def run(self) -> dict[str, Any]:
        values: list[dict[str, Any]] = []
        share = self.budget * 4 // 10
        values.append(self.agreement("kb", share))
        values.append(self.agreement("pks", share))
        rest = self.budget - self.typed
        for kind in ("visits", "datasets"):
            page = self.new_page(kind)
            for editor in page.form.collections.values():
                if isinstance(editor, CollectionEditor):
                    self.table(editor, max(rest // 3, 200))
            values.append(page.form.values())
        text = json.dumps(values, default=str, ensure_ascii=False)
        missing = [m for m in self.markers if m not in text]
        for page in self.win.pages.built().values():
            page.form.mark_clean()
        self.win.close()
        self.settle()
        return {"typed": self.typed, "markers": len(self.markers), "missing": missing,
                "counts": self.counts}


def _inner(editor: QWidget) -> QWidget:
    """The widget that takes the keys of a field editor (its line or text edit)."""
    return editor.focusProxy() or editor


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _ctrl() -> Any:
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier


def main() -> int:
    budget = int(sys.argv[1])
    out = Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        stress = Stress(budget, Path(folder))
        summary = stress.run()
        stress.desk.close()
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"typed {summary['typed']} characters, {summary['markers']} chunks", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

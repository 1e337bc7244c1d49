"""The README's shortcut table and its "Menu → item" mentions are the program's own.

The table is read from README.md and compared, row by row, with the main window's menu
actions (shortcut, menu, text); every menu action with a shortcut must be in the table.
A README that says Ctrl+1…Ctrl+6 for eight pages, or "export to CSV" for an action
that offers XLSX/CSV/PDF, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
PORTABLE = QKeySequence.SequenceFormat.PortableText


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def keys(text: str) -> str:
    return QKeySequence(text.strip()).toString(PORTABLE)


def menus(win: MainWindow) -> dict[str, list[QAction]]:
    """Top-level menu title → its actions (separators left out)."""
    out: dict[str, list[QAction]] = {}
    for top in win.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            out[plain(top.text())] = [a for a in menu.actions() if not a.isSeparator()]
    return out


def shortcut_table() -> list[tuple[str, str, str]]:
    """(shortcut, menu, item) of every row of the table headed "| shortcut | menu item |"."""
    rows: list[tuple[str, str, str]] = []
    inside = False
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| shortcut | menu item |"):
            inside = True
            continue
        if not inside:
            continue
        if not line.startswith("|"):
            break
        if set(cells[0]) <= {"-", " "}:
            continue
        menu, _, item = cells[1].partition(" → ")
        rows.append((cells[0], menu, item))
    return rows


def test_the_readme_shortcut_table_is_the_windows_actions(window: MainWindow) -> None:
    rows = shortcut_table()
    assert len(rows) >= 10, "the README's shortcut table was not found"
    by_menu = menus(window)
    documented: set[str] = set()
    for shortcut, menu, item in rows:
        assert menu in by_menu, f"README: no menu {menu!r} (menus: {list(by_menu)})"
        actions = by_menu[menu]
        if "…" in shortcut and " … " in item:  # a range: "Ctrl+1 … Ctrl+8"
            first_key, last_key = (keys(k) for k in shortcut.split("…"))
            first_text, last_text = (t.strip() for t in item.split(" … "))
            ranged = [a for a in actions if re.fullmatch(r"Ctrl\+\d", keys_of(a))]
            assert [keys_of(a) for a in ranged] == [
                f"Ctrl+{n}" for n in range(1, len(ranged) + 1)]
            assert (keys_of(ranged[0]), keys_of(ranged[-1])) == (first_key, last_key), (
                f"README says {shortcut}; the pages are "
                f"{keys_of(ranged[0])} … {keys_of(ranged[-1])}")
            assert (plain(ranged[0].text()), plain(ranged[-1].text())) == (
                first_text, last_text)
            nav = window.navigation  # Pengguna (admin on PostgreSQL) has no Ctrl+N
            assert len(ranged) == len([row for row in range(nav.count()) if nav.item(row)
                                       .data(256) != "people"])  # Qt.UserRole
            documented.update(keys_of(a) for a in ranged)
            continue
        matching = [a for a in actions if plain(a.text()) == item]
        assert matching, f"README: {menu} → {item!r} is not in the menu " \
                         f"({[plain(a.text()) for a in actions]})"
        assert keys_of(matching[0]) == keys(shortcut), (
            f"README: {menu} → {item} is {shortcut}; the program has "
            f"{keys_of(matching[0]) or 'no shortcut'}")
        documented.add(keys(shortcut))
    with_keys = {keys_of(a): f"{menu} → {plain(a.text())}"
                 for menu, actions in by_menu.items() for a in actions if keys_of(a)}
    missing = {k: v for k, v in with_keys.items() if k not in documented}
    assert not missing, f"shortcuts missing from the README's table: {missing}"


def keys_of(action: QAction) -> str:
    return action.shortcut().toString(PORTABLE)


def test_every_menu_path_named_in_the_readme_exists(window: MainWindow) -> None:
    """Prose such as "Alat → Templat naskah KB/PKS…" names a real menu item."""
    by_menu = menus(window)
    text = README.read_text(encoding="utf-8")
    seen = 0
    for menu, rest in re.findall(r"\b(\w+) → ([^\n|]+)", text):
        if menu not in by_menu:
            continue  # a dialog's page ("Settings → Naskah"), not a menu
        seen += 1
        items = [plain(a.text()) for a in by_menu[menu]]
        assert any(rest.strip().startswith(item) for item in items), (
            f"README names {menu} → {rest.strip()!r}; {menu} holds {items}")
    assert seen >= 12

"""The main window's action table (desktop/ui/actions.py) is the window's actions: every
row becomes one QAction with its text, shortcut and place in the menus, and every role
field names something desktop.core.roles knows (or the kind of the page shown)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from desktop.core import roles
from desktop.ui.actions import ACTIONS, MENUS, NAVIGATION, TOOLBAR
from desktop.ui.main_window import MainWindow
from desktop.ui.role_view import PAGE_KIND

ABILITIES = {roles.PEOPLE, roles.SYNC, roles.BACKUP, roles.OFFICE, roles.REPORTS}
PORTABLE = QKeySequence.SequenceFormat.PortableText


def test_every_row_is_in_a_menu_and_every_entry_is_a_row() -> None:
    names = [spec.name for spec in ACTIONS]
    assert len(names) == len(set(names))
    in_menus = [e for menu in MENUS for e in menu.entries if e not in (None, NAVIGATION)]
    assert sorted(in_menus) == sorted(names)  # each action once, in one menu
    assert {e for e in TOOLBAR if e is not None} <= set(names)


def test_role_fields_name_known_abilities_and_kinds() -> None:
    for spec in ACTIONS:
        assert spec.ability is None or spec.ability in ABILITIES, spec.name
        assert spec.kind in (None, PAGE_KIND, *roles.KIND_NAMES), spec.name


def test_the_window_holds_one_action_per_row(window: MainWindow) -> None:
    assert list(window.action_table) == [spec.name for spec in ACTIONS]
    for spec in ACTIONS:
        action = window.action_table[spec.name]
        owner = getattr(window, spec.owner) if spec.owner else window
        assert getattr(owner, spec.name) is action
        assert action.objectName() == spec.name
        assert action.text() == spec.text  # Indonesian, the source language
    assert window.backups.act_backup.text() == "&Cadangkan sekarang"
    keys = [a.shortcut().toString(PORTABLE) for a in window.actions()
            if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), f"a shortcut is given twice: {sorted(keys)}"
    tops = [top for top in window.menuBar().actions() if top.menu() is not None]
    assert [top.text() for top in tops] == [menu.title for menu in MENUS]
    for top, menu in zip(tops, MENUS, strict=True):
        named = [a.objectName() for a in top.menu().actions() if a.objectName()]
        assert named == [e for e in menu.entries if e not in (None, NAVIGATION)]
    assert [a.text() for a in window.findChild(QToolBar, "mainToolbar").actions()
            if not a.isSeparator()] == [window.action_table[e].text() for e in TOOLBAR if e]

def test_record_actions_follow_the_page_shown(window: MainWindow) -> None:
    window.show_page("beranda")
    assert not window.act_new.isEnabled() and not window.act_import.isEnabled()
    window.show_kind("agreements")  # a record page where importing makes no sense
    assert window.act_new.isEnabled() and window.act_export.isEnabled()
    assert not window.act_import.isEnabled()
    window.show_kind("apps")
    assert window.act_import.isEnabled()

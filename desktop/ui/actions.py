"""The main window's actions declared once, as data: text, shortcut, menu, handler, and
what a role must allow for each (``desktop.core.roles``).

Why a table: the menus, the toolbar, the README's shortcut table (checked by
tests/gui/test_readme_shortcuts.py) and the role rules all talk about the same actions;
one row per action keeps them in step, and enabling an action by role is a field, not a
search through the window's code. ``build_actions`` turns the table into QActions,
menus and the toolbar.

Texts are marked with ``QT_TRANSLATE_NOOP`` in the context they are translated in
(``MainWindow`` for the window's own, ``BackupActions`` for the two backup actions), so
lupdate finds them here and ``QCoreApplication.translate`` looks them up at build time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop.ui.role_view import PAGE_KIND, action_refusal

WINDOW = "MainWindow"  # the translation context of the window's own texts
NAVIGATION = "@navigation"  # in a menu's entries: one action per side-bar page, Ctrl+1…
Key = QKeySequence.StandardKey


def on_record_page(page: Any) -> bool:
    return page is not None


def importable(page: Any) -> bool:
    """Importing makes sense on some record kinds only (``IMPORT_KINDS``)."""
    from desktop.core.importing.mapping import IMPORT_KINDS

    return page is not None and page.kind.name in IMPORT_KINDS


def on_page(method: str) -> Callable[[Any], None]:
    """A record action (new, save, …) for the page shown, if any: looked up by name on
    the page, so a page's own version runs (the agreements page's "Baru" starts from the
    office's KB template, not from a blank form)."""
    def run(window: Any) -> None:
        page = window.page
        if page is not None:
            getattr(page, method)()
    return run


@dataclass(frozen=True)
class ActionSpec:
    """One action of the main window.

    ``handler`` is a dotted attribute path on the window, called with no argument and
    looked up when triggered (``"sync_page.sync_now"``), or a callable taking the window.
    The QAction is stored as ``name`` on the window, or on ``owner`` (a dotted path on
    the window) when the action belongs to a helper object (``window.backups``).
    ``enabled_when`` says, from the record page shown (None on Beranda/Sinkronisasi),
    whether the action applies there. ``ability``/``kind``: what ``desktop.core.roles``
    must allow (an ability such as ``"backup"``, write access to a record kind, or with
    ``PAGE_KIND`` to the kind of the page shown) for the action to be enabled; None when
    any role may use it.
    """

    name: str
    text: str
    handler: str | Callable[[Any], None]
    shortcut: str | Key | None = None
    tip: str | None = None
    icon: str | None = None
    context: str = WINDOW
    owner: str | None = None
    enabled_when: Callable[[Any], bool] | None = None
    ability: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class MenuSpec:
    """A menu bar entry: its title and its actions by name (None: a separator)."""

    title: str
    entries: tuple[str | None, ...]


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("act_new", QT_TRANSLATE_NOOP("MainWindow", "&Baru"), on_page("start_new"),
               Key.New, enabled_when=on_record_page, kind=PAGE_KIND),
    ActionSpec("act_save", QT_TRANSLATE_NOOP("MainWindow", "&Simpan"), on_page("save"),
               Key.Save, enabled_when=on_record_page, kind=PAGE_KIND),
    ActionSpec("act_delete", QT_TRANSLATE_NOOP("MainWindow", "&Hapus"), on_page("delete"),
               "Ctrl+Delete", enabled_when=on_record_page, kind=PAGE_KIND),
    ActionSpec("act_search", QT_TRANSLATE_NOOP("MainWindow", "&Cari"),
               on_page("focus_search"), Key.Find, enabled_when=on_record_page),
    ActionSpec("act_export", QT_TRANSLATE_NOOP("MainWindow", "&Ekspor daftar…"),
               "export_list", "Ctrl+E", enabled_when=on_record_page, ability="reports"),
    ActionSpec("act_import", QT_TRANSLATE_NOOP("MainWindow", "&Impor dari lembar kerja…"),
               "import_sheet", "Ctrl+I", enabled_when=importable, kind=PAGE_KIND),
    ActionSpec("act_settings", QT_TRANSLATE_NOOP("MainWindow", "&Pengaturan…"),
               "open_settings", "Ctrl+,"),
    ActionSpec("act_templates", QT_TRANSLATE_NOOP("MainWindow", "&Templat naskah KB/PKS…"),
               "open_templates"),
    ActionSpec("act_report", QT_TRANSLATE_NOOP("MainWindow", "&Laporan kegiatan…"),
               "open_report", "Ctrl+Shift+L", ability="reports"),
    ActionSpec("act_sync", QT_TRANSLATE_NOOP("MainWindow", "Sin&kronkan"),
               "sync_page.sync_now", "F9",
               tip=QT_TRANSLATE_NOOP("MainWindow",
                                     "Sinkronkan dataset dengan katalog data (F9)"),
               ability="sync"),
    ActionSpec("act_backup", QT_TRANSLATE_NOOP("BackupActions", "&Cadangkan sekarang"),
               "backups.backup", context="BackupActions", owner="backups", ability="backup"),
    ActionSpec("act_restore", QT_TRANSLATE_NOOP("BackupActions", "&Pulihkan dari cadangan…"),
               "backups.choose_restore", context="BackupActions", owner="backups",
               ability="backup"),
    # Ctrl+Q everywhere: the standard Quit key is empty on Windows and some desktops
    ActionSpec("act_quit", QT_TRANSLATE_NOOP("MainWindow", "&Keluar"), "close", "Ctrl+Q"),
    ActionSpec("act_reminders", QT_TRANSLATE_NOOP("MainWindow", "&Pengingat"),
               "show_reminders", "Ctrl+Shift+R"),
    # the demo fills every kind and the office profile: the administrator's
    ActionSpec("act_demo", QT_TRANSLATE_NOOP("MainWindow", "Isi data &contoh…"), "load_demo",
               ability="office"),
    ActionSpec("act_about", QT_TRANSLATE_NOOP("MainWindow", "&Tentang Diskominfo Desk"),
               "about"),
)

MENUS: tuple[MenuSpec, ...] = (
    MenuSpec(QT_TRANSLATE_NOOP("MainWindow", "&Berkas"),
             ("act_new", "act_save", "act_delete", None, "act_import", "act_export",
              "act_report", None, "act_quit")),
    MenuSpec(QT_TRANSLATE_NOOP("MainWindow", "&Sunting"), ("act_search",)),
    MenuSpec(QT_TRANSLATE_NOOP("MainWindow", "&Alat"),
             ("act_sync", None, "act_templates", None, "act_backup", "act_restore", None,
              "act_settings")),
    MenuSpec(QT_TRANSLATE_NOOP("MainWindow", "&Buka"), (NAVIGATION, None, "act_reminders")),
    MenuSpec(QT_TRANSLATE_NOOP("MainWindow", "Ban&tuan"), ("act_demo", None, "act_about")),
)

TOOLBAR_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Alat utama")
TOOLBAR: tuple[str | None, ...] = ("act_new", "act_save", "act_delete", None, "act_search",
                                   "act_export", None, "act_sync", "act_settings")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def resolve(window: Any, path: str) -> Any:
    return reduce(getattr, path.split("."), window)


def make_action(window: QMainWindow, text: str, shortcut: str | Key | None,
                slot: Callable[..., Any], tip: str | None = None) -> QAction:
    """A window action: its shortcut works wherever the focus is in the window."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(tip or text.replace("&", ""))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _slot(window: Any, handler: str | Callable[[Any], None]) -> Callable[..., None]:
    if callable(handler):
        return lambda _checked=False: handler(window)
    return lambda _checked=False: resolve(window, handler)()


def _icon(name: str) -> Any:
    from desktop.core.resources import resource_path
    from desktop.ui.icons import tinted_icon

    return tinted_icon(resource_path("icons", f"{name}.svg"))


def build_actions(window: Any) -> dict[str, QAction]:
    """Every action of ``ACTIONS`` on the window (or its owner), then the menus and the
    toolbar; returns the actions by name (``window.action_table``)."""
    built: dict[str, QAction] = {}
    for spec in ACTIONS:
        text = tr(spec.context, spec.text)
        action = make_action(window, text, spec.shortcut, _slot(window, spec.handler),
                             tr(spec.context, spec.tip) if spec.tip else None)
        action.setObjectName(spec.name)
        action.setProperty("baseTip", action.toolTip())  # given back when a role allows
        if spec.icon:
            action.setIcon(_icon(spec.icon))
        setattr(resolve(window, spec.owner) if spec.owner else window, spec.name, action)
        built[spec.name] = action
    for menu_spec in MENUS:
        menu = window.menuBar().addMenu(tr(WINDOW, menu_spec.title))
        for entry in menu_spec.entries:
            if entry is None:
                menu.addSeparator()
            elif entry == NAVIGATION:
                _navigation_entries(window, menu)
            else:
                menu.addAction(built[entry])
    toolbar = window.addToolBar(tr(WINDOW, TOOLBAR_TITLE))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(built[entry])
    return built


def build_placeholders(window: QMainWindow) -> QToolBar:
    """The menu bar's titles and the toolbar's buttons, all greyed out, for the window's
    frame before the database is open: the page keeps its place when ``build_actions``
    replaces them, and nothing can be started on a register not yet there. Returns the
    toolbar (removed then)."""
    for menu_spec in MENUS:
        window.menuBar().addMenu(tr(WINDOW, menu_spec.title)).setEnabled(False)
    toolbar = window.addToolBar(tr(WINDOW, TOOLBAR_TITLE))
    toolbar.setObjectName("placeholderToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    specs = {spec.name: spec for spec in ACTIONS}
    for entry in TOOLBAR:
        if entry is None:
            toolbar.addSeparator()
        else:
            spec = specs[entry]
            toolbar.addAction(tr(spec.context, spec.text)).setEnabled(False)
    return toolbar


def _navigation_entries(window: Any, menu: QMenu) -> None:
    """Buka → one entry per side-bar page, Ctrl+1 … Ctrl+n in the navigation's order."""
    navigation = window.navigation
    for index in range(navigation.count()):
        if navigation.item(index).data(Qt.ItemDataRole.UserRole) == "people":
            continue  # Pengguna (administrators on PostgreSQL only): from the side bar
        menu.addAction(make_action(window, navigation.item(index).text(), f"Ctrl+{index + 1}",
                                   lambda _c=False, i=index: navigation.setCurrentRow(i)))


def update_enabled(window: Any, page: Any) -> None:
    """Enable the actions that apply to the page shown (see ``ActionSpec.enabled_when``)
    and that the person's role allows (``ability``/``kind``, ``desktop.ui.role_view``):
    a refused one is disabled with a tooltip saying why."""
    access = getattr(window.desk, "access", None)
    for spec in ACTIONS:
        action = window.action_table.get(spec.name)
        if action is None:
            continue
        why = action_refusal(spec.ability, spec.kind, page, access)
        if spec.enabled_when is not None:
            action.setEnabled(spec.enabled_when(page) and why is None)
        elif why is not None:  # else its owner keeps its state (backups while one runs)
            action.setEnabled(False)
        action.setToolTip(why or str(action.property("baseTip") or ""))

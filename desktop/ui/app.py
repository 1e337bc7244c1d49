"""Starting the GUI: application identity, language, error handling, the window's frame
first, then the database and the rest of the window."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.core.paths import view_settings_path
from desktop.core.resources import resource_path
from desktop.core.settings import LANGUAGE, current
from desktop.ui.after_paint import AfterPaint
from desktop.ui.style import apply_style

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.core.dashboard_board import Dashboard
    from desktop.core.desk import Desk
    from desktop.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland/taskbars match diskominfo-desk.desktop
    app.setWindowIcon(QIcon(str(resource_path("icons", "diskominfo-desk.svg"))))
    apply_style(app)
    return app


def view_settings() -> QSettings:
    """Window geometry, splitters, table headers: view state only, never data or secrets.

    An explicit file beside settings.ini, so portable mode keeps it beside the program too.
    """
    return QSettings(str(view_settings_path()), QSettings.Format.IniFormat)


EXIT_AFTER_SHOWN_ENV = "DISKOMINFO_DESK_EXIT_AFTER_SHOWN"
OPEN_AFTER_PAINT_MS = 300  # the database opens then at the latest if no paint came


def _exit_once_shown_if_asked(app: QApplication) -> None:
    """For start-up measurements and the package's smoke test: print the wall-clock time
    the window is up with its database open, then quit."""
    if os.environ.get(EXIT_AFTER_SHOWN_ENV) != "1":
        return

    def report() -> None:
        print(f"main window shown at {time.time():.3f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)  # runs once the event loop has shown the window


def open_desk(database: str | None, user: str | None) -> Desk:
    """The database for the window, on the worker: the database layer is imported here,
    after the window's frame is on screen. A login with no Desk role is refused now, in
    words, rather than as one refusal after another."""
    from desktop.core.desk import Desk
    from desktop.core.errors import DeskError
    from desktop.core.people import require_role

    desk = Desk.open(database, user=user)
    try:
        require_role(desk)
    except DeskError:
        desk.close()
        raise
    return desk


def quick_register(database: str | None, window: MainWindow) -> Path | None:
    """The SQLite file the start opens, when its Beranda can be read before the database
    layer loads (``desktop.core.dashboard_quick``): the window opens on the Beranda."""
    from desktop.core.database_url import resolve_database_url
    from desktop.core.errors import DeskError
    from desktop.core.sqlite_uri import sqlite_file_of_url
    from desktop.ui.sidebar import BERANDA

    if str(window.settings.value("window/page", "") or "") not in ("", BERANDA):
        return None
    try:
        return sqlite_file_of_url(resolve_database_url(database, password=False))
    except (DeskError, OSError, ValueError):
        return None  # said by the usual opening


def read_figures(register: Path) -> Dashboard | None:
    """On the worker: the Beranda's figures by the quick reading, or None."""
    from datetime import date

    from desktop.core.dashboard_quick import quick_board
    from desktop.core.settings import EXPIRY_DAYS

    return quick_board(register, date.today(), int(current().get(EXPIRY_DAYS)))


def run(database: str | None = None, user: str | None = None, lang: str | None = None,
        scheme: str | None = None) -> int:
    """The window: its frame is painted first, from Qt alone; the database opens on the
    worker meanwhile (SQLAlchemy, the models and Babel load there), and the window is
    completed when it is open (``MainWindow.attach``). Until then nothing in it can be
    started. A database that cannot be opened is said in a box over the frame."""
    from desktop.core.single_instance import hold_program_mutex, release_program_mutex
    from desktop.ui.errors import install_error_handling
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_check import binding_problem
    from desktop.ui.single_instance import bring_to_front, claim_window
    from desktop.ui.tasks import TaskManager

    app = create_application()
    if scheme:  # gui --scheme dark: for this run only, the setting stays as it is
        apply_style(app, scheme)
    install_language(lang or current().get(LANGUAGE))
    install_error_handling()
    problem = binding_problem()
    if problem is not None:  # it would crash later, losing typing: say why now
        print(problem, file=sys.stderr)
        QMessageBox.critical(None, APP_NAME, problem)
        return 1
    holder: dict[str, MainWindow] = {}
    # one window per user and database: a second start brings this one forward and ends
    guard, exit_code = claim_window(database)
    if exit_code is not None:
        return exit_code
    hold_program_mutex()  # Windows: the installer sees the window running (OpenMutex)
    if guard is not None:
        guard.activation_requested.connect(lambda: bring_to_front(holder.get("window")))
    tasks = TaskManager(app)
    # the open Desk, or what refused it; written by the worker too, so a Desk opened
    # after the frame was closed is still closed below
    outcome: dict[str, Any] = {}

    def open_window(desk: Desk | None) -> MainWindow:
        window = MainWindow(desk, view_settings(), tasks)
        window.language_changed.connect(switch_language)
        holder["window"] = window
        window.show()
        return window

    def switch_language(lang: str) -> None:
        """Rebuild the window in the new language; the old one saves its view state."""
        old = holder["window"]
        install_language(lang)
        app.setQuitOnLastWindowClosed(False)
        old.close()
        open_window(outcome["desk"])
        app.setQuitOnLastWindowClosed(True)

    def opening() -> Desk:
        desk = outcome["desk"] = open_desk(database, user)
        return desk

    def opened(desk: Desk) -> None:
        from desktop.core.roles import OFFICE
        from desktop.ui.welcome import WelcomeDialog, needs_welcome

        window = holder["window"]
        if not window.isVisible():
            return  # closed while the database opened: it is closed below
        if desk.access is not None and desk.access.can(OFFICE) and needs_welcome(desk):
            WelcomeDialog(desk, tasks, window).exec()
        window.completed.connect(lambda: completed(window, desk))
        window.attach(desk, figures_first=True)  # the Beranda's figures, then the rest

    def completed(window: MainWindow, desk: Desk) -> None:
        from desktop.core.roles import BACKUP

        QTimer.singleShot(0, window.offer_drafts)  # edits a crash left unsaved
        if desk.access is not None and desk.access.can(BACKUP):
            window.backups.run_daily()  # once a day, on the worker, while it opens
        if desk.db.sqlite_notice:  # SQLite on a network folder: no WAL, one at a time
            window.statusBar().showMessage(desk.db.sqlite_notice, 60_000)
        _exit_once_shown_if_asked(app)

    def refused(exc: Exception) -> None:
        from desktop.core.errors import DeskError

        window = holder["window"]
        outcome["error"] = exc
        if isinstance(exc, DeskError):  # said over the frame; the window then closes
            QMessageBox.critical(window, APP_NAME, exc.message)
        window.close()

    def open_the_database() -> None:
        tasks.run_db(opening, on_done=opened, on_error=refused)

    def figures_read(board: Dashboard | None) -> None:
        """The quick reading's figures are painted first, then the database layer loads
        (both want the interpreter: in parallel each would wait for the other)."""
        window = holder["window"]
        if board is None or not window.isVisible():
            open_the_database()
            return
        window.beranda.show_early(board)
        AfterPaint(window.beranda, open_the_database, OPEN_AFTER_PAINT_MS)

    def after_first_paint() -> None:
        if guard is not None:
            guard.listen()  # a later start is answered from now on (it waits till then)
        register = quick_register(database, holder["window"])
        if register is None:
            open_the_database()
            return
        tasks.run_db(lambda: read_figures(register), on_done=figures_read,
                     on_error=lambda _error: open_the_database())

    frame = open_window(None)
    AfterPaint(frame, after_first_paint, OPEN_AFTER_PAINT_MS)
    code = app.exec()
    tasks.wait()
    if "desk" in outcome:
        outcome["desk"].close()
    if guard is not None:
        guard.release()
    release_program_mutex()
    error = outcome.get("error")
    if error is not None:
        from desktop.core.errors import DeskError

        if isinstance(error, DeskError):
            return 1  # already said in its box
        raise error  # the command line's last resort: logged, and said in a box
    return code

"""Starting the GUI: application identity, language, error handling, database, window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.core.paths import view_settings_path
from desktop.core.resources import resource_path
from desktop.core.settings import LANGUAGE, current
from desktop.ui.style import apply_style


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


def _exit_once_shown_if_asked(app: QApplication) -> None:
    """For start-up measurements: print the wall-clock time the window is up, then quit."""
    if os.environ.get(EXIT_AFTER_SHOWN_ENV) != "1":
        return

    def report() -> None:
        print(f"main window shown at {time.time():.3f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)  # runs once the event loop has shown the window


def run(database: str | None = None, user: str | None = None, lang: str | None = None,
        scheme: str | None = None) -> int:
    from desktop.core.desk import Desk
    from desktop.core.errors import DeskError
    from desktop.core.roles import BACKUP, OFFICE
    from desktop.core.single_instance import hold_program_mutex, release_program_mutex
    from desktop.ui.errors import install_error_handling
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_check import binding_problem
    from desktop.ui.single_instance import bring_to_front, claim_window
    from desktop.ui.tasks import TaskManager
    from desktop.ui.welcome import WelcomeDialog, needs_welcome

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
    try:
        desk = Desk.open(database, user=user)
        from desktop.core.people import require_role

        try:
            require_role(desk)  # a login with no Desk role: said now, not as refusals
        except DeskError:
            desk.close()
            raise
    except DeskError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    tasks = TaskManager(app)
    if desk.access is not None and desk.access.can(OFFICE) and needs_welcome(desk):
        WelcomeDialog(desk, tasks).exec()

    def open_window() -> None:
        window = MainWindow(desk, view_settings(), tasks)
        window.language_changed.connect(switch_language)
        holder["window"] = window
        window.show()

    def switch_language(lang: str) -> None:
        """Rebuild the window in the new language; the old one saves its view state."""
        old = holder["window"]
        install_language(lang)
        app.setQuitOnLastWindowClosed(False)
        old.close()
        open_window()
        app.setQuitOnLastWindowClosed(True)

    open_window()
    QTimer.singleShot(0, holder["window"].offer_drafts)  # edits a crash left unsaved
    if desk.access is not None and desk.access.can(BACKUP):
        holder["window"].backups.run_daily()  # once a day, on the worker, while it opens
    if desk.db.sqlite_notice:  # SQLite on a network folder: no WAL, one workstation at a time
        holder["window"].statusBar().showMessage(desk.db.sqlite_notice, 60_000)
    _exit_once_shown_if_asked(app)
    code = app.exec()
    desk.close()
    if guard is not None:
        guard.release()
    release_program_mutex()
    return code

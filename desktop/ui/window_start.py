"""The main window's start, in the order a person sees it: the page they left open is
shown and filled first; the reminders, the sync status and the pages not opened yet
follow once it is on screen. Started earlier they would queue their imports and queries
in front of the page the user is waiting for. Kept apart so the window's class stays
about switching pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from desktop.ui.sidebar import BERANDA, SYNC

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FIRST_PAGE_GRACE_MS = 3000  # background checks start then at the latest
AFTER_PAINT_MS = 50  # from the first page filled to the background checks
IDLE_BUILD_MS = 150  # between building two not-yet-opened pages


class StartSequence(QObject):
    """Owned by the window; ``stop()`` when it closes, and nothing of it runs after."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.started = False
        self.closed = False
        self.grace = self._timer(self.after_first_page)
        self.idle_build = self._timer(self.build_idle_pages, IDLE_BUILD_MS)

    def _timer(self, slot: object, interval: int = 0) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def begin(self) -> None:
        """Show the page kept from the last run and wait for it to be filled."""
        from desktop.ui.window_state import restore_geometry

        window = self.window
        start = restore_geometry(window)
        shown = {window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
                 for row in range(window.navigation.count())}
        window.show_page(start if start in shown else BERANDA)
        page = window.page
        if page is not None:
            QTimer.singleShot(0, page.model.refresh)
            page.model.first_rows.connect(self.first_page_filled)
        elif window.current_key == BERANDA:
            window.beranda.refreshed.connect(self.first_page_filled)
        self.grace.start(0 if window.current_key == SYNC else FIRST_PAGE_GRACE_MS)
        window.reminders.hide()  # shown by start() only when something is due today

    def first_page_filled(self) -> None:
        """Start the rest shortly after, so the filled page is painted first."""
        if not self.started:
            self.grace.start(AFTER_PAINT_MS)

    def after_first_page(self) -> None:
        """The reminders, the sync status, then the unbuilt pages one per pause."""
        if self.started or self.closed:
            return
        self.started = True
        self.grace.stop()
        self.window.reminders.start()
        self.window.sync_page.start()
        self.idle_build.start()

    def build_idle_pages(self) -> None:
        """Build the remaining pages one per pause, so opening them later is instant.

        The next page waits until the jobs of the last one (its count, its rows) are done:
        on a busy PostgreSQL server, building on a fixed beat stacked their queries, so the
        status bar said "Bekerja…" for seconds after the start and the person's own first
        save queued behind pages they had not opened."""
        if self.closed:
            return
        if self.window.tasks.busy:
            self.idle_build.start()  # look again after the pause
            return
        kind = self.window.pages.next_unbuilt()
        if kind is not None:
            self.window.pages[kind]
            self.idle_build.start()

    def stop(self) -> None:
        self.closed = True
        self.grace.stop()
        self.idle_build.stop()

"""The main window's pages beyond the Beranda: each record page, built on first use in
place of its stand-in (``LazyPages``), and the Sinkronisasi and Pengguna pages that only
some roles see. Kept apart so the window's class stays about switching pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.roles import Access
from desktop.ui.agreement_pages import AgreementPage, VisitPage
from desktop.ui.page_specs import PAGES
from desktop.ui.record.page import RecordPage
from desktop.ui.role_view import fit_page, shows_people, shows_sync
from desktop.ui.sidebar import PEOPLE, SYNC, add_entry

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.people_page import PeoplePage
    from desktop.ui.sync.page import SyncPage

PAGE_CLASSES: dict[str, type[RecordPage]] = {"visits": VisitPage, "agreements": AgreementPage}


def make_record_page(window: MainWindow, kind: str) -> RecordPage:
    """Build a record page in place of its stand-in in the window's stack."""
    spec = next(spec for spec in PAGES if spec.kind == kind)
    page = PAGE_CLASSES.get(kind, RecordPage)(window.desk, spec, window.tasks, window.hub,
                                              window.settings, window.stack)
    page.navigate.connect(window.open_filtered)
    page.status.connect(lambda text: window.statusBar().showMessage(text, 4000))
    fit_page(page, window.desk.access)  # read-only where the role may not change it
    stack = window.stack
    slot = window.slots.pop(kind)
    current = stack.currentWidget() is slot
    stack.insertWidget(stack.indexOf(slot), page)
    if current:
        stack.setCurrentWidget(page)
    stack.removeWidget(slot)
    slot.deleteLater()
    if kind == "datasets":
        from desktop.ui.dataset_marks import OverdueMarks

        OverdueMarks(page)
    if isinstance(page, VisitPage):
        page.draft_agreement.connect(window.draft_agreement)
    return page


def add_role_pages(window: MainWindow, access: Access | None
                   ) -> tuple[SyncPage, PeoplePage | None]:
    """The Sinkronisasi page (built for every role: the status bar and F9 know it, but
    shown only to the roles that may sync; for the others it reads nothing) and, for an
    administrator on PostgreSQL, the Pengguna page."""
    from desktop.ui.sync.page import SyncPage

    may_sync = shows_sync(access)
    sync_page = SyncPage(window.desk, window.tasks, window.hub, window.settings,
                         window.stack if may_sync else window)
    sync_page.open_record.connect(window.open_record)
    if may_sync:
        window.stack.addWidget(sync_page)
        add_entry(window.navigation, "sync",
                  QCoreApplication.translate("MainWindow", "Sinkronisasi"), SYNC)
    else:
        sync_page.hide()
    people_page = None
    if shows_people(window.desk):
        from desktop.ui.people_page import PeoplePage

        people_page = PeoplePage(window.desk, window.tasks, window.stack)
        window.stack.addWidget(people_page)
        add_entry(window.navigation, "people",
                  QCoreApplication.translate("MainWindow", "Pengguna"), PEOPLE)
    return sync_page, people_page

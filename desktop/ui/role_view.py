"""The window obeying the person's role (``desktop.core.roles``): what it shows and what
it lets them start.

Why here, in one place: PostgreSQL enforces the role whatever the window does (grants and
row policies of migration 0008), so this is about not offering what would be refused:
no page for a kind the person may not read, and on a page they may read but not change,
Simpan/Hapus/Baru and the form's editors disabled with a tooltip saying why. The rules
come from ``Desk.access`` (read once when the database was opened); SQLite is the
administrator, so a single-user window shows everything as before.
"""

from __future__ import annotations

from typing import Any

from desktop.core.roles import PEOPLE, Access, refusal
from desktop.ui.page_specs import PAGES, PageSpec

# the actions of desktop.ui.actions that change records of the page shown
PAGE_WRITES = ("act_new", "act_save", "act_delete", "act_import")


def readable_pages(access: Access | None) -> tuple[PageSpec, ...]:
    """The record pages the side bar shows: the kinds the person may read."""
    if access is None:
        return ()
    return tuple(spec for spec in PAGES if access.can_read(spec.kind))


def shows_people(desk: Any) -> bool:
    """The Pengguna page: PostgreSQL only (SQLite has one user), the ``people`` ability."""
    access = desk.access
    return desk.db.dialect == "postgresql" and access is not None and access.can(PEOPLE)


def shows_sync(access: Access | None) -> bool:
    from desktop.core.roles import SYNC

    return access is not None and access.can(SYNC)


def restrict_page(page: Any, access: Access | None) -> None:
    """A record page the person may read but not change: its form and Simpan/Hapus
    disabled, each saying why (the tooltip), so nothing is typed that could not be
    saved. The list, search, filters, history and opening files stay."""
    if access is None or access.can_write(page.kind.name):
        return
    why = refusal(access, kind=page.kind.name)
    page.detail.refused = why
    page.form.setEnabled(False)
    page.form.setToolTip(why)
    page._update_buttons()


def action_refusal(name: str, ability: str | None, page: Any, access: Access | None
                   ) -> str | None:
    """Why the action ``name`` is not for this person (None: it is). ``ability`` is the
    action table's (``desktop.ui.actions.ActionSpec.ability``); the record actions of a
    page follow write access to the page's kind."""
    if access is None:
        return None
    if ability is not None and not access.can(ability):
        return refusal(access, ability=ability)
    if name in PAGE_WRITES and page is not None and not access.can_write(page.kind.name):
        return refusal(access, kind=page.kind.name)
    return None

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

from typing import TYPE_CHECKING, Any

from desktop.ui.page_specs import PAGES, PageSpec

if TYPE_CHECKING:  # the roles module loads the database layer: not before first paint
    from desktop.core.roles import Access

# ``ActionSpec.kind`` of the record actions (Baru, Simpan, Hapus, Impor): the kind of the
# page shown, whichever it is
PAGE_KIND = "@page"


def readable_pages(access: Access | None) -> tuple[PageSpec, ...]:
    """The record pages the side bar shows: the kinds the person may read."""
    if access is None:
        return ()
    return tuple(spec for spec in PAGES if access.can_read(spec.kind))


def shows_people(desk: Any) -> bool:
    """The Pengguna page: PostgreSQL only (SQLite has one user), the ``people`` ability."""
    from desktop.core.roles import PEOPLE

    access = desk.access
    return desk.db.dialect == "postgresql" and access is not None and access.can(PEOPLE)


def shows_sync(access: Access | None) -> bool:
    from desktop.core.roles import SYNC

    return access is not None and access.can(SYNC)


def may_write(desk: Any, kind: str) -> bool:
    """May this person change records of ``kind`` (a page's own drafting buttons ask)?"""
    access = getattr(desk, "access", None)
    return access is None or access.can_write(kind)


def fit_page(page: Any, access: Access | None) -> None:
    """A record page as the role sees it: read-only where it may not change the kind,
    and no link to a kind it may not read (a kerjasama visit's "Aplikasi yang diminati")."""
    if access is None:
        return
    for button, related in zip(page.related_buttons, page.spec.related, strict=True):
        if not access.can_read(related.kind):
            button.hide()
    restrict_page(page, access)


def restrict_page(page: Any, access: Access | None) -> None:
    """A record page the person may read but not change: its form and Simpan/Hapus
    disabled, each saying why (the tooltip), so nothing is typed that could not be
    saved. The list, search, filters, history and opening files stay."""
    if access is None or access.can_write(page.kind.name):
        return
    from desktop.core.roles import refusal

    why = refusal(access, kind=page.kind.name)
    page.detail.refused = why
    page.form.setEnabled(False)
    page.form.setToolTip(why)
    page._update_buttons()


def action_refusal(ability: str | None, kind: str | None, page: Any,
                   access: Access | None) -> str | None:
    """Why an action of the action table is not for this person (None: it is):
    ``ability`` and ``kind`` are its ``ActionSpec`` fields (``PAGE_KIND``: write access
    to the kind of the record page shown)."""
    if access is None:
        return None
    from desktop.core.roles import refusal

    if ability is not None and not access.can(ability):
        return refusal(access, ability=ability)
    if kind == PAGE_KIND:
        kind = page.kind.name if page is not None else None
    if kind is not None and not access.can_write(kind):
        return refusal(access, kind=kind)
    return None

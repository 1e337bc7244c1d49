"""Under a dataset's sifat data: what the next sync will do to its visibility on the
catalog, said while the user chooses (before saving, before any sync).

The rules and the sentences live in the sync core (``desktop.sync.api.notice_for``,
translated there); this label only asks once per record shown, on the database
worker, and re-reads the form's values as they change. The sync package (and the HTTP
stack under it) is imported on that worker, not while the page is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from desktop.core.desk import Desk
from desktop.ui.widgets.form import RecordForm

if TYPE_CHECKING:
    from desktop.sync.api import CatalogVisibility


def _visibility(desk: Desk, record_id: str | None) -> CatalogVisibility:
    from desktop.sync.api import catalog_visibility

    return catalog_visibility(desk, record_id)


class CatalogNotice(QLabel):
    def __init__(self, desk: Desk, form: RecordForm, tasks: Any) -> None:
        super().__init__(form)
        self.setObjectName("catalogNotice")
        self.setWordWrap(True)
        self.hide()
        self.desk = desk
        self.form = form
        self.tasks = tasks
        self.visibility: CatalogVisibility | None = None
        self._asked: str | None = None
        holder = form.editors["sifat_data"].parentWidget()
        holder.layout().addWidget(self)  # right under the sifat data choice
        form.changed.connect(self.refresh)
        form.loaded.connect(self.show_record)

    def show_record(self, record: dict[str, Any] | None) -> None:
        """A record (or a new one) is in the form: learn its standing on the catalog."""
        record_id = record.get("id") if record else None
        self._asked = record_id
        self.visibility = None
        self.refresh()
        desk = self.desk
        access = getattr(desk, "access", None)
        if access is not None and not access.can("sync"):
            return  # the catalog's tables are the sync roles' (a pimpinan reads datasets)
        self.tasks.run_db(lambda: _visibility(desk, record_id),
                          on_done=lambda known: self._known(record_id, known))

    def _known(self, record_id: str | None, visibility: CatalogVisibility) -> None:
        if record_id != self._asked:
            return  # another record was opened meanwhile
        self.visibility = visibility
        self.refresh()

    def refresh(self) -> None:
        text = None
        if self.visibility is not None:  # known: the sync API is imported by now
            from desktop.sync.api import notice_for

            text = notice_for(self.visibility, self.form.values())
        self.setText(text or "")
        self.setVisible(bool(text))

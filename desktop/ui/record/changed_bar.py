"""The bar above a form whose record someone else changed: "Diubah oleh NAMA pukul HH:MM".

Why: without it the user learns of another workstation's change only when their save is
refused as stale, after the typing is done. With live updates (``desktop.ui.live``) the
page hears of the change within a second; if the record open in its form is one of the
changed ones, :class:`ChangeWatch` reads it again and, when it really differs from what
the form was loaded with (its version, or its content: a change made in psql bumps no
version), shows the bar: Muat ulang reloads (asking first when there are unsaved edits),
Bandingkan puts both versions side by side (``compare_dialog``). The stale-save refusal
stays as the last line of defence behind it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.errors import NotFoundError
from desktop.core.live import Change, LoginNames
from desktop.ui import ask

if TYPE_CHECKING:
    from desktop.ui.record.page import RecordPage


class ChangedBar(QFrame):
    """"Diubah oleh NAMA pukul HH:MM — Muat ulang / Bandingkan" (hidden until needed)."""

    reload_clicked = QtSignal()
    compare_clicked = QtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changedBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.message = QLabel(self)
        self.message.setObjectName("changedMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.reload_button = QPushButton(self.tr("&Muat ulang"), self)
        self.reload_button.setObjectName("changedReload")
        self.compare_button = QPushButton(self.tr("Ba&ndingkan"), self)
        self.compare_button.setObjectName("changedCompare")
        row.addWidget(self.message, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.compare_button)
        self.reload_button.clicked.connect(self.reload_clicked)
        self.compare_button.clicked.connect(self.compare_clicked)
        self.hide()

    def show_change(self, name: str, at: datetime | None, deleted: bool) -> None:
        clock = (at.astimezone() if at is not None else datetime.now()).strftime("%H:%M")
        text = (self.tr("Dihapus oleh {name} pukul {time} —") if deleted
                else self.tr("Diubah oleh {name} pukul {time} —"))
        self.message.setText(text.replace("{name}", name).replace("{time}", clock))
        self.setAccessibleName(self.message.text())
        self.show()

    def buttons(self) -> list[QWidget]:
        return [self.reload_button, self.compare_button]


class ChangeWatch(QObject):
    """Watches the record open in a page's form for other workstations' changes."""

    def __init__(self, page: RecordPage) -> None:
        super().__init__(page)
        self.page = page
        self.names = LoginNames(page.desk.db)
        self.bar = ChangedBar(page.detail)
        layout = page.detail.layout()
        layout.insertWidget(layout.indexOf(page.detail.form_scroll), self.bar)
        self.database_record: dict[str, Any] | None = None  # what the database holds now
        self.change: Change | None = None  # the latest change heard of the open record
        self._after_save = False
        self._checking = 0  # generation of the check under way
        page.hub.live.connect(self._heard)
        page.form.loaded.connect(self._loaded)
        self.bar.reload_clicked.connect(self.reload)
        self.bar.compare_clicked.connect(self.compare)

    # ------------------------------------------------------------------ hearing
    def _heard(self, changes: list[Change]) -> None:
        page = self.page
        if page.current_id is None:
            return
        mine = [c for c in changes if c.is_resync or (
            c.kind == page.kind.name and c.record_id == page.current_id and c.touches_fields)]
        if not mine:
            return
        named = [c for c in mine if not c.is_resync]
        self.change = named[-1] if named else self.change or mine[-1]
        if page.saving:  # our own save is under way: look once it is in
            self._after_save = True
            return
        self.check()

    def _loaded(self, _record: Any) -> None:
        """A record (or a new one) is now in the form: whatever the bar said is past."""
        self.bar.hide()
        self.database_record = None
        self._checking += 1
        if self._after_save:
            self._after_save = False
            self.check()

    def check(self) -> None:
        """Read the open record again; show the bar if it is not what the form shows."""
        page = self.page
        record_id, change = page.current_id, self.change
        if record_id is None or change is None:
            return
        self._checking += 1
        generation = self._checking
        service, names = page.service, self.names

        def job() -> tuple[dict[str, Any] | None, str]:
            try:
                record: dict[str, Any] | None = service.get(record_id)
            except NotFoundError:
                record = None  # deleted meanwhile
            return record, names.name_of(change.login) or change.login

        def done(result: tuple[dict[str, Any] | None, str]) -> None:
            record, name = result
            if generation != self._checking or page.current_id != record_id:
                return  # another record, or the same loaded again, since
            if record is not None and record.get("version") == page.current_version \
                    and record == page.current_record:
                return  # nothing the form does not already show (or our own save)
            self.database_record = record
            # after a reconnect nobody is named: what changed while away was not heard
            self.bar.show_change(name or self.tr("pengguna lain"), change.at,
                                 deleted=record is None)

        page.tasks.run_db(job, on_done=done)

    # ------------------------------------------------------------------ acting
    def reload(self) -> None:
        """Muat ulang: the database's version in the form (unsaved edits asked about)."""
        page = self.page
        if page.form.is_dirty() and not ask.confirm(
                page, self.tr("Muat ulang data"),
                self.tr("Formulir ini berisi perubahan yang belum disimpan. Muat ulang "
                        "versi di basis data dan buang perubahan Anda?"),
                self.tr("Muat ulang"), name="reloadBox"):
            return
        page.drafts.drop(record_too=True)
        if self.database_record is None:  # deleted: nothing to reload, the form empties
            page.new_record(ask=False)
            page.status.emit(self.tr("Data ini sudah dihapus di basis data."))
            return
        page._show_record(self.database_record)
        page.status.emit(self.tr("Dimuat ulang dari basis data."))

    def compare(self) -> None:
        """Bandingkan: this form's values and the database's now, field by field."""
        from desktop.ui.record.compare_dialog import CompareDialog

        page = self.page
        dialog = CompareDialog(page, self.database_record, self.bar.message.text())
        dialog.finished.connect(lambda _r: self._compared(dialog.choice))
        dialog.open()

    def _compared(self, choice: str | None) -> None:
        page = self.page
        if choice == "database":
            page.drafts.drop(record_too=True)
            self.reload_without_asking()
        elif choice == "mine":
            self.keep_mine()

    def reload_without_asking(self) -> None:
        page = self.page
        if self.database_record is None:
            page.new_record(ask=False)
            return
        page._show_record(self.database_record)

    def keep_mine(self) -> None:
        """Tetap pakai isian saya: the form keeps what is typed, now over the database's
        version, so Simpan writes it over the other change (knowingly, not as stale); a
        deleted record's values stay as a new, unsaved record."""
        page = self.page
        mine = page.form.values()
        record = self.database_record
        if record is None:
            page.new_record(ask=False)
            page.form.fill(mine)
            page.form.mark_unsaved()
            page.status.emit(self.tr("Data sudah dihapus; isian Anda tetap di formulir "
                                     "sebagai data baru."))
            return
        page._show_record(record)
        page.form.fill(mine)  # the clean state is the database's: what differs is unsaved
        page._update_buttons()
        page.status.emit(self.tr("Isian Anda tetap; simpan untuk menimpa versi di basis "
                                 "data."))

"""The editing half of a record page: save, discard, delete, history, recovered drafts.

A mixin of ``RecordPage`` (the page draws the boxes and keeps the list in step; this
decides what happens to the record in the form). Kept apart because every rule about
losing nothing lives here: the form stays as typed until the core answers, unsaved edits
are asked about before they go, and a save over someone else's change is a question, not
an overwrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from desktop.core.errors import DeskError, StaleRecordError, ValidationError
from desktop.ui import ask

if TYPE_CHECKING:
    from desktop.ui.record.page import RecordPage

    _Base = RecordPage
else:
    _Base = object


class RecordEditing(_Base):
    """Save, revert, delete, history and drafts of the record in the page's form."""

    def confirm_discard(self) -> bool:
        """True when there is nothing unsaved or the user chose to discard or save it."""
        if not self.form.is_dirty():
            self.drafts.drop()
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Perubahan belum disimpan"))
        box.setText(self.tr("Ada perubahan yang belum disimpan pada data ini."))
        save = box.addButton(self.tr("Simpan"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Buang perubahan"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("unsavedBox")
        box.exec()
        if box.clickedButton() is save:
            return self.save_now()
        if box.clickedButton() is discard:
            self.drafts.drop(record_too=True)
            return True
        return False

    def _save_job(self, data: dict[str, Any]) -> Any:
        if self.current_id is None:
            return lambda: self.service.create(data)
        record_id, version = self.current_id, self.current_version or 0
        return lambda: self.service.update(record_id, data, expected_version=version)

    def save(self) -> None:
        """Save in the background; the form stays as typed until the core answers."""
        if self.saving:
            return
        self.saving = True
        self._update_buttons()
        self.tasks.run_db(self._save_job(self.form.values()), on_done=self._saved,
                          on_error=self._save_failed)

    def save_now(self) -> bool:
        """Save and wait (used when leaving a record); False if it could not be saved."""
        try:
            record = self._save_job(self.form.values())()
        except Exception as exc:
            self._save_failed(exc)
            return False
        self._saved(record)
        return True

    def _saved(self, record: dict[str, Any]) -> None:
        self.saving = False
        self.drafts.drop(record_too=True)  # saved: no recovery file is needed any more
        self._show_record(record)
        self.hub.notify(self.kind.name, [record["id"]])
        self.status.emit(self.tr("Tersimpan."))

    def _save_failed(self, exc: Exception) -> None:
        self.saving = False
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
            self.status.emit(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return
        if isinstance(exc, StaleRecordError):
            self._stale(exc)
            return
        from desktop.ui.errors import show_error

        show_error(exc, self)

    def _stale(self, exc: StaleRecordError) -> None:
        """Someone saved first: say so, keep the user's text, let them choose."""
        box = QMessageBox(self)
        box.setObjectName("staleBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Data diubah pengguna lain"))
        box.setText(exc.message)
        keep = box.addButton(self.tr("Tetap di sini"), QMessageBox.ButtonRole.RejectRole)
        reload_ = box.addButton(self.tr("Muat ulang (buang perubahan saya)"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.finished.connect(lambda _r: box.clickedButton() is reload_ and self.current_id
                             and self.open_record(self.current_id))
        box.open()

    def revert(self) -> None:
        self.drafts.drop(record_too=True)
        self.form.load(self.current_record)
        self._update_buttons()

    def delete(self) -> None:
        if self.current_id is None:
            return
        if not ask.confirm(
                self, self.tr("Hapus data"),
                self.tr("Hapus “{title}”? Data yang dihapus tetap tercatat di log audit.")
                .replace("{title}", self.detail_title.text()),
                self.tr("Hapus"), name="deleteBox"):
            return
        record_id, version = self.current_id, self.current_version

        def job() -> None:
            self.service.delete(record_id, expected_version=version)

        def done(_r: Any) -> None:
            self.drafts.drop(record_too=True)
            self.form.mark_clean()
            self.new_record(ask=False)
            self.hub.notify(self.kind.name, [record_id])
            self.status.emit(self.tr("Dihapus."))

        def failed(exc: Exception) -> None:
            if isinstance(exc, StaleRecordError):
                self._stale(exc)
            elif isinstance(exc, DeskError):
                QMessageBox.warning(self, self.tr("Tidak dapat dihapus"), exc.message)
            else:
                from desktop.ui.errors import show_error

                show_error(exc, self)

        self.tasks.run_db(job, on_done=done, on_error=failed)

    def show_history(self) -> None:
        if self.current_id is None:
            return
        from desktop.ui.history_dialog import HistoryDialog

        HistoryDialog.show_for(self, self.kind, self.service.history(self.current_id),
                               self.detail_title.text(), self.lookups)

    # ------------------------------------------------------------------ drafts
    def draft_title(self, values: dict[str, Any]) -> str:
        """How the recovery dialog names a draft of this page's form."""
        title = self._title_of(values)
        return title if title != str(self.kind.label) else self.detail_title.text()

    def restore_draft(self, draft: Any) -> bool:
        """Show a recovered draft (``desktop.core.drafts.Draft``) in the form, unsaved.

        A draft of a saved record opens that record and lays the draft over it; its
        version stays the one the edit started from, so a save over someone else's later
        change meets the usual "changed by another user" question instead of overwriting.
        """
        if not self.confirm_discard():
            return False
        if draft.record_id is None:
            self._show_restored(None, draft)
            return True
        record_id = draft.record_id

        def missing(_exc: Exception) -> None:  # deleted since: keep the text as a new one
            draft.record_id = None
            self._show_restored(None, draft)
            self.status.emit(self.tr("Data asal draf sudah tidak ada; dipulihkan sebagai "
                                     "data baru."))

        self.tasks.run_db(lambda: self.service.get(record_id),
                          on_done=lambda record: self._show_restored(record, draft),
                          on_error=missing)
        return True

    def _show_restored(self, record: dict[str, Any] | None, draft: Any) -> None:
        if record is None:
            self.new_record(ask=False)
            self.form.load(None)
            self.form.fill(draft.values)
            self.form.mark_unsaved()
        else:
            self._show_record(record)
            self.form.fill(draft.values)
            if draft.version is not None:
                self.current_version = draft.version
        self.drafts.adopt(draft)
        self.detail_title.setText(self.tr("{title} (dipulihkan)").replace(
            "{title}", draft.title or str(self.kind.label)))
        self._update_buttons()
        self.status.emit(self.tr("Perubahan yang belum disimpan dipulihkan; simpan untuk "
                                 "menyimpannya."))

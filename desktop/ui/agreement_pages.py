"""The pages with extra work to do: Kunjungan (draft a KB from a visit) and Kerja Sama
(draft a PKS from a KB, check the text, preview, print and save the PDF)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.core.drafting import new_agreement
from desktop.core.formatting import number
from desktop.ui.agreement_findings import FindingsLabel
from desktop.ui.record.page import RecordPage
from desktop.ui.role_view import may_write

# the statuses of an agreement that has been signed (penandatanganan is the signing
# itself, still under way): reaching one of them asks for the signed scan
SIGNED_STATUSES = ("pelaksanaan", "monev")
# after a keystroke in the form, how long before the articles' printed reading follows
PRINTED_READING_MS = 250


def _plain(articles: list[dict[str, Any]]) -> list[Any]:
    """Articles without row ids: what the text says, to compare drafts."""
    return [(a.get("judul"), [(y.get("teks"), [b.get("teks") for b in y.get("butir", [])])
                              for y in a.get("ayat", [])]) for a in articles]


class VisitPage(RecordPage):
    """Adds "Buat Kesepakatan Bersama": a KB draft with the partner region and a premise."""

    draft_agreement = Signal(dict, str)  # draft, visit id to link once saved

    def _build(self) -> None:
        super()._build()
        self.make_kb = QPushButton(self.tr("Buat &Kesepakatan Bersama"), self)
        self.make_kb.setObjectName("makeKbButton")
        self.make_kb.clicked.connect(self.create_kb)
        self.related_bar.insertWidget(0, self.make_kb)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "make_kb"):
            self.make_kb.setEnabled(self.current_id is not None
                                    and may_write(self.desk, "agreements"))

    def create_kb(self) -> None:
        if self.current_id is None or not self.confirm_discard():
            return
        from desktop.core.drafting import kb_from_visit

        visit_id = self.current_id
        self.tasks.run_db(lambda: kb_from_visit(self.desk, visit_id),
                          on_done=lambda draft: self.draft_agreement.emit(draft, visit_id))


class AgreementPage(RecordPage):
    """Adds PKS drafting, the document checks and the PDF."""

    def _build(self) -> None:
        super()._build()
        self.mark_rows(self._expiry_note, lambda n: self.tr(
            "{n} segera berakhir", "", n).replace("{n}", number(n)),
                       self.tr("Baris berwarna: kerja sama yang masih berlaku dan berakhir "
                               "dalam {n} hari. Arahkan penunjuk ke baris untuk rinciannya.",
                               "", self._expiry_days).replace("{n}", str(self._expiry_days)),
                       lambda: {"berakhir_dalam": self._expiry_days})
        self.pending_visit: str | None = None
        self.make_pks = QPushButton(self.tr("Buat &PKS dari KB ini"), self)
        self.make_pks.setObjectName("makePksButton")
        self.check_button = QPushButton(self.tr("Peri&ksa naskah"), self)
        self.check_button.setObjectName("checkButton")
        self.preview_button = QPushButton(self.tr("Pratinjau && &cetak PDF"), self)
        self.preview_button.setObjectName("previewButton")
        for index, button in enumerate((self.make_pks, self.check_button,
                                        self.preview_button)):
            self.related_bar.insertWidget(index, button)
        self.findings = FindingsLabel(self.form, self)
        articles = self.form.collections.get("pasal")
        self._parent_record: tuple[str, dict[str, Any] | None] | None = None  # (induk, KB)
        self._reading_timer = QTimer(self)
        self._reading_timer.setSingleShot(True)
        self._reading_timer.setInterval(PRINTED_READING_MS)
        self._reading_timer.timeout.connect(self._refresh_printed_reading)
        if articles is not None:  # long legal text: edited in a window of its own
            self.form.changed.connect(self._reading_timer.start)
            self.form.loaded.connect(self._record_loaded)
            articles.allow_widening()
            articles.widen.clicked.connect(self.edit_articles_wide)
            widen = QShortcut(QKeySequence("Ctrl+Shift+E"), self)
            widen.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widen.activated.connect(self.edit_articles_wide)
        self.related_bar.parentWidget().layout().insertWidget(2, self.findings)
        self.form.editors["jenis"].changed.connect(self._jenis_changed)
        self.make_pks.clicked.connect(self.create_pks)
        self.check_button.clicked.connect(self.run_checks)
        self.preview_button.clicked.connect(self.preview)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "make_pks"):
            is_kb = bool(self.current_record and self.current_record.get("jenis") == "kb")
            self.make_pks.setEnabled(is_kb and self.current_id is not None
                                     and may_write(self.desk, "agreements"))
            self.preview_button.setEnabled(self.current_id is not None)
            self.check_button.setEnabled(self.current_id is not None)

    def _expiry_note(self, row: dict[str, Any]) -> str | None:
        end = row.get("berlaku_sampai")
        if end is None or row.get("status") == "berakhir":
            return None
        days = (end - date.today()).days
        if 0 <= days <= self._expiry_days:
            return self.tr("Berakhir dalam {n} hari", "", days).replace("{n}", str(days))
        return None

    @property
    def _expiry_days(self) -> int:
        from desktop.core.settings import EXPIRY_DAYS, current

        if not hasattr(self, "_expiry_cache"):
            self._expiry_cache = int(current().get(EXPIRY_DAYS))
        return self._expiry_cache

    # ------------------------------------------------------------------ drafts
    def new_record(self, ask: bool = True) -> bool:
        """A new agreement starts from the office's template, not from a blank page."""
        if not super().new_record(ask):
            return False
        if hasattr(self, "findings"):
            self.findings.clear_findings()
        if not hasattr(self, "make_pks"):
            return True  # still being built: the first blank form needs no template
        jenis = self.form.editors["jenis"].value() or "kb"
        self.tasks.run_db(lambda: new_agreement(self.desk, jenis),
                          on_done=self._template_ready)
        return True

    def _template_ready(self, draft: dict[str, Any]) -> None:
        if self.current_id is not None or self.form.is_dirty():
            return  # the user moved on or started typing: their work wins
        self.form.load(draft)
        self._template_draft = draft

    # ------------------------------------------------------------------ printed reading
    def _refresh_printed_reading(self) -> None:
        """The articles tree reads as the document prints: placeholders filled from the
        fields on screen (typed, not yet saved) and, for a PKS, from its KB."""
        from desktop.documents.naskah import document_values

        articles = self.form.collections.get("pasal")
        if articles is None:
            return
        self._reading_timer.stop()
        values = self.form.values()
        induk = values.get("induk_id") or None
        if induk and (self._parent_record is None or self._parent_record[0] != induk):
            self._fetch_parent(induk)  # filled in when it comes; blank ("....") until then
        parent = (self._parent_record[1] if induk and self._parent_record
                  and self._parent_record[0] == induk else None)
        articles.set_values(document_values({**(self.current_record or {}), **values},
                                            parent))

    def _record_loaded(self, _record: object) -> None:
        self._parent_record = None  # its KB may have changed since: read it again
        self._refresh_printed_reading()

    def _fetch_parent(self, induk: str) -> None:
        from desktop.core.errors import DeskError

        def job() -> dict[str, Any] | None:
            try:
                return self.service.get(induk)
            except DeskError:  # deleted meanwhile: its placeholders print blank
                return None

        def done(parent: dict[str, Any] | None) -> None:
            self._parent_record = (induk, parent)
            if self.form.values().get("induk_id") == induk:
                self._refresh_printed_reading()

        self._parent_record = (induk, None)  # asked once, not on every keystroke
        self.tasks.run_db(job, on_done=done)

    def _jenis_changed(self) -> None:
        """KB <-> PKS on an untouched new draft: take the other template's articles."""
        draft = getattr(self, "_template_draft", None)
        if self.current_id is not None or draft is None:
            return
        values = self.form.values()
        if _plain(values["pasal"]) != _plain(draft["pasal"]):
            return  # the articles were edited: never replace someone's text
        jenis = values["jenis"] or "kb"

        def swap(other: dict[str, Any]) -> None:
            if self.current_id is not None or _plain(self.form.values()["pasal"]) != \
                    _plain(draft["pasal"]):
                return
            self.form.collections["pasal"].set_rows(other["pasal"])
            self.form.editors["premis"].set_value(other["premis"])
            self._template_draft = other
            self.form.changed.emit()

        self.tasks.run_db(lambda: new_agreement(self.desk, jenis), on_done=swap)

    def load_draft(self, draft: dict[str, Any], visit_id: str | None = None) -> None:
        """Show a drafted agreement as a new, unsaved record."""
        if not self.new_record(ask=True):
            return  # the user kept their unsaved changes
        self.form.load(draft)
        self.form.mark_unsaved()
        self.pending_visit = visit_id
        self.detail_title.setText(self.tr("Draf {kind} baru").replace(
            "{kind}", "KB" if draft.get("jenis") == "kb" else "PKS"))
        self._update_buttons()

    def create_pks(self) -> None:
        if self.current_id is None or not self.confirm_discard():
            return
        from desktop.core.drafting import pks_from_kb

        kb_id = self.current_id
        self.tasks.run_db(lambda: pks_from_kb(self.desk, kb_id), on_done=self.load_draft)

    def _saved(self, record: dict[str, Any]) -> None:
        visit_id, self.pending_visit = self.pending_visit, None
        before = (self.current_record or {}).get("status") \
            if self.current_id == record["id"] else None  # None: it was a new agreement
        super()._saved(record)
        if visit_id:
            self.tasks.run_db(lambda: self._link_visit(visit_id, record["id"]),
                              on_done=lambda _r: self.hub.notify("visits", [visit_id]))
        if record.get("status") in SIGNED_STATUSES and before not in SIGNED_STATUSES:
            self._ask_for_signed_scan(record["id"])

    def _ask_for_signed_scan(self, record_id: str) -> None:
        """Just marked signed and no file kept with it yet: offer to attach the scan of
        the signed text now, while it is on the desk (Nanti: the Berkas box later)."""
        from desktop.core import attachments

        def ask(counts: dict[str, int]) -> None:
            if counts.get(record_id) or self.berkas.refused() is not None:
                return
            box = QMessageBox(self)
            box.setObjectName("signedScanBox")
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Naskah ditandatangani"))
            box.setText(self.tr("Lampirkan pindaian naskah yang sudah ditandatangani?"))
            attach = box.addButton(self.tr("Lampirkan…"), QMessageBox.ButtonRole.AcceptRole)
            later = box.addButton(self.tr("Nanti"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(attach)
            box.setEscapeButton(later)
            box.exec()
            if box.clickedButton() is not attach:
                return
            from desktop.ui.record import berkas_parts

            paths = berkas_parts.choose_files(self)
            if paths:
                self.berkas.add_paths(paths, record_id)

        self.tasks.run_db(lambda: attachments.counts(self.desk, "agreements", [record_id]),
                          on_done=ask)

    def _link_visit(self, visit_id: str, agreement_id: str) -> None:
        visit = self.desk.visits.get(visit_id)
        ids = list(dict.fromkeys([*visit["kerjasama_ids"], agreement_id]))
        self.desk.visits.update(visit_id, {"kerjasama_ids": ids},
                                expected_version=visit["version"])

    # ------------------------------------------------------------------ document
    def _document_inputs(self) -> tuple[dict[str, Any], dict[str, Any] | None,
                                        dict[str, Any] | None]:
        agreement = self.service.get(self.current_id or "")
        parent = self.service.get(agreement["induk_id"]) if agreement.get("induk_id") else None
        return agreement, parent, self.desk.office.get()

    def run_checks(self) -> None:
        if self.current_id is None:
            return
        from desktop.documents.checks import check_agreement

        record_id = self.current_id
        shown = self.form.values()  # what is on screen, so places match the editor

        def job() -> list[Any]:
            agreement, parent, _office = self._document_inputs()
            return check_agreement({**agreement, **shown}, parent=parent)

        def done(findings: list[Any]) -> None:
            if self.current_id == record_id:  # not if another record is shown by now
                self.findings.show_findings(findings)

        self.tasks.run_db(job, on_done=done)

    def _show_record(self, record: dict[str, Any]) -> None:
        if record.get("id") != self.current_id:  # findings belong to the record checked
            self.findings.clear_findings()
        super()._show_record(record)

    def edit_articles_wide(self) -> None:
        """The articles in a large window: the same editor, moved there until Esc."""
        from desktop.ui.articles_window import ArticlesWindow

        editor = self.form.collections["pasal"]
        if editor.wide:
            return  # already open
        ArticlesWindow(editor, self.detail_title.text(), self).open_editing()

    def preview(self) -> None:
        if self.current_id is None or not self.confirm_discard():
            return
        from collections.abc import Callable
        from functools import partial

        from desktop.documents.docx_writer import render_docx
        from desktop.documents.options import render_options
        from desktop.documents.pdf import render_agreement
        from desktop.ui.pdf_preview import (
            FIRST_PAGES,
            PREVIEW_SCALE,
            PdfPreviewDialog,
            rasterise,
        )

        ratio = self.devicePixelRatioF()  # pages as sharp as this screen's scaling allows

        def job() -> tuple[bytes, list[Any], Callable[[], bytes]]:
            agreement, parent, office = self._document_inputs()
            options = render_options(agreement, office)
            pdf = render_agreement(agreement, office=office, parent=parent, options=options)
            # "Simpan DOCX": the previewed record, not what the page holds when it is clicked
            docx = partial(render_docx, agreement, office=office, parent=parent,
                           options=options)
            return pdf, rasterise(pdf, PREVIEW_SCALE, ratio, FIRST_PAGES), docx

        def show(result: tuple[bytes, list[Any], Callable[[], bytes]]) -> None:
            pdf, pages, docx = result
            title = (self.current_record or {}).get("judul") or "kerja-sama"
            name = re.sub(r'[\\/:*?"<>|\s]+', " ", title).strip()
            if len(name) > 60:  # whole words: never "... dan Satu .pdf"
                name = name[:61].rsplit(" ", 1)[0].rstrip(" ,.;-")
            name = name or "kerja-sama"
            dialog = PdfPreviewDialog(pdf, pages, self.detail_title.text(), f"{name}.pdf", self,
                                      tasks=self.tasks, docx=docx)
            dialog.open()

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("PDF tidak dapat dibuat"),
                                getattr(exc, "message", str(exc)))

        self.tasks.run_db(job, on_done=show, on_error=failed,
                          label=self.tr("Menyusun PDF…"), parent_widget=self)

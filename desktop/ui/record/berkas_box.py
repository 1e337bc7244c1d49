"""The Berkas box of a record's detail pane: the files kept with the record.

The same box for every kind (the signed scan of a KB/PKS, a visit's surat permohonan and
photos, an app's screenshots). It only draws and asks; the core's
``desktop.core.attachments`` checks, stores and reads the files. Every read and write runs
on the database worker, adding with a progress dialog that can be cancelled (a scan can
be tens of megabytes), and whatever the core refuses (too big, not a PDF/image/DOCX/XLSX,
the record deleted meanwhile) is said in a message box while the list stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import attachments
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.live import LoginNames
from desktop.ui import ask
from desktop.ui.record import berkas_parts
from desktop.ui.record.berkas_parts import (
    ATTACHMENT,
    FileList,
    Opener,
    size_text,
    type_text,
    when_text,
)
from desktop.ui.save_paths import ask_save_path
from desktop.ui.tasks import Cancelled, CancelToken, Task, TaskManager
from desktop.ui.widgets.flow import FlowLayout

_NOT_TOLD = object()  # the Desk has no ``access`` (yet): the window does not restrict


class BerkasBox(QGroupBox):
    """List of the record's files with Tambah…, Buka, Simpan sebagai…, Hapus, Simpan semua."""

    changed = QtSignal(str)  # the id of the record whose files were added or deleted
    status = QtSignal(str)  # a short message for the status bar

    def __init__(self, desk: Desk, kind: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Berkas"), parent)
        self.setObjectName("berkasBox")
        self.desk = desk
        self.kind = kind
        self.tasks = tasks
        self.record_id: str | None = None
        self.record_title = ""
        self.files: list[Any] = []  # BerkasInfo of the record shown, as last read
        self.busy = False
        self.adding: Task | None = None  # the add under way (its progress dialog cancels it)
        self.opener: Opener | None = None  # None: the system viewer (tests put their own)
        self._generation = 0
        self.names = LoginNames(desk.db)  # who added a file: the person's name, not the login
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr("Simpan dulu untuk melampirkan berkas."), self)
        self.note.setObjectName("berkasNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.empty = QLabel(self.tr("Belum ada berkas. Pilih Tambah… atau seret berkas ke "
                                    "sini."), self)
        self.empty.setObjectName("berkasEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.list = FileList(self)
        layout.addWidget(self.list)
        bar = FlowLayout()
        self.add_button = QPushButton(self.tr("Tambah…"), self)
        self.open_button = QPushButton(self.tr("Buka"), self)
        self.save_as_button = QPushButton(self.tr("Simpan sebagai…"), self)
        self.delete_button = QPushButton(self.tr("Hapus"), self)
        self.zip_button = QPushButton(self.tr("Simpan semua (ZIP)…"), self)
        for name, button in (("berkasAdd", self.add_button), ("berkasOpen", self.open_button),
                             ("berkasSaveAs", self.save_as_button),
                             ("berkasDelete", self.delete_button),
                             ("berkasZip", self.zip_button)):
            button.setObjectName(name)
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_as_button.clicked.connect(self.save_selected_as)
        self.delete_button.clicked.connect(self.delete_selected)
        self.zip_button.clicked.connect(self.save_all)
        self.list.open_requested.connect(self.open_selected)
        self.list.delete_requested.connect(self.delete_selected)
        self.list.itemDoubleClicked.connect(lambda *_a: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.set_record(None)

    # ------------------------------------------------------------------ record
    def set_record(self, record_id: str | None, title: str = "") -> None:
        """Show the files of ``record_id`` (None: a new, unsaved record: nothing to attach
        to yet)."""
        saved = record_id is not None
        if record_id != self.record_id:
            self.files = []
            self.list.clear()
        self.record_id, self.record_title = record_id, title
        self.note.setVisible(not saved)
        self.list.setVisible(saved)
        for button in self.buttons():
            button.setVisible(saved)
        self.empty.setVisible(False)
        self._show_count()
        if saved:
            self.reload()
        else:
            self._generation += 1  # a list still being read is for another record
            self._update_buttons()

    def reload(self) -> None:
        """Read the record's files again (after an add, a delete, another record)."""
        if self.record_id is None:
            return
        self._generation += 1
        generation, record_id = self._generation, self.record_id
        def job() -> tuple[list[Any], dict[str, str]]:
            files = attachments.list_for(self.desk, self.kind, record_id)
            return files, {f.pengguna: self.names.name_of(f.pengguna) for f in files}

        self.tasks.run_db(job, on_done=lambda found: self._show_files(generation, *found))

    def _show_files(self, generation: int, files: list[Any], names: dict[str, str]) -> None:
        if generation != self._generation:
            return  # another record is shown by now
        keep = self.list.current_id()
        self.files = list(files)
        self.list.clear()
        for info in self.files:
            who = names.get(info.pengguna) or info.pengguna or ""
            item = QTreeWidgetItem([info.nama, type_text(info.tipe), size_text(info.ukuran),
                                    who, when_text(info.waktu)])
            item.setToolTip(3, info.pengguna or "")  # the login behind the name
            item.setData(0, Qt.ItemDataRole.UserRole, info.id)
            item.setData(1, Qt.ItemDataRole.UserRole, info)
            item.setToolTip(0, info.nama)
            item.setSizeHint(0, QSize(0, self.list.row_height()))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if info.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.files:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.fit_rows(len(self.files))
        self.empty.setVisible(not self.files)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        self.setTitle(self.tr("Berkas ({n})").replace("{n}", str(len(self.files)))
                      if self.files else self.tr("Berkas"))

    # ------------------------------------------------------------------ state
    def buttons(self) -> list[QPushButton]:
        return [self.add_button, self.open_button, self.save_as_button, self.delete_button,
                self.zip_button]

    def refused(self) -> str | None:
        """Why this person may not change the kind's files (None: they may)."""
        access = getattr(self.desk, "access", _NOT_TOLD)
        if access is _NOT_TOLD:
            return None
        from desktop.core.roles import refusal

        if access is None:  # a login with no Desk role reads nothing, changes nothing
            return self.tr("Anda tidak memiliki peran Desk.")
        return None if access.can_write(self.kind) else refusal(access, kind=self.kind)

    def may_change(self) -> bool:
        return self.record_id is not None and not self.busy and self.refused() is None

    def _update_buttons(self) -> None:
        refused = self.refused()
        selected = self.list.currentItem() is not None and self.record_id is not None
        self.add_button.setEnabled(self.may_change())
        self.delete_button.setEnabled(selected and not self.busy and refused is None)
        for button in (self.add_button, self.delete_button):
            button.setToolTip(refused or "")
        self.open_button.setEnabled(selected)
        self.save_as_button.setEnabled(selected)
        self.zip_button.setEnabled(bool(self.files) and self.record_id is not None)

    # ------------------------------------------------------------------ adding
    def add_files(self) -> None:
        """Tambah…: the file dialog (several files at once), then add them."""
        if not self.may_change():
            return
        paths = berkas_parts.choose_files(self)
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[str], record_id: str | None = None) -> None:
        """Add ``paths`` to the record shown (or ``record_id``) in the background, one
        after the other; a file the core refuses is named in one message at the end, the
        others are kept."""
        record_id = record_id or self.record_id
        if record_id is None or self.busy or self.refused() is not None or not paths:
            return
        kind, desk = self.kind, self.desk

        def job(token: CancelToken) -> list[tuple[str, str]]:
            refused: list[tuple[str, str]] = []
            for path in paths:
                token.raise_if_cancelled()
                try:
                    attachments.add(desk, kind, record_id, path, progress=token.progress,
                                    cancel=token)
                except Cancelled:
                    raise
                except DeskError as exc:
                    refused.append((Path(path).name, exc.message))
                except OSError as exc:  # gone or unreadable between the dialog and now
                    refused.append((Path(path).name, exc.strerror or str(exc)))
            return refused

        self.busy = True
        self._update_buttons()
        self.adding = self.tasks.run_db(
            job, on_done=self._added, on_error=self._failed,
            label=self.tr("Melampirkan berkas…"), parent_widget=self, cancellable=True,
            on_finished=lambda: self._add_finished(record_id))

    def _added(self, refused: list[tuple[str, str]]) -> None:
        if not refused:
            self.status.emit(self.tr("Berkas dilampirkan."))
            return
        box = QMessageBox(self)
        box.setObjectName("berkasRefusedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Berkas tidak dilampirkan"))
        box.setText("\n\n".join(message for _name, message in refused))
        box.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.open()

    def _add_finished(self, record_id: str) -> None:
        self.busy = False
        self.adding = None
        self.changed.emit(record_id)  # the list's count, also after a cancel mid-way
        if record_id == self.record_id:
            self.reload()
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        from desktop.ui.errors import show_error

        show_error(exc, self)

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.may_change() and _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event)
        if not (self.may_change() and paths):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # ------------------------------------------------------------------ the selected file
    def open_selected(self) -> None:
        """Buka (Enter, double-click): a private temporary copy in the system viewer."""
        info = self.list.current_info()
        if info is None:
            return
        opener = self.opener or berkas_parts.open_with_system

        def opened(path: Path) -> None:
            opener(Path(path))
            self.status.emit(self.tr("Dibuka: {name}").replace("{name}", info.nama))

        self.tasks.run_db(lambda: attachments.open_copy(self.desk, info.id), on_done=opened,
                          on_error=self._failed, label=self.tr("Membuka berkas…"),
                          parent_widget=self)

    def save_selected_as(self) -> None:
        info = self.list.current_info()
        if info is None:
            return
        suffix = Path(info.nama).suffix
        filters = (f"{type_text(info.tipe)} (*{suffix})" if suffix else "") + \
            (";;" if suffix else "") + self.tr("Semua berkas (*)")
        path, _ = ask_save_path(self, ATTACHMENT, self.tr("Simpan berkas"), info.nama, filters)
        if not path:
            return
        self.tasks.run_db(lambda: attachments.read_to(self.desk, info.id, path),
                          on_done=lambda _r: self.status.emit(
                              self.tr("Disimpan ke {path}").replace("{path}", path)),
                          on_error=self._failed, label=self.tr("Menyimpan berkas…"),
                          parent_widget=self)

    def delete_selected(self) -> None:
        """Hapus (Delete): asked first, Batal the default."""
        info = self.list.current_info()
        if info is None or self.busy or self.refused() is not None:
            return
        if not ask.confirm(self, self.tr("Hapus berkas"),
                           self.tr("Hapus berkas “{name}” dari data ini? Penghapusan "
                                   "tercatat di log audit.").replace("{name}", info.nama),
                           self.tr("Hapus"), name="deleteBerkasBox"):
            return
        record_id = self.record_id or ""

        def done(_r: Any) -> None:
            self.status.emit(self.tr("Berkas dihapus."))
            self.changed.emit(record_id)
            if record_id == self.record_id:
                self.reload()

        self.tasks.run_db(lambda: attachments.delete(self.desk, info.id), on_done=done,
                          on_error=self._failed)

    def save_all(self) -> None:
        """Simpan semua: every file of the record in one ZIP."""
        if not self.files or self.record_id is None:
            return
        record_id = self.record_id
        name = self.tr("Berkas {title}.zip").replace("{title}", self.record_title or record_id)
        path, _ = ask_save_path(self, ATTACHMENT, self.tr("Simpan semua berkas"), name,
                                "ZIP (*.zip)")
        if not path:
            return
        self.tasks.run_db(
            lambda: attachments.export_zip(self.desk, self.kind, record_id, path),
            on_done=lambda _r: self.status.emit(
                self.tr("Disimpan ke {path}").replace("{path}", path)),
            on_error=self._failed, label=self.tr("Menyimpan berkas…"), parent_widget=self)


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The dragged files, when every dragged item is a local file (no web links)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    paths = [url.toLocalFile() for url in urls]
    return paths if all(Path(p).is_file() for p in paths) else []

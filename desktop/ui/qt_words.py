"""Qt's own words in Indonesian, for the few of them this program shows.

Qt ships no Indonesian catalogue (there is no ``qtbase_id.qm``), so in an Indonesian
window an error box offered "Show Details...", a yes/no box "&Yes" and "&No", Qt's file
dialog "Look in:", "File name:" and "Cancel", and a text field's menu "Copy" and
"Paste". ``QtWords`` answers those
strings; ``desktop.ui.i18n`` installs it for Indonesian when no Qt catalogue is found.
Strings not listed stay as Qt has them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

_EDIT_MENU = {
    "&Undo": "&Urungkan", "&Redo": "&Ulangi", "Cu&t": "Po&tong", "&Copy": "&Salin",
    "&Paste": "&Tempel", "Delete": "Hapus", "Select All": "Pilih semua",
}

WORDS: dict[str, dict[str, str]] = {
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian…",
        "Hide Details...": "Sembunyikan rincian…",
    },
    # the standard buttons of message boxes and button boxes
    "QPlatformTheme": {
        "OK": "OK", "Save": "Simpan", "Save All": "Simpan semua", "Open": "Buka",
        "&Yes": "&Ya", "Yes to &All": "Ya untuk &semua", "&No": "&Tidak",
        "N&o to All": "T&idak untuk semua", "Abort": "Batalkan", "Retry": "Coba lagi",
        "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
        "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur ulang",
        "Restore Defaults": "Kembalikan bawaan",
    },
    # Qt's own file dialog (where the system offers none)
    "QFileDialog": {
        "&Look in:": "&Lihat di:", "File &name:": "&Nama berkas:",
        "Files of &type:": "&Jenis berkas:", "&Open": "&Buka", "&Save": "&Simpan",
        "&Choose": "&Pilih", "Back": "Kembali", "Forward": "Maju",
        "Parent Directory": "Folder induk", "Create New Folder": "Buat folder baru",
        "Create a New Folder": "Buat folder baru", "&New Folder": "Folder &baru",
        "List View": "Tampilan daftar", "Detail View": "Tampilan rinci",
        "Go back": "Kembali", "Go forward": "Maju",
        "Go to the parent directory": "Ke folder induk",
        "Change to list view mode": "Tampilkan sebagai daftar",
        "Change to detail view mode": "Tampilkan dengan rincian",
        "Show &hidden files": "Tampilkan berkas &tersembunyi", "&Rename": "&Ganti nama",
        "&Delete": "&Hapus", "All Files (*)": "Semua berkas (*)", "Files": "Berkas",
        "%1 already exists.\nDo you want to replace it?":
            "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nBerkas tidak ditemukan.\nPeriksa nama berkasnya.",
    },
    "QFileSystemModel": {
        "Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Date Modified": "Diubah",
        "Computer": "Komputer",
    },
    "QAbstractFileIconProvider": {"Folder": "Folder", "Drive": "Drive",
                                  "Unknown": "Tidak dikenal"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": {**_EDIT_MENU, "Copy &Link Location": "Salin alamat &tautan"},
}


class QtWords(QTranslator):
    """A translator that knows only ``WORDS``; every other string is left to Qt."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        return WORDS.get(context, {}).get(source)

    def isEmpty(self) -> bool:
        return False

"""User settings, each declared once (key, type, default, label), in an INI file.

The file lives in the user's config folder (or beside the program in portable mode, see
``desktop.core.paths``) so the CLI and the GUI share it (the database
chosen in the settings dialog is the one ``diskominfo-desk list`` uses). Secrets never go
here: the catalog token and database passwords belong in the OS keyring. Window geometry
and other view state stay in QSettings, in the GUI layer.

Reading a setting: ``current().get(EXPIRY_DAYS)``, the process's one ``Settings``, parsed
once and parsed again only when the file changed (a save here, the CLI or the other
window writing it), so what the Settings dialog saves takes effect at once, everywhere.
Changing one: a ``Settings()`` of its own (the dialog's editor), ``set`` then ``save``;
never ``set`` on ``current()``, which every reader shares.
"""

from __future__ import annotations

import configparser
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import DeskError
from desktop.core.i18n import Label, t
from desktop.core.private_files import make_private
from desktop.core.url_password import url_password

SECTION = "desk"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: Label


LANGUAGE = Setting("language", str, "id", Label("Bahasa"))
DATABASE = Setting("database", str, "", Label("Basis data"))
USER_NAME = Setting("user_name", str, "", Label("Nama pengguna (log audit)"))
EXPIRY_DAYS = Setting("expiry_days", int, 90, Label("Peringatan kerja sama berakhir (hari)"))
PAGE_SIZE = Setting("page_size", str, "A4", Label("Ukuran kertas naskah"))
TITLE_CASE_OPENING = Setting("title_case_opening", bool, False,
                             Label("Tanggal pembuka dengan Huruf Kapital di Awal Kata"))
COPIES_PER_PARTY = Setting("copies_per_party", bool, False,
                           Label("Satu naskah asli per pihak"))
OFFICE_LOGO = Setting("office_logo", str, "", Label("Logo kantor"))
# "system" follows the operating system's light/dark scheme; "light" or "dark" fixes it
COLOR_SCHEME = Setting("color_scheme", str, "system", Label("Tampilan"))
BACKUP_KEEP = Setting("backup_keep", int, 7, Label("Jumlah cadangan harian yang disimpan"))
# Import limits: a spreadsheet is read in one streaming pass, but a file must still not be
# able to keep the machine busy for an hour or fill its memory (see core.importing.limits)
IMPORT_MAX_ROWS = Setting("import_max_rows", int, 200_000,
                          Label("Baris data paling banyak per impor"))
IMPORT_MAX_FILE_MB = Setting("import_max_file_mb", int, 100,
                             Label("Ukuran berkas impor paling besar (MB)"))
IMPORT_MAX_EXPANDED_MB = Setting("import_max_expanded_mb", int, 1_000,
                                 Label("Isi XLSX terurai paling besar (MB)"))
IMPORT_MAX_RATIO = Setting("import_max_ratio", int, 100,
                           Label("Rasio pemampatan XLSX paling besar"))
# Berkas (files attached to records) are kept in the database: a limit keeps one scan
# from swelling every backup (see core.attachments)
BERKAS_BATAS_MB = Setting("berkas_batas_mb", int, 25,
                          Label("Ukuran berkas lampiran paling besar (MB)"))
# "auto": the regional settings' list separator (";" in Indonesia), see core.csv_format
CSV_DELIMITER = Setting("csv_delimiter", str, "auto",
                        Label("Pemisah kolom CSV"))
ALL_SETTINGS = (LANGUAGE, DATABASE, USER_NAME, EXPIRY_DAYS, PAGE_SIZE, TITLE_CASE_OPENING,
                COPIES_PER_PARTY, OFFICE_LOGO, BACKUP_KEEP, IMPORT_MAX_ROWS, IMPORT_MAX_FILE_MB,
                IMPORT_MAX_EXPANDED_MB, IMPORT_MAX_RATIO, COLOR_SCHEME, CSV_DELIMITER,
                BERKAS_BATAS_MB)
TRUE_WORDS = frozenset({"1", "true", "yes", "on", "ya"})


def settings_path() -> Path:
    override = os.environ.get("DISKOMINFO_DESK_CONFIG")
    if override:
        return Path(override)
    return paths.user_config_dir() / "settings.ini"


class Settings:
    """Typed access to the settings file; unknown or broken values fall back to defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._parser = configparser.ConfigParser(interpolation=None)
        try:
            self._parser.read(self.path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            self._parser = configparser.ConfigParser(interpolation=None)
        if not self._parser.has_section(SECTION):
            self._parser.add_section(SECTION)

    def get(self, setting: Setting) -> Any:
        raw = self._parser.get(SECTION, setting.key, fallback=None)
        if raw is None:
            return setting.default
        if setting.type is bool:  # bool("False") would be True
            return raw.strip().lower() in TRUE_WORDS
        try:
            return setting.type(raw)
        except ValueError:
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        if setting is DATABASE and url_password(str(value)) is not None:
            raise DeskError(t("Alamat basis data memuat kata sandi; kata sandi tidak pernah "
                              "disimpan di berkas pengaturan. Simpan lewat Pengaturan (ke "
                              "brankas kunci) atau di berkas ~/.pgpass."))
        self._parser.set(SECTION, setting.key, str(setting.type(value)).lower()
                         if setting.type is bool else str(setting.type(value)))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            self._parser.write(fh)
        make_private(tmp)
        tmp.replace(self.path)  # never a half-written settings file
        reload()  # read from the file as written, not from this editor's copy


# the process's settings and the file's state when they were read: (path, inode, mtime, size)
_current: tuple[Settings, tuple[Path, int, int, int] | None] | None = None
_lock = threading.Lock()


def _file_state(path: Path) -> tuple[Path, int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:  # no file yet (every setting at its default) or unreadable
        return None
    return path, stat.st_ino, stat.st_mtime_ns, stat.st_size


def current() -> Settings:
    """The settings in force, read once per process (again only when the file changed).

    Why the check: the file is shared by the window and the CLI, and a value saved by
    either must take effect as it did when every reader opened the file itself; one
    ``stat`` costs far less than parsing the INI at each of the places that read it.
    The path is looked up again too: tests (and portable mode) point it elsewhere.
    """
    global _current
    path = settings_path()
    state = _file_state(path)
    with _lock:
        if _current is None or _current[0].path != path or _current[1] != state:
            _current = (Settings(path), state)
        return _current[0]


def reload() -> Settings:
    """Forget what was read: the next ``current()`` parses the file again."""
    global _current
    with _lock:
        _current = None
    return current()

"""Where a file dialog starts, and the file name it suggests.

A bare name given to ``QFileDialog`` ("datasets.xlsx") opens the dialog in the working
folder, which for an installed program is the program's own folder. Every
save and open dialog of the window goes through here instead, as a well-kept desktop
program does:

* it starts in the folder the user last chose *for that purpose* (exports, documents,
  import sheets…), remembered in the view-state settings (``paths/<purpose>``);
* the first time, in the user's Documents folder (``QStandardPaths.DocumentsLocation``),
  never the program or working folder;
* a save dialog suggests a meaningful name in the interface language with the date,
  e.g. "Dataset 2026-12-04.xlsx" / "Datasets 2026-12-04.xlsx".

The folder and name logic is plain functions (``start_folder``, ``dated_name``,
``suggested_path``) so it is tested without a native dialog.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# one remembered folder per kind of file, so a backup folder never becomes the
# export folder and the other way round
EXPORT = "export"  # lists exported to XLSX/CSV/PDF
DOCUMENT = "document"  # KB/PKS and period reports saved from the preview (PDF, DOCX)
IMPORT = "import"  # sheets to import, import templates and import reports
LOGO = "logo"
DATABASE = "database"
CERTIFICATE = "certificate"
PURPOSES = (EXPORT, DOCUMENT, IMPORT, LOGO, DATABASE, CERTIFICATE)

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not allowed in a Windows file name
MAX_STEM = 80


def documents_folder() -> Path:
    """The user's Documents folder (the home folder where a system has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def settings_for(widget: QWidget | None) -> QSettings | None:
    """The view-state settings of the window ``widget`` is in (a page's or the main
    window's ``settings``), found up the parent chain."""
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, QSettings):
            return settings
        widget = widget.parentWidget()
    return None


def start_folder(settings: QSettings | None, purpose: str) -> Path:
    """The folder last used for ``purpose`` if it still exists, else Documents."""
    if settings is not None:
        remembered = settings.value(f"paths/{purpose}")
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
    return documents_folder()


def remember(settings: QSettings | None, purpose: str, chosen: str | Path) -> None:
    """Keep the folder of the file the user chose, for the next dialog of ``purpose``."""
    if settings is None or not str(chosen):
        return
    settings.setValue(f"paths/{purpose}", str(Path(chosen).parent))


def safe_stem(text: str) -> str:
    """``text`` usable as a file name on every system: no path separators or characters
    Windows refuses, no leading/trailing dots or spaces, at most ``MAX_STEM`` characters
    cut at a word."""
    stem = re.sub(r"\s+", " ", _UNSAFE.sub(" ", text)).strip(" .")
    if len(stem) > MAX_STEM:
        stem = stem[:MAX_STEM + 1].rsplit(" ", 1)[0].rstrip(" ,.;-")
    return stem


def dated_name(title: str, suffix: str, when: date | str | None = None) -> str:
    """"Dataset 2026-12-04.xlsx": the title (a page's title, in the interface language),
    the date (or a period such as "2026-11"), the suffix."""
    stamp = when if isinstance(when, str) else (when or date.today()).isoformat()
    stem = safe_stem(f"{title} {stamp}")
    return f"{stem}{suffix}"


def suggested_path(settings: QSettings | None, purpose: str, name: str) -> str:
    """What a save dialog starts with: the name in the purpose's start folder."""
    return str(start_folder(settings, purpose) / (safe_stem(Path(name).stem) +
                                                   Path(name).suffix))


def ask_save_path(parent: QWidget, purpose: str, caption: str, name: str,
                  filters: str) -> tuple[str, str]:
    """The save dialog: starts in the purpose's folder with ``name`` suggested; the
    chosen folder is remembered. ("", "") when the user cancelled."""
    settings = settings_for(parent)
    path, chosen = QFileDialog.getSaveFileName(
        parent, caption, suggested_path(settings, purpose, name), filters)
    if path:
        remember(settings, purpose, path)
    return path, chosen


def ask_open_path(parent: QWidget, purpose: str, caption: str, filters: str,
                  current: str = "") -> str:
    """The open dialog: at ``current`` if it names an existing file or folder, else in
    the purpose's folder; the chosen folder is remembered. "" when cancelled."""
    settings = settings_for(parent)
    start = str(start_folder(settings, purpose))
    if current and Path(current).expanduser().exists():
        start = str(Path(current).expanduser())
    path, _ = QFileDialog.getOpenFileName(parent, caption, start, filters)
    if path:
        remember(settings, purpose, path)
    return path

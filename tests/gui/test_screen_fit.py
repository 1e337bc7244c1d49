"""Every page and dialog fits a 1366×768 laptop and a 1024×700 screen, and shows its
texts whole (issue 16).

The screen size is fixed when Qt starts, so each size runs ``screen_fit_script.py`` in a
subprocess on Qt's offscreen platform with a screen of that size. The script walks the
Beranda, a Beranda tile (its long filter chip) and clearing it, every record page with
and without a record in the form, the Sinkronisasi page, the Pengingat panel, every
dialog and secondary window (``EVERYWHERE``) and the editors of sub-list tables, and
reports each window past the screen's available geometry and each text cut short: see
``fit_checks.py`` for what is measured.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DemoTemplates

SCRIPT = Path(__file__).with_name("screen_fit_script.py")
EVERYWHERE = (
    "Beranda", "Dataset after a Beranda tile", "Dataset after the chip was cleared",
    "Kerja Sama with a record", "Sinkronisasi", "Pengingat",
    # the menus' dialogs
    "dialog settings", "dialog settings tab Profil kantor", "dialog settings tab Basis data",
    "dialog settings tab Naskah", "dialog templates", "dialog report", "dialog report range",
    "dialog report preview", "dialog import", "dialog import with errors", "dialog about",
    # a record's Riwayat on each record page
    "dialog history apps", "dialog history datasets", "dialog history visits",
    "dialog history agreements",
    # a KB's and a PKS's PDF preview and article editor window
    "dialog pdf preview kb", "dialog pdf preview pks", "window articles kb",
    "window articles pks", "Kerja Sama kb with a printed line",
    "Kerja Sama pks with a printed line",
    # editors opened in sub-list tables: dates, multi-line texts, choices
    "cell editor kb pihak surat_kuasa_tanggal", "cell editor kb pihak nama_instansi",
    "cell editor kb lampiran kegiatan", "cell editor pks pihak surat_kuasa_tanggal",
    "cell editor pks lampiran kegiatan", "cell editor visit tindak_lanjut uraian",
    "cell editor visit tindak_lanjut tenggat", "cell editor visit tindak_lanjut status",
    # questions and messages with long texts
    "dialog ask", "dialog error", "dialog error unexpected", "dialog unsaved",
    "dialog stale record", "Kerja Sama with findings",
    # backup and restore
    "dialog restore confirm", "dialog restore file", "dialog backup failed",
    "dialog restored",
    # the Sinkronisasi page's questions and its conflict editor
    "dialog catalog changed", "dialog held deletions", "Sinkronisasi with a conflict",
    "dialog conflict edit",
    # first start and after a crash
    "dialog welcome", "dialog welcome with errors", "dialog draft recovery",
    # a long job's progress, its message naming a long title
    "dialog progress",
    # the demo data: refused over records, asked before replacing an office profile
    "dialog demo refused", "dialog demo replaces the office",
    # a record's files, the refusal of a file and the signed scan's question
    "Kerja Sama with files", "dialog berkas refused", "dialog signed scan",
)


def walk(url: str, size: str, tmp_path: Path, lang: str = "id") -> dict[str, list[str]]:
    env = dict(os.environ, DISKOMINFO_DESK_REMINDERS=str(tmp_path / "reminders.json"))
    for var in ("DATA", "CONFIG", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(tmp_path / var.lower())
    result = tmp_path / f"{size}.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), url, size, str(result), lang],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(result.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", ["1366x768", "1024x700"])
def test_every_page_and_dialog_fits_the_screen_and_clips_no_text(
        size: str, demo_url: str, tmp_path: Path) -> None:
    report = walk(demo_url, size, tmp_path)
    assert report["problems"] == []
    width, height = (int(v) for v in size.split("x"))
    walked = [line.split(":")[0] for line in report["seen"]]
    # the walk really went everywhere: the tile and its cleared chip, eight pages, every
    # dialog and secondary window, the editors of the sub-list tables
    missing = [where for where in EVERYWHERE if where not in walked]
    assert missing == [], missing
    assert {"Nama kantor *", "Alamat katalog", "Periode"} <= set(report["form_labels"])
    # a 1366-px laptop shows every list and its form side by side (the panel closed)
    arrangement = [line.split(":")[0] for line in report["seen"] if " form " in line]
    assert len(arrangement) >= 6 + 2
    if width >= 1366:
        assert all("beside the list" in line for line in arrangement
                   if "Pengingat" not in line), arrangement
    for line in report["seen"]:
        w, h = (int(v) for v in line.rsplit(" ", 1)[1].split("x"))
        assert w <= width and h <= height, line


def test_in_english_nothing_is_cut_on_the_small_screen(
        demo_templates: DemoTemplates, tmp_path: Path) -> None:
    """The same walk with the English catalogue at 1024×700 (the tightest screen): its
    words are longer in places ("Agreement expiry warning"). Geometry does not depend on
    the database engine, so one engine is enough here."""
    url = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_templates.sqlite(), url)
    report = walk(str(url), "1024x700", tmp_path, lang="en")
    assert report["problems"] == []
    walked = [line.split(":")[0] for line in report["seen"]]
    dialogs = [where for where in EVERYWHERE if where.startswith(("dialog", "window", "cell"))
               and " tab " not in where]
    assert [where for where in dialogs if where not in walked] == []
    assert {"API token", "Agreement expiry warning"} <= set(report["form_labels"])


def test_long_texts_elide_with_the_whole_text_in_the_tooltip(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from desktop.ui.widgets.elided import ElidedButton, ElidedLabel

    path = "postgresql://kantor@db.diskominfo.banyuwangikab.go.id:5432/diskominfo_desk_2026"
    label = ElidedLabel(path, None, Qt.TextElideMode.ElideMiddle)
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < QLabel(path).sizeHint().width() // 4
    label.resize(160, 20)
    label.show()
    shown = QLabel.text(label)
    assert "…" in shown and shown.startswith("postgres") and shown.endswith("2026")
    assert label.toolTip() == path and label.full_text() == path
    label.resize(2000, 20)  # room again: the whole text, no tooltip needed
    assert QLabel.text(label) == path and label.toolTip() == ""
    chip = ElidedButton()
    qtbot.addWidget(chip)
    chip.setText("Beranda: Kunjungan dengan tindak lanjut lewat tenggat (12 butir)  ✕")
    chip.setToolTip("Hapus saringan ini")
    chip.resize(150, 26)
    chip.show()
    assert chip.text().endswith("…") and chip.minimumSizeHint().width() <= 150
    assert chip.toolTip().startswith("Beranda: Kunjungan") and "Hapus saringan" in chip.toolTip()


def test_each_measurement_fails_on_a_cut_text_and_passes_with_room(qtbot) -> None:
    """The walk's checks are not blind: buttons, tool buttons, check and radio boxes,
    group box titles, tabs, combo boxes and wrapped labels too small for their text are
    each reported, and the same widgets at the size they ask for are not."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QPushButton,
        QRadioButton,
        QTabWidget,
        QToolButton,
        QWidget,
    )

    from . import fit_checks

    text = "Simpan semua perubahan pada formulir ini"
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1200, 600)
    tabs = QTabWidget(host)
    for _ in range(3):
        tabs.addTab(QWidget(), text)
    combo = QComboBox(host)
    combo.addItem(text)
    wrapped = QLabel(" ".join([text] * 4), host)
    wrapped.setWordWrap(True)
    tool = QToolButton(host)
    tool.setText(text)
    widgets = {"QPushButton": QPushButton(text, host), "QCheckBox": QCheckBox(text, host),
               "QRadioButton": QRadioButton(text, host), "group box": QGroupBox(text, host),
               "tab ": tabs, "combo box": combo, "wrapped label": wrapped,
               "QToolButton": tool}
    for top, widget in enumerate(widgets.values()):
        widget.setGeometry(0, top * 80, 90, 24)
    host.show()
    qtbot.waitExposed(host)
    fit_checks.problems.clear()
    fit_checks.check_texts("cut", host)
    for kind in widgets:
        assert any(f"cut: {kind}" in line for line in fit_checks.problems), (
            kind, fit_checks.problems)
    for top, widget in enumerate(widgets.values()):
        hint = widget.sizeHint()
        width = 1000 if widget is tabs else hint.width()
        height = wrapped.heightForWidth(width) if widget is wrapped else hint.height()
        widget.setGeometry(0, top * 80, width, height)
    fit_checks.problems.clear()
    fit_checks.check_texts("room", host)
    assert fit_checks.problems == []


def test_the_cell_editor_check_fails_for_an_editor_squeezed_into_its_cell(
        qtbot, monkeypatch) -> None:
    """A date and a multi-line editor left at the cell's size (before ``cell_fit``) are
    reported; at the size ``cell_fit`` gives them they are not."""
    from PySide6.QtWidgets import QWidget

    from desktop.core.kinds.kunjungan import TINDAK_LANJUT
    from desktop.ui.widgets import collection
    from desktop.ui.widgets.collection import CollectionEditor

    from . import fit_checks

    host = QWidget()
    qtbot.addWidget(host)
    editor = CollectionEditor(TINDAK_LANJUT, None, host)
    editor.setGeometry(0, 0, 700, 200)
    host.resize(700, 200)
    host.show()
    qtbot.waitExposed(host)
    fit_checks.problems.clear()
    for name in ("uraian", "tenggat"):
        fit_checks.check_cell_editor(f"fitted {name}", editor, name)
    assert fit_checks.problems == []
    monkeypatch.setattr(collection, "editor_rect", lambda _widget, cell: cell)
    for name in ("uraian", "tenggat"):
        fit_checks.check_cell_editor(f"squeezed {name}", editor, name)
    assert [line.split(":")[0] for line in fit_checks.problems] == [
        "squeezed uraian", "squeezed tenggat"], fit_checks.problems

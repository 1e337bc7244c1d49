"""Every page and dialog fits a 1366×768 laptop and a 1024×700 screen, and shows its
texts whole (issue 16).

The screen size is fixed when Qt starts, so each size runs ``screen_fit_script.py`` in a
subprocess on Qt's offscreen platform with a screen of that size. The script walks the
Beranda, a Beranda tile (its long filter chip) and clearing it, every record page with
and without a record in the form, the Sinkronisasi page, the Pengingat panel and the
dialogs of the menus, and reports each window past the screen's available geometry and
each one-line label or table header whose text is wider than its room.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("screen_fit_script.py")


def walk(url: str, size: str, tmp_path: Path) -> dict[str, list[str]]:
    env = dict(os.environ, DISKOMINFO_DESK_REMINDERS=str(tmp_path / "reminders.json"))
    for var in ("DATA", "CONFIG", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(tmp_path / var.lower())
    result = tmp_path / f"{size}.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), url, size, str(result)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(result.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", ["1366x768", "1024x700"])
def test_every_page_and_dialog_fits_the_screen_and_clips_no_text(
        size: str, demo_url: str, tmp_path: Path) -> None:
    report = walk(demo_url, size, tmp_path)
    assert report["problems"] == []
    width, height = (int(v) for v in size.split("x"))
    walked = [line.split(":")[0] for line in report["seen"]]
    # the walk really went everywhere: the tile and its cleared chip, eight pages, dialogs
    for where in ("Beranda", "Dataset after a Beranda tile",
                  "Dataset after the chip was cleared", "Kerja Sama with a record",
                  "Sinkronisasi", "Pengingat", "dialog settings", "dialog templates",
                  "dialog report", "dialog import"):
        assert where in walked
    # a 1366-px laptop shows every list and its form side by side (the panel closed)
    arrangement = [line.split(":")[0] for line in report["seen"] if " form " in line]
    assert len(arrangement) >= 6 + 2
    if width >= 1366:
        assert all("beside the list" in line for line in arrangement
                   if "Pengingat" not in line), arrangement
    for line in report["seen"]:
        w, h = (int(v) for v in line.rsplit(" ", 1)[1].split("x"))
        assert w <= width and h <= height, line


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

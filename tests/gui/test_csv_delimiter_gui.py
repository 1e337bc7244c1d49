"""Pengaturan offers the CSV separator; the window's CSV export follows it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core import csv_format
from desktop.core.desk import Desk
from desktop.core.services import ListQuery
from desktop.core.settings import CSV_DELIMITER, Settings
from desktop.documents.list_export import write_list
from desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def indonesian(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))  # settings.ini here
    monkeypatch.setattr(csv_format, "this_platform", lambda: "linux")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_NUMERIC", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")


def test_separator_chosen_in_settings_is_used_by_the_export(
        qtbot, desk: Desk, tmp_path: Path, indonesian: None) -> None:
    desk.opd.create({"kode": "1.01", "nama": "Dinas Kominfo"})
    dialog = SettingsDialog(desk, QSettings(str(tmp_path / "view.ini"),
                                            QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.csv_delimiter
    assert combo.currentData() == "auto"
    assert combo.currentText() == "Menurut pengaturan wilayah (;)"
    target = tmp_path / "opd.csv"
    write_list(desk.opd, ListQuery(), target)  # the default: auto, Indonesian -> ";"
    assert target.read_text("utf-8-sig").splitlines()[0].count(";") >= 2

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == ","
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert Settings().get(CSV_DELIMITER) == ","
    write_list(desk.opd, ListQuery(), target)
    header = target.read_text("utf-8-sig").splitlines()[0]
    assert ";" not in header and header.count(",") >= 2

"""Alat → Cadangkan sekarang / Pulihkan dari cadangan, driven in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.backups import default_folder, list_backups
from desktop.core.desk import Desk
from desktop.ui import ask
from desktop.ui.main_window import MainWindow

from .helpers import answer_next_box, open_page, settle


def test_backup_now_then_restore_brings_the_window_back_to_that_state(
        qtbot, demo_window: MainWindow, demo_desk: Desk, monkeypatch) -> None:
    page = open_page(qtbot, demo_window, "opd")
    before = page.model.rowCount()
    demo_window.backups.act_backup.trigger()
    qtbot.waitUntil(lambda: "Cadangan ditulis" in demo_window.statusBar().currentMessage(),
                    timeout=15_000)
    made = list_backups()
    assert len(made) == 1 and made[0].path.parent == default_folder()
    demo_desk.opd.create({"kode": "9.99", "nama": "Dinas Sesudah Cadangan", "jenis": "dinas"})
    demo_window.hub.notify("opd", [])
    settle(qtbot, demo_window)
    assert page.model.rowCount() == before + 1

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(made[0].path), ""))
    asked: list[str] = []
    answer_next_box("Pulihkan", asked)
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *_a, **_k: informed.append(text))
    demo_window.backups.act_restore.trigger()
    qtbot.waitUntil(lambda: bool(informed), timeout=30_000)
    settle(qtbot, demo_window)
    assert asked and asked[0].startswith("restoreBox|Ganti seluruh isi basis data")
    assert "Basis data dipulihkan" in informed[0]
    assert page.model.rowCount() == before  # the window shows the restored data
    assert demo_desk.opd.count() == before  # and the same Desk keeps working on it
    assert len(list_backups()) == 2  # the safety copy taken before restoring


def test_cancelling_the_restore_question_changes_nothing(
        qtbot, demo_window: MainWindow, demo_desk: Desk, monkeypatch, tmp_path: Path) -> None:
    count = demo_desk.opd.count()
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: False)
    demo_window.backups.restore(tmp_path / "apa-saja.sqlite3")
    settle(qtbot, demo_window)
    assert demo_desk.opd.count() == count
    assert list_backups() == []


def test_a_failed_restore_is_explained(qtbot, demo_window: MainWindow, tmp_path: Path,
                                       monkeypatch) -> None:
    fake = tmp_path / "cadangan.sqlite3"
    fake.write_text("bukan basis data")
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a, **_k: warned.append(text))
    demo_window.backups.restore(fake)
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert "bukan cadangan" in warned[0]

"""Bantuan → Isi data contoh and the welcome dialog's "Isi data contoh" ask before the
demo's office profile replaces the user's (Ya/Batal, Batal by default), and refuse over
records: issue 16 saw the demo replace an office profile without asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskManager
from desktop.ui.welcome import WelcomeDialog

from .helpers import settle

OUR_OFFICE = {"region_kode": "33.13", "nama": "Diskominfo Kabupaten Karanganyar"}


@pytest.fixture(autouse=True)
def _no_progress_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the demo into PostgreSQL on a busy machine takes longer than the modal
    watchdog's patience; its progress dialog is not what these tests are about."""
    from desktop.ui import tasks

    monkeypatch.setattr(tasks, "PROGRESS_DELAY_MS", 600_000)


def answer(button_text: str, seen: list[dict[str, str]]) -> None:
    """Click ``button_text`` on the next message box, noting its name, text and default."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        default = box.defaultButton()
        seen.append({"name": box.objectName(), "text": box.text(),
                     "default": default.text() if default is not None else "",
                     "buttons": "|".join(b.text() for b in box.buttons())})
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text!r} on {seen[-1]['buttons']}")

    QTimer.singleShot(0, click)


def test_batal_keeps_the_office_profile_and_ya_replaces_it(qtbot, window: MainWindow,
                                                          desk: Desk) -> None:
    desk.office.save(OUR_OFFICE)
    seen: list[dict[str, str]] = []
    answer("Batal", seen)
    assert window.load_demo() is False
    assert seen[0]["name"] == "demoReplaceBox"
    assert "“Diskominfo Kabupaten Karanganyar”" in seen[0]["text"]
    assert "Banyuwangi" in seen[0]["text"]  # what it becomes
    assert seen[0]["default"] == "Batal"
    assert sorted(seen[0]["buttons"].split("|")) == ["Batal", "Ya"]
    settle(qtbot, window)
    assert desk.office.get()["nama"] == OUR_OFFICE["nama"]  # type: ignore[index]
    assert desk.opd.count() == 0

    answer("Ya", seen)
    window.act_demo.trigger()  # the menu action itself
    qtbot.waitUntil(lambda: desk.opd.count() == 25, timeout=20_000)
    settle(qtbot, window)
    assert "Banyuwangi" in desk.office.get()["nama"]  # type: ignore[index]
    assert "Banyuwangi" in window.office_label.text()


def test_records_refuse_the_demo_with_the_reason(qtbot, window: MainWindow,
                                                 desk: Desk) -> None:
    desk.opd.create({"kode": "9.99.01", "nama": "Dinas Uji", "singkatan": "Uji",
                     "jenis": "dinas"})
    seen: list[dict[str, str]] = []
    answer("Tutup", seen)
    assert window.load_demo() is False
    assert seen[0]["name"] == "demoRefusedBox"
    assert "1 data" in seen[0]["text"] and "basis data kosong" in seen[0]["text"]
    settle(qtbot, window)
    assert desk.opd.count() == 1 and desk.office.get() is None


def test_welcome_asks_before_a_typed_profile_gives_way_to_the_demo(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    tasks = TaskManager()
    dialog = WelcomeDialog(desk, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Diskominfo Kota Madiun")
    seen: list[dict[str, str]] = []
    answer("Batal", seen)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert seen and "“Diskominfo Kota Madiun”" in seen[0]["text"]
    tasks.wait()
    assert dialog.isVisible() and not dialog.demo_loaded
    assert dialog.demo_button.isEnabled() and dialog.name.text() == "Diskominfo Kota Madiun"
    assert desk.opd.count() == 0

    answer("Ya", seen)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.demo_loaded, timeout=20_000)
    assert desk.opd.count() == 25
    settle(qtbot, tasks=tasks)  # queued results delivered while the dialog is alive


def test_welcome_on_an_untouched_form_loads_the_demo_without_a_question(
        qtbot, desk: Desk) -> None:
    tasks = TaskManager()
    dialog = WelcomeDialog(desk, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.demo_loaded, timeout=20_000)
    assert desk.opd.count() == 25
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]
    settle(qtbot, tasks=tasks)

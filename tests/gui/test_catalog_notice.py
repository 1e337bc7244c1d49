"""The dataset form says what the next sync will do to a dataset's visibility on the
catalog while the user picks its sifat data (issue 21, privacy first): real window,
real database (SQLite and PostgreSQL), keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.sync.push import FOREIGN, PRIVATE
from desktop.sync.values import normalize
from desktop.ui.main_window import MainWindow

from .helpers import build_window, open_page, select_row, settle, wait_loaded


@pytest.fixture
def linked(desk: Desk) -> tuple[Desk, str]:
    """A public terbuka dataset the last sync left on the catalog, public there."""
    opd = desk.opd.create({"kode": "2.16.01", "nama": "Dinas Komunikasi dan Informatika",
                           "singkatan": "Diskominfo", "jenis": "dinas"})
    record = desk.datasets.create({"judul": "Jumlah Penduduk", "opd_id": opd["id"]})
    with desk.db.session() as s:
        state = s.get(SyncRecord, ("datasets", record["id"]))
        state.remote_id, state.remote_name = "remote-1", "jumlah-penduduk"
        state.dirty = False
        state.base = {**normalize(record), FOREIGN: [], PRIVATE: False}
    return desk, record["id"]


@pytest.fixture
def window(qtbot, linked: tuple[Desk, str], tmp_path: Path) -> Iterator[MainWindow]:
    win = build_window(qtbot, linked[0], tmp_path / "view.ini")
    yield win
    win.tasks.wait()


def test_choosing_a_restricted_sifat_says_the_dataset_becomes_private(
        qtbot, window: MainWindow, linked: tuple[Desk, str]) -> None:
    desk, record_id = linked
    page = open_page(qtbot, window, "datasets")
    select_row(qtbot, page, 0)
    wait_loaded(qtbot, page, record_id)
    notice = page.catalog_notice
    assert notice.isHidden()  # nothing changes at the next sync

    combo = page.form.editors["sifat_data"].combo  # type: ignore[attr-defined]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "terbatas"
    assert notice.isVisible() and "dijadikan privat" in notice.text()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # changed back: nothing to say again
    assert combo.currentData() == "terbuka" and notice.isHidden()

    box = page.form.editors["data_pribadi"].box  # type: ignore[attr-defined]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert box.isChecked() and "dijadikan privat" in notice.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert desk.datasets.get(record_id)["data_pribadi"] is True
    assert notice.isVisible() and "dijadikan privat" in notice.text()  # until the sync


def test_a_new_restricted_dataset_is_said_to_stay_off_the_catalog(
        qtbot, window: MainWindow) -> None:
    page = open_page(qtbot, window, "datasets")
    page.new_record(ask=False)
    settle(qtbot, window)
    notice = page.catalog_notice
    assert notice.isHidden()
    box = page.form.editors["data_pribadi"].box  # type: ignore[attr-defined]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert notice.isVisible() and "tidak dikirim ke katalog" in notice.text()


def test_the_sync_page_lists_what_the_next_sync_makes_private(
        qtbot, window: MainWindow, linked: tuple[Desk, str]) -> None:
    desk, record_id = linked
    page = window.sync_page
    window.show_page("sync")
    page.refresh_state()
    settle(qtbot, window)
    assert page.visibility_note.isHidden()
    record = desk.datasets.get(record_id)
    desk.datasets.update(record_id, {"sifat_data": "terbatas"},
                         expected_version=record["version"])
    page.refresh_state()
    settle(qtbot, window)
    assert page.visibility_note.isVisible()
    assert page.visibility_note.text() == (
        'Sinkronisasi ini menjadikan "Jumlah Penduduk" privat di katalog (tidak dihapus).')

"""The Sinkronisasi page asks what a changed catalog address is, and before mass deletions.

Driven like a user against two real test catalogs on 127.0.0.1: the address typed and
saved, the question answered by clicking its buttons (issue 21, item 2).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ckan_server.fixtures import CatalogWorld, start_world
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.ui.main_window import MainWindow

from .helpers import answer_next_box, settle

ORG_TITLE = "Dinas Komunikasi dan Informatika"
REGISTER = 20


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISKOMINFO_DESK_CATALOG_TOKEN", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost,::1")


@pytest.fixture
def other_world(ckan_world: CatalogWorld) -> Iterator[CatalogWorld]:
    server, world = start_world()
    server.store.tokens[ckan_world.editor_token] = "editor"  # the same token works there
    try:
        yield world
    finally:
        server.stop()


def _save(qtbot, win: MainWindow, url: str, token: str = "") -> None:
    page = win.sync_page
    win.show_page("sync")
    page.catalog_box.url.setText(url)
    page.catalog_box.user.setText("editor")
    page.catalog_box.token.setText(token)
    page.catalog_box.pace.setValue(0)
    qtbot.mouseClick(page.catalog_box.save_button, Qt.MouseButton.LeftButton)


def _sync(qtbot, win: MainWindow) -> None:
    page = win.sync_page
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.running is None, timeout=20_000)
    settle(qtbot, win)


def _linked_register(qtbot, win: MainWindow, desk: Desk, world: CatalogWorld) -> None:
    desk.opd.create({"kode": "2.16.2.20", "nama": ORG_TITLE, "singkatan": "Diskominfo"})
    world.server.seed_packages(REGISTER, org="diskominfo")
    _save(qtbot, win, world.server.url, world.editor_token)
    _sync(qtbot, win)
    assert "20 diambil" in win.sync_page.catalog_box.message.text()


def _remote_ids(desk: Desk) -> set[str | None]:
    with desk.db.session() as s:
        return set(s.scalars(select(SyncRecord.remote_id).where(SyncRecord.kind == "datasets")))


def _live(desk: Desk) -> int:
    return len(desk.datasets.ids())


def test_another_catalog_starts_fresh_links_and_deletes_nothing(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        other_world: CatalogWorld, memory_keyring) -> None:
    _linked_register(qtbot, window, desk, ckan_world)
    seen: list[str] = []
    answer_next_box("Katalog lain", seen)
    _save(qtbot, window, other_world.server.url, ckan_world.editor_token)
    assert seen and seen[0].startswith("catalogChangeBox|")
    assert ckan_world.server.url in seen[0] and other_world.server.url in seen[0]
    assert load_catalog_settings(desk.db).catalog_url == other_world.server.url
    assert _remote_ids(desk) == {None} and _live(desk) == REGISTER
    _sync(qtbot, window)  # published there; nothing deleted on either side
    assert f"{REGISTER} dikirim" in window.sync_page.catalog_box.message.text()
    assert "0 dihapus" in window.sync_page.catalog_box.message.text()
    assert _live(desk) == REGISTER
    first = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert len(first) == REGISTER


def test_the_same_catalog_at_a_new_address_keeps_links(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    _linked_register(qtbot, window, desk, ckan_world)
    links = _remote_ids(desk)
    moved = ckan_world.server.url.replace("127.0.0.1", "localhost")
    answer_next_box("Katalog yang sama")
    _save(qtbot, window, moved, ckan_world.editor_token)
    assert load_catalog_settings(desk.db).catalog_url == moved
    _sync(qtbot, window)
    text = window.sync_page.catalog_box.message.text()
    assert "0 dikirim, 0 diambil, 0 dihapus" in text
    assert _remote_ids(desk) == links and _live(desk) == REGISTER


def test_cancelling_the_question_changes_nothing(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        other_world: CatalogWorld, memory_keyring) -> None:
    _linked_register(qtbot, window, desk, ckan_world)
    links = _remote_ids(desk)
    answer_next_box("Batal")
    _save(qtbot, window, other_world.server.url)
    assert load_catalog_settings(desk.db).catalog_url == ckan_world.server.url
    assert window.sync_page.catalog_box.url.text() == ckan_world.server.url
    assert _remote_ids(desk) == links


def test_mass_deletions_wait_for_the_users_word(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    _linked_register(qtbot, window, desk, ckan_world)
    for package in list(ckan_world.server.store.packages.values())[:8]:
        package["state"] = "deleted"
    seen: list[str] = []
    answer_next_box("Jangan hapus", seen)
    _sync(qtbot, window)
    assert seen and seen[0].startswith("heldDeletionsBox|8 dataset")
    assert _live(desk) == REGISTER
    answer_next_box("Hapus di sini juga")
    _sync(qtbot, window)
    qtbot.waitUntil(lambda: window.sync_page.running is not None or _live(desk) < REGISTER,
                    timeout=5000)
    qtbot.waitUntil(lambda: window.sync_page.running is None, timeout=20_000)
    settle(qtbot, window)
    assert _live(desk) == REGISTER - 8
    assert "8 dihapus" in window.sync_page.catalog_box.message.text()


def test_a_dataset_deleted_there_but_used_by_an_app_is_settled_from_the_page(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    page = window.sync_page
    opd = desk.opd.create({"kode": "2.16.2.20", "nama": ORG_TITLE,
                           "singkatan": "Diskominfo"})["id"]
    record = desk.datasets.create({"judul": "Jumlah Penduduk", "opd_id": opd,
                                   "frekuensi": "tahunan", "sifat_data": "terbuka"})
    app = desk.apps.create({"nama": "SIAK Daerah", "opd_pemilik_id": opd,
                            "datasets": [{"dataset_id": record["id"], "peran": "menggunakan"}]})
    _save(qtbot, window, ckan_world.server.url, ckan_world.editor_token)
    _sync(qtbot, window)
    [package] = ckan_world.server.store.packages.values()
    package["state"] = "deleted"
    _sync(qtbot, window)
    qtbot.waitUntil(lambda: page.conflict_box.conflict_table.rowCount() == 1, timeout=5000)
    row = [page.conflict_box.conflict_table.item(0, c).text() for c in range(4)]
    assert row[0] == "Jumlah Penduduk" and "dipakai aplikasi" in row[1]
    assert "SIAK Daerah" in row[2]
    page.conflict_box.conflict_table.selectRow(0)
    assert page.conflict_box.keep_mine.text() == "Simpan di sini, lepas dari katalog"
    assert page.conflict_box.take_theirs.text() == "Lepas dari aplikasi, lalu hapus"
    assert not page.conflict_box.edit_value.isEnabled()
    qtbot.mouseClick(page.conflict_box.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_box.conflict_table.rowCount() == 0, timeout=5000)
    assert desk.apps.get(app["id"])["datasets"] == []
    assert desk.datasets.get(record["id"], include_deleted=True)["deleted_at"] is not None

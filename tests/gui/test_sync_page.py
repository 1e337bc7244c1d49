"""The Sinkronisasi page against a real test catalog on 127.0.0.1, driven like a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from ckan_server.fixtures import CatalogWorld
from PySide6.QtCore import Qt

from desktop.core.desk import Desk
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.sync.conflicts import list_conflicts
from desktop.ui.main_window import MainWindow

from .helpers import settle

ORG_TITLE = "Dinas Komunikasi dan Informatika"  # the test catalog's ``diskominfo``


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISKOMINFO_DESK_CATALOG_TOKEN", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost,::1")


def _configure(qtbot, win: MainWindow, world: CatalogWorld, token: str | None = None) -> None:
    page = win.sync_page
    win.show_page("sync")
    page.catalog_box.url.setText(world.server.url)
    page.catalog_box.user.setText("editor")
    page.catalog_box.token.setText(token if token is not None else world.editor_token)
    page.catalog_box.pace.setValue(0)
    qtbot.mouseClick(page.catalog_box.save_button, Qt.MouseButton.LeftButton)


def _wait_run(qtbot, win: MainWindow) -> None:
    page = win.sync_page
    qtbot.waitUntil(lambda: page.running is None, timeout=20_000)
    settle(qtbot, win)


def _dataset(desk: Desk, judul: str = "Jumlah Penduduk") -> dict:
    opd = desk.opd.create({"kode": "2.16.2.20", "nama": ORG_TITLE,
                           "singkatan": "Diskominfo"})["id"]
    return desk.datasets.create({"judul": judul, "opd_id": opd, "frekuensi": "tahunan",
                                 "sifat_data": "terbuka"})


def test_settings_are_checked_then_stored_and_the_token_goes_to_the_keyring(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld, memory_keyring,
        tmp_path: Path) -> None:
    page = window.sync_page
    window.show_page("sync")
    assert window.page is None and window.current_key == "sync"
    page.catalog_box.url.setText("http://portal.contoh.go.id")  # a token must never travel in clear
    page.catalog_box.user.setText("editor")
    qtbot.mouseClick(page.catalog_box.save_button, Qt.MouseButton.LeftButton)
    assert "https://" in page.catalog_box.message.text()
    assert load_catalog_settings(desk.db).catalog_url == ""  # nothing saved
    _configure(qtbot, window, ckan_world)
    stored = load_catalog_settings(desk.db)
    assert (stored.catalog_url, stored.catalog_user) == (ckan_world.server.url, "editor")
    assert page.catalog_box.token.text() == ""  # not left lying in the widget
    assert ckan_world.editor_token in memory_keyring.secrets.values()
    assert "keyring" in page.catalog_box.token_state.text()
    settle(qtbot, window)
    window.settings.sync()
    for written in [*tmp_path.rglob("*.ini"), *tmp_path.rglob("*.sqlite3*")]:
        assert ckan_world.editor_token.encode() not in written.read_bytes(), written


def test_test_connection_names_the_organizations_and_goes_online(
        qtbot, window: MainWindow, ckan_world: CatalogWorld, memory_keyring) -> None:
    page = window.sync_page
    _configure(qtbot, window, ckan_world)
    qtbot.mouseClick(page.catalog_box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Terhubung" in page.catalog_box.message.text(), timeout=10_000)
    assert ORG_TITLE in page.catalog_box.message.text()
    assert "ckanext-showcase" in page.catalog_box.apps_note.text()
    assert window.sync_status.text().startswith("● Online")
    # a wrong token is named as such, and nothing crashes
    _configure(qtbot, window, ckan_world, token="bukan-token-yang-benar")
    qtbot.mouseClick(page.catalog_box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.catalog_box.test_button.isEnabled()
                    and "Token" in page.catalog_box.message.text(), timeout=10_000)


def test_sync_now_pushes_counts_and_logs_without_blocking_the_window(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    page = window.sync_page
    record = _dataset(desk)
    window.hub.notify("datasets", [record["id"]])
    _configure(qtbot, window, ckan_world)
    qtbot.waitUntil(lambda: page.pending == 1, timeout=5000)
    assert "1 menunggu" in window.sync_status.text()
    ckan_world.server.delay(0.6, times=3)  # a slow catalog: the window must stay usable
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert page.running is not None and page.cancel_button.isVisible()
    apps = window.show_kind("apps")  # the user goes on working meanwhile
    assert window.page is apps and apps.isEnabled()
    _wait_run(qtbot, window)
    assert "1 dikirim" in page.catalog_box.message.text()
    packages = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert [p["title"] for p in packages] == ["Jumlah Penduduk"]
    qtbot.waitUntil(lambda: page.pending == 0 and page.runs_box.runs_table.rowCount() == 1,
                    timeout=5000)
    assert page.runs_box.runs_table.item(0, 1).text() == "berhasil"


def test_a_conflict_is_shown_side_by_side_and_resolved_from_the_page(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    page = window.sync_page
    record = _dataset(desk)
    _configure(qtbot, window, ckan_world)
    page.sync_now()
    _wait_run(qtbot, window)
    [package] = [p for p in ckan_world.server.store.packages.values()]
    ckan_world.server.edit_package(package["id"], title="Judul dari portal")
    current = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"judul": "Judul dari kantor"},
                         expected_version=current["version"])
    page.sync_now()
    _wait_run(qtbot, window)
    qtbot.waitUntil(lambda: page.conflict_box.conflict_table.rowCount() == 1, timeout=5000)
    cells = [page.conflict_box.conflict_table.item(0, c).text() for c in range(4)]
    assert cells[1:] == ["judul", "Judul dari kantor", "Judul dari portal"]
    assert not page.conflict_box.keep_mine.isEnabled()  # nothing chosen yet
    page.conflict_box.conflict_table.selectRow(0)
    qtbot.mouseClick(page.conflict_box.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_box.conflict_table.rowCount() == 0, timeout=5000)
    assert list_conflicts(desk) == []
    page.sync_now()
    _wait_run(qtbot, window)
    assert ckan_world.server.store.find_package(package["id"])["title"] == "Judul dari kantor"


def test_open_conflicts_are_counted_by_every_sync_and_in_the_status_bar(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    """A conflict made by an earlier run still counts in the next run's summary and in
    the status bar, until it is resolved (issue 21, item 6)."""
    page = window.sync_page
    record = _dataset(desk)
    _configure(qtbot, window, ckan_world)
    page.sync_now()
    _wait_run(qtbot, window)
    [package] = [p for p in ckan_world.server.store.packages.values()]
    ckan_world.server.edit_package(package["id"], title="Judul dari portal")
    current = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"judul": "Judul dari kantor"},
                         expected_version=current["version"])
    for _run in range(2):  # the second run makes no new conflict: the old one still counts
        page.sync_now()
        _wait_run(qtbot, window)
        assert "1 konflik" in page.catalog_box.message.text()
        qtbot.waitUntil(lambda: "1 konflik" in window.sync_status.text(), timeout=5000)
        assert "1 konflik" in page.summary.text()
    page.conflict_box.conflict_table.selectRow(0)
    qtbot.mouseClick(page.conflict_box.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "konflik" not in window.sync_status.text(), timeout=5000)


def test_an_unreachable_catalog_is_offline_and_loses_nothing(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    page = window.sync_page
    _dataset(desk)
    _configure(qtbot, window, ckan_world)
    ckan_world.server.stop()
    page.sync_now()
    _wait_run(qtbot, window)
    assert page.catalog_box.message.property("tone") == "bad"  # shown as an error
    assert window.sync_status.text().startswith("○ Offline")
    qtbot.waitUntil(lambda: page.pending == 1, timeout=5000)  # still waiting, not lost
    assert "1 menunggu" in window.sync_status.text()


def test_an_opd_is_mapped_to_an_organization_by_hand_and_then_published(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    from desktop.sync.orgmap import mappings

    page = window.sync_page
    opd = desk.opd.create({"kode": "1.02", "nama": "Dinas Kesehatan", "singkatan": "Dinkes"})
    desk.datasets.create({"judul": "Jumlah Puskesmas", "opd_id": opd["id"],
                          "frekuensi": "tahunan", "sifat_data": "terbuka"})
    _configure(qtbot, window, ckan_world)
    page.sync_now()  # no organization answers to "Dinas Kesehatan": a record error
    _wait_run(qtbot, window)
    assert "1 galat" in page.catalog_box.message.text()
    # the connection test loads the organizations
    qtbot.mouseClick(page.catalog_box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Terhubung" in page.catalog_box.message.text(), timeout=10_000)
    settle(qtbot, window)
    table = page.orgmap_box.org_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    combo = table.cellWidget(rows["Dinas Kesehatan"], 1)
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findText(ORG_TITLE))
    settle(qtbot, window)
    with desk.db.session() as s:
        [mapping] = mappings(s)
    assert (mapping.opd_id, mapping.org_name, mapping.manual) == (opd["id"], "diskominfo", True)
    page.sync_now()
    _wait_run(qtbot, window)
    titles = [p["title"] for p in ckan_world.server.store.packages.values()]
    assert titles == ["Jumlah Puskesmas"]
    qtbot.waitUntil(lambda: page.orgmap_box.org_table.item(rows["Dinas Kesehatan"], 2).text()
                    == "pilihan pengguna", timeout=5000)


def test_periodic_sync_is_kept_per_workstation_and_runs_quietly(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    page = window.sync_page
    assert not page.periodic.isActive()  # off by default
    _dataset(desk)
    page.catalog_box.every.setValue(15)
    _configure(qtbot, window, ckan_world)
    assert page.periodic.isActive() and page.periodic.interval() == 15 * 60_000
    assert int(window.settings.value("sync/every_minutes")) == 15
    page.periodic.timeout.emit()  # the quarter of an hour has passed
    _wait_run(qtbot, window)
    assert [p["title"] for p in ckan_world.server.store.packages.values()] == [
        "Jumlah Penduduk"]
    page.catalog_box.every.setValue(0)
    qtbot.mouseClick(page.catalog_box.save_button, Qt.MouseButton.LeftButton)
    assert not page.periodic.isActive()


def test_the_keyring_is_not_asked_at_start_up_only_when_the_page_is_shown(
        qtbot, desk: Desk, tmp_path: Path, memory_keyring) -> None:
    """A locked keyring may block or prompt: opening the window must not wake it."""
    from desktop.sync.catalog_settings import save_catalog_settings

    from .helpers import build_window

    save_catalog_settings(desk.db, catalog_url="https://127.0.0.1:9",  # refused at once
                          catalog_user="editor")
    asked: list[tuple[str, str]] = []
    original = memory_keyring.get_password
    memory_keyring.get_password = lambda s, u: asked.append((s, u)) or original(s, u)
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    assert asked == []
    win.show_page("sync")
    assert asked and "Belum ada token" in win.sync_page.catalog_box.token_state.text()


def test_no_catalog_no_waiting_count_in_the_status_bar(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld,
        memory_keyring) -> None:
    # (the demo said "162 menunggu sinkron" with no catalog set up: issue 16)
    _dataset(desk)
    window.hub.notify("datasets", [])
    window.sync_page.refresh_state()
    qtbot.waitUntil(lambda: window.sync_status.text() == "Katalog belum diatur", timeout=5000)
    _configure(qtbot, window, ckan_world)
    qtbot.waitUntil(lambda: "1 menunggu" in window.sync_status.text(), timeout=5000)


def test_the_opd_table_is_built_when_the_page_is_first_shown(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    """A combo box per OPD costs a few milliseconds each: not at every start, but once
    the page is on screen, with every live OPD in it."""
    from .helpers import build_window

    for i in range(3):
        desk.opd.create({"kode": f"1.0{i}", "nama": f"Dinas Uji {i}", "singkatan": f"DU{i}"})
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    box = win.sync_page.orgmap_box
    qtbot.waitUntil(lambda: box._pending is not None, timeout=5000)  # read, not shown
    assert box.org_table.rowCount() == 0
    win.show_page("sync")
    qtbot.waitUntil(lambda: box.org_table.rowCount() == 3, timeout=5000)
    names = sorted(box.org_table.item(r, 0).text() for r in range(3))
    assert names == ["Dinas Uji 0", "Dinas Uji 1", "Dinas Uji 2"]
    assert box.org_table.cellWidget(0, 1).currentData() is None  # not mapped yet

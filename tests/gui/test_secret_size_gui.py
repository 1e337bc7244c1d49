"""The Sinkronisasi page refuses a token Windows' Credential Manager cannot hold."""

from __future__ import annotations

import pytest
from ckan_server.fixtures import CatalogWorld
from PySide6.QtCore import Qt

from desktop.core import secrets
from desktop.core.desk import Desk
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.ui.main_window import MainWindow


def test_a_token_too_long_for_windows_is_refused_before_anything_is_saved(
        qtbot, window: MainWindow, desk: Desk, ckan_world: CatalogWorld, memory_keyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISKOMINFO_DESK_CATALOG_TOKEN", raising=False)
    monkeypatch.setattr(secrets, "this_platform", lambda: "win32")
    page = window.sync_page
    window.show_page("sync")
    page.catalog_box.url.setText(ckan_world.server.url)
    page.catalog_box.user.setText("editor")
    long_token = "a" * 1500
    page.catalog_box.token.setText(long_token)
    qtbot.mouseClick(page.catalog_box.save_button, Qt.MouseButton.LeftButton)
    said = page.catalog_box.message.text()
    assert "terlalu panjang" in said and "1280" in said
    assert load_catalog_settings(desk.db).catalog_url == ""  # nothing saved
    assert memory_keyring.secrets == {}
    assert page.catalog_box.token.text() == long_token  # left for the user to correct

"""Which database is open and what chose it (shown by Settings → Basis data), on both
engines: a server URL is shown without its password."""

from __future__ import annotations

from pathlib import Path

from desktop.core.database_choice import ARGUMENT, SETTINGS, in_use, location, source_text
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.core.settings import DATABASE, Settings


def test_a_server_url_is_shown_without_its_password() -> None:
    shown = location("postgresql+psycopg://desk:Rahasia-123@db.kantor.local:5432/diskominfo")
    assert "Rahasia" not in shown and "db.kantor.local:5432/diskominfo" in shown


def test_the_open_database_wins_over_the_settings_file(desk: Desk, tmp_path: Path) -> None:
    settings = Settings()
    settings.set(DATABASE, str(tmp_path / "lain.sqlite3"))
    settings.save()
    found = in_use(desk.db.url)
    assert found.source == ARGUMENT and found.overridden
    assert found.configured == str(tmp_path / "lain.sqlite3")
    assert "lain.sqlite3" not in found.location
    expected = str(desk.db.sqlite_path) if desk.db.dialect == "sqlite" else \
        desk.db.display_url
    assert found.location == expected
    settings.set(DATABASE, desk.db.url if desk.db.dialect != "sqlite"
                 else str(desk.db.sqlite_path))
    settings.save()
    assert in_use(desk.db.url).source == SETTINGS


def test_the_source_is_said_in_english_too() -> None:
    set_language("en")
    try:
        assert source_text(ARGUMENT) == "from --database"
    finally:
        set_language("id")

"""A ``%`` in the install path must not break migrating (Alembic's ConfigParser).

Windows users' folders and office share names do carry ``%`` ("Data 100%"); Alembic
reads ``script_location`` through ConfigParser interpolation, which failed on it with
"invalid interpolation syntax" before any database could be created.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core import migrate
from desktop.core.database import open_database


@pytest.fixture
def percent_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped migration scripts, copied under a folder whose name holds ``%``."""
    folder = tmp_path / "Program 100% Desk %(here)s" / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    return folder


def test_config_keeps_the_path_with_percent(percent_migrations: Path) -> None:
    config = migrate.alembic_config()
    assert config.get_main_option("script_location") == str(percent_migrations)


def test_fresh_database_migrates_from_a_percent_folder(percent_migrations: Path,
                                                       tmp_path: Path) -> None:
    assert migrate.head_revision() == migrate.HEAD_REVISION
    db = open_database(tmp_path / "baru.sqlite3")
    try:
        with db.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            regions = conn.execute(text("SELECT count(*) FROM region")).scalar()
    finally:
        db.dispose()
    assert version == migrate.HEAD_REVISION
    assert regions and regions > 0

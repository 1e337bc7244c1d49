"""Multi-row INSERTs on SQLite (``services.inserting``): every row lands once, whatever the
statement size, values converted as Core converts them, and a repeated key still raises
SQLAlchemy's ``IntegrityError`` (the bulk create's fallback to row by row catches it)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.core.services import inserting


@pytest.mark.parametrize("per_statement", [1, 7, 500])
def test_every_row_lands_once_whatever_the_statement_size(
        sqlite_desk: Desk, monkeypatch: pytest.MonkeyPatch, per_statement: int) -> None:
    monkeypatch.setattr(inserting, "_rows_per_statement", lambda _c, _w: per_statement)
    rows = [{"kind": "datasets", "record_id": f"r{i}", "dirty": i % 2 == 0,
             "base": {"judul": f"J{i}"}} for i in range(1003)]
    with sqlite_desk.db.session() as s:
        inserting.insert_rows(s.connection(), SyncRecord.__table__, rows, {})
    with sqlite_desk.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncRecord)) == 1003
        last = s.get(SyncRecord, ("datasets", "r1002"))
        assert last is not None and last.dirty is True and last.base == {"judul": "J1002"}
        assert s.get(SyncRecord, ("datasets", "r7")).dirty is False  # type: ignore[union-attr]


def test_a_repeated_key_is_sqlalchemys_integrity_error(sqlite_desk: Desk) -> None:
    rows = [{"kind": "datasets", "record_id": "same", "dirty": False}] * 2
    with pytest.raises(IntegrityError), sqlite_desk.db.session() as s:
        inserting.insert_rows(s.connection(), SyncRecord.__table__, rows, {})


def test_a_statement_stays_within_sqlites_variable_limit(sqlite_desk: Desk) -> None:
    with sqlite_desk.db.session() as s:
        connection = s.connection()
        assert inserting._rows_per_statement(connection, 40) * 40 <= 32766
        assert inserting._rows_per_statement(connection, 100_000) == 1

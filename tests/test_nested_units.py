"""A service called inside a caller's unit of work answers at once on SQLite.

Units of work take SQLite's write lock at BEGIN; a nested one on the same thread used to
wait the whole busy timeout for a lock its own thread held (20 s), then report "another
process" (the period report asked for the office profile inside its own session, and
the report dialog failed)."""

from __future__ import annotations

import time

from sqlalchemy import text

from desktop.core.desk import Desk


def test_a_nested_unit_of_work_reads_at_once(sqlite_desk: Desk) -> None:
    sqlite_desk.office.save({"region_kode": "35.10", "nama": "Diskominfo Uji"})
    started = time.monotonic()
    with sqlite_desk.db.session() as outer:
        outer.execute(text("SELECT 1"))
        with sqlite_desk.db.session() as inner:
            count = inner.execute(text(
                "SELECT count(*) FROM perangkat_daerah")).scalar()
        profile = sqlite_desk.office.get()
    assert time.monotonic() - started < 3  # not the 20 s busy timeout
    assert count == 0 and profile is not None and profile["nama"] == "Diskominfo Uji"
    # and after both, a unit of work writes as usual
    sqlite_desk.opd.create({"kode": "9.0001", "nama": "Dinas Uji", "jenis": "dinas"})
    assert sqlite_desk.opd.count() == 1

"""Import speed: an N-row application sheet through the import, against a floor.

    .venv/bin/python tests/benchmarks/bench_import.py [N=10000] [--runs 2]
        [--postgres ADMIN_URL | --database URL] [--row-by-row]

The import reads the sheet, maps its columns, turns names and labels into ids and codes,
finds natural keys, checks every row as ``create`` does and writes audit rows and search
entries (one row in 500 names an unknown OPD and one has an impossible date, so the
per-row messages are exercised and counted too). The issue's target is absolute: >= 2,000
rows/s on SQLite, >= 1,000 on PostgreSQL.

The floor, measured in the same run on the same engine, is the write path alone: the same
N records, as plain payloads, through ``RecordService.create_many`` in one session. The
ratio (import speed / floor speed) shows what the sheet adds on top of the one write path.
``--row-by-row`` also times the old way (``create`` per record, 20-40 s at 10,000).
The same sheet imported again with every record's status changed (a clerk's monthly
re-import) is reported beside it, against ``RecordService.update_many`` alone on the same
changes; through ``update`` row by row it took 35 s at 10,000.

SQLite: temporary files. ``--postgres``: scratch databases created on that server and
dropped at the end. ``--database URL``: one PostgreSQL database whose apps, audit rows
and search entries are deleted between runs (never the shared benchmark database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from figures import Figure  # noqa: E402

TARGET = {"SQLite": 2000, "PostgreSQL": 1000}  # rows/s, issue #19


def _scratch_postgres(admin_url: str) -> tuple[str, Callable[[], None]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"desk_import_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    parser.add_argument("--runs", type=int, default=2, help="runs of the import and the floor")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--postgres", metavar="ADMIN_URL",
                        help="scratch PostgreSQL databases on this server")
    target.add_argument("--database", help="one PostgreSQL database, emptied between runs")
    parser.add_argument("--row-by-row", action="store_true",
                        help="also time create() per record (the old import)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    from openpyxl import Workbook

    from desktop.core.desk import Desk
    from desktop.core.importing import auto_map, import_rows, read_sheet
    from desktop.core.models import Aplikasi, AuditLog, SearchEntry
    from desktop.core.models.sync import SyncRecord
    from desktop.core.services.updating import Change

    drops: list[Callable[[], None]] = []
    engine = "PostgreSQL" if args.postgres or args.database else "SQLite"

    def fresh(name: str) -> Desk:
        """An empty database with the two OPDs the sheet names."""
        if args.postgres:
            url, drop = _scratch_postgres(args.postgres)
            drops.append(drop)
            desk = Desk.open(url, user="bench")
        elif args.database:
            desk = Desk.open(args.database, user="bench")
            with desk.db.session() as s:
                for model in (SearchEntry, AuditLog, SyncRecord, Aplikasi):
                    s.query(model).delete()
        else:
            desk = Desk.open(tmp / f"{name}.sqlite3", user="bench")
        present = {r["nama"] for r in desk.opd.list().rows}  # --database: a run before
        for kode, nama in (("1", "Diskominfo"), ("2", "Dinkes")):
            if nama not in present:
                desk.opd.create({"kode": kode, "nama": nama, "jenis": "dinas"})
        return desk

    n = args.rows

    def write_sheet(path: Path, status: str) -> Path:
        """The apps sheet: one row in 500 names an unknown OPD, one an impossible date."""
        book = Workbook(write_only=True)
        sheet = book.create_sheet("apps")
        sheet.append(["Nama Aplikasi", "OPD pemilik", "Jenis aplikasi", "Status",
                      "Tanggal rekomendasi"])
        for i in range(n):
            opd = "Dinas Hilang" if i % 500 == 3 else ("Diskominfo", "Dinkes")[i % 2]
            sheet.append([f"Aplikasi {i:06d}", opd, "Aplikasi Umum", status,
                          "31/02/2024" if i % 500 == 9 else None])
        book.save(path)
        return path

    path = write_sheet(tmp / "apps.xlsx", "Operasional")
    # the same sheet a month later: every record's status changed (a re-import updates)
    changed_path = write_sheet(tmp / "apps_changed.xlsx", "Pengembangan")
    expected_bad = sum(1 for i in range(n) if i % 500 in (3, 9))

    def payloads(desk: Desk) -> list[dict[str, object]]:
        by_name = {r["nama"]: r["id"] for r in desk.opd.list().rows}
        return [{"nama": f"Aplikasi {i:06d}", "jenis": "umum", "status": "operasional",
                 "opd_pemilik_id": by_name[("Diskominfo", "Dinkes")[i % 2]]}
                for i in range(n) if i % 500 not in (3, 9)]

    floors, imports, reads, update_floors, reimports = [], [], [], [], []
    ok = True
    try:
        for run in range(max(1, args.runs)):
            desk = fresh(f"floor{run}")
            rows = payloads(desk)
            started = time.perf_counter()
            with desk.db.session() as session:
                made = desk.apps.create_many(rows, session=session)
            floors.append(time.perf_counter() - started)
            ok = ok and all(isinstance(m, str) for m in made)
            desk.close()

            desk = fresh(f"import{run}")
            started = time.perf_counter()
            parsed = read_sheet(path)
            reads.append(time.perf_counter() - started)
            outcome = import_rows(desk, "apps", parsed, auto_map("apps", parsed.headers),
                                  commit=True)
            imports.append(time.perf_counter() - started)
            ok = ok and outcome.failed == expected_bad and outcome.created == n - expected_bad

            started = time.perf_counter()
            parsed = read_sheet(changed_path)
            again = import_rows(desk, "apps", parsed, auto_map("apps", parsed.headers),
                                commit=True)
            reimports.append(time.perf_counter() - started)
            ok = ok and again.updated == n - expected_bad and again.created == 0
            desk.close()

            desk = fresh(f"update_floor{run}")
            with desk.db.session() as session:
                made = desk.apps.create_many(payloads(desk), session=session)
            changes = [Change(record_id, {"status": "pengembangan"}, 1) for record_id in made]
            started = time.perf_counter()
            with desk.db.session() as session:
                changed = desk.apps.update_many(changes, session=session)
            update_floors.append(time.perf_counter() - started)
            ok = ok and changed == made
            desk.close()
        if args.row_by_row:
            desk = fresh("row_by_row")
            rows = payloads(desk)
            started = time.perf_counter()
            with desk.db.session() as session:
                for data in rows:
                    desk.apps.create(data, session=session)
            slow = time.perf_counter() - started
            desk.close()
            print(f"row by row (create x {len(rows)}, one session): {slow:.1f} s, "
                  f"{len(rows) / slow:.0f} rows/s")
    finally:
        for drop in drops:
            drop()

    floor, total = statistics.median(floors), statistics.median(imports)
    written = n - expected_bad
    print(f"engine: {engine}, rows: {n}, runs: {len(imports)}")
    print(f"floor (create_many x {written}, one session): "
          f"{', '.join(f'{f:.2f}' for f in floors)} s")
    print(f"import (read {statistics.median(reads):.2f} s + check/write): "
          f"{', '.join(f'{f:.2f}' for f in imports)} s")
    print(f"rows created {outcome.created}, rejected with a message {outcome.failed} "
          f"(expected {expected_bad}): {'OK' if ok else 'WRONG'}")
    tag = "" if engine == "SQLite" else " [postgresql]"
    Figure(f"spreadsheet import, {n:,} rows{tag}", n / total, "rows/s", written / floor,
           "create_many alone", f">= {TARGET[engine]:,} rows/s",
           ok and n / total >= TARGET[engine],
           note=f"{total:.2f} s; the per-row messages {'right' if ok else 'WRONG'}").emit()
    update_floor, reimport = statistics.median(update_floors), statistics.median(reimports)
    print(f"floor (update_many x {written}, one session): "
          f"{', '.join(f'{f:.2f}' for f in update_floors)} s")
    print(f"re-import, every record changed: {', '.join(f'{f:.2f}' for f in reimports)} s")
    Figure(f"spreadsheet re-import, {n:,} rows updating their records{tag}", n / reimport,
           "rows/s", written / update_floor, "update_many alone", "", None,
           note=f"{reimport:.2f} s ({reimport / total:.1f}x the first import)").emit()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

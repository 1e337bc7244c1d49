"""Import speed: an N-row application sheet through the import, against a floor.

    .venv/bin/python tests/benchmarks/bench_import.py [N=10000] [--database URL]

The floor is the same N records created straight through the service in one session
(validation, audit and search index included): the ratio shows what reading the sheet,
mapping, name lookup, natural keys and a savepoint per row add on top. One row in 500
names an unknown OPD and one has an impossible date, so the per-row messages are
exercised and counted too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    parser.add_argument("--database", help="PostgreSQL URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    from openpyxl import Workbook

    from desktop.core.desk import Desk
    from desktop.core.importing import auto_map, import_rows, read_sheet

    def fresh(name: str) -> Desk:
        desk = Desk.open(args.database or tmp / f"{name}.sqlite3", user="bench")
        for kode, nama in (("1", "Diskominfo"), ("2", "Dinkes")):
            desk.opd.create({"kode": kode, "nama": nama, "jenis": "dinas"})
        return desk

    n = args.rows
    floor_desk = fresh("floor")
    opd_ids = [r["id"] for r in floor_desk.opd.list().rows]
    started = time.perf_counter()
    with floor_desk.db.session() as session:
        for i in range(n):
            floor_desk.apps.create({"nama": f"Aplikasi {i:06d}", "opd_pemilik_id": opd_ids[i % 2],
                                    "jenis": "umum", "status": "operasional"},
                                   session=session)
    floor = time.perf_counter() - started
    floor_desk.close()
    if args.database:  # one shared database: clear it for the import run
        from desktop.core.models import Aplikasi, AuditLog, SearchEntry

        d = Desk.open(args.database)
        with d.db.session() as s:
            for model in (SearchEntry, AuditLog, Aplikasi):
                s.query(model).delete()
        d.close()

    book = Workbook(write_only=True)
    sheet = book.create_sheet("apps")
    sheet.append(["Nama Aplikasi", "OPD pemilik", "Jenis aplikasi", "Status",
                  "Tanggal rekomendasi"])
    for i in range(n):
        opd = "Dinas Hilang" if i % 500 == 3 else ("Diskominfo", "Dinkes")[i % 2]
        sheet.append([f"Aplikasi {i:06d}", opd, "Aplikasi Umum", "Operasional",
                      "31/02/2024" if i % 500 == 9 else None])
    path = tmp / "apps.xlsx"
    book.save(path)
    desk = fresh("import") if not args.database else Desk.open(args.database, user="bench")
    started = time.perf_counter()
    parsed = read_sheet(path)
    read = time.perf_counter() - started
    outcome = import_rows(desk, "apps", parsed, auto_map("apps", parsed.headers), commit=True)
    total = time.perf_counter() - started
    desk.close()
    expected_bad = sum(1 for i in range(n) if i % 500 in (3, 9))
    ok = outcome.failed == expected_bad and outcome.created == n - expected_bad
    engine = "PostgreSQL" if args.database else "SQLite"
    print(f"engine: {engine}, rows: {n}")
    print(f"floor (service.create x {n}, one session): {floor:.1f} s, {n / floor:.0f} rows/s")
    print(f"import (read {read:.1f} s + check/import): {total:.1f} s, {n / total:.0f} rows/s")
    print(f"ratio import/floor: {total / floor:.2f}")
    print(f"rows created {outcome.created}, rejected with a message {outcome.failed} "
          f"(expected {expected_bad}): {'OK' if ok else 'WRONG'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

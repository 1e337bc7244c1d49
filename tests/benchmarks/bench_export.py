"""Export speed: an N-dataset list to CSV, XLSX and the PDF report, against a floor.

    .venv/bin/python tests/benchmarks/bench_export.py [N=10000] [--runs 3]
        [--postgres ADMIN_URL | --database URL]

With --postgres, N datasets are seeded into a scratch database created on that server and
dropped at the end; with --database, give a throwaway PostgreSQL database: datasets are
seeded into it up to N.

The floor is the same list read straight from the service (``ids`` then ``rows`` a
batch of 1000 at a time), measured in the same run on the same database: the ratios
show what formatting and writing each format add on top of fetching the rows. The
issue's figure is the XLSX export against the CSV export of the same list (target
<= 2x): CSV and XLSX times are the median of ``--runs`` runs each. Not collected by
pytest (no ``test_`` prefix); run it by hand or through ``run.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=10_000)
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--database", help="PostgreSQL URL (default: a temporary SQLite file)")
    target.add_argument("--postgres", metavar="ADMIN_URL",
                        help="a scratch PostgreSQL database on this server")
    parser.add_argument("--runs", type=int, default=3, help="runs of the CSV and XLSX export")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    from bench_import import _scratch_postgres

    drop = None
    if args.postgres:
        args.database, drop = _scratch_postgres(args.postgres)
    try:
        return _measure(args, tmp)
    finally:
        if drop is not None:
            drop()


def _measure(args: argparse.Namespace, tmp: Path) -> int:
    """Seed, then time the row read, CSV, XLSX and PDF of the same list."""
    from figures import Figure

    from desktop.core.desk import Desk
    from desktop.core.export import BATCH
    from desktop.core.seedbench import seed_bench
    from desktop.core.services import ListQuery
    from desktop.documents.list_export import write_list

    desk = Desk.open(args.database or tmp / "bench.sqlite3", user="bench")
    service = desk.datasets
    missing = args.rows - service.count()  # a shared PostgreSQL may hold an earlier run
    if missing > 0:
        seed_bench(desk.db, missing)
    n = service.count()
    query = ListQuery(sort=["judul"])

    def read_rows() -> float:
        started = time.perf_counter()
        ids = service.ids(query)
        fetched = sum(len(service.rows(ids[i:i + BATCH])) for i in range(0, len(ids), BATCH))
        assert fetched == n
        return time.perf_counter() - started

    floor = statistics.median(read_rows() for _ in range(max(1, args.runs)))

    engine = "PostgreSQL" if args.database else "SQLite"
    print(f"engine: {engine}, rows: {n}")
    print(f"floor (service.ids + service.rows in batches of {BATCH}): {floor:.2f} s, "
          f"{n / floor:.0f} rows/s")
    ok = True
    seconds: dict[str, float] = {}
    for suffix in ("csv", "xlsx", "pdf"):
        path = tmp / f"datasets.{suffix}"
        times = []
        for _ in range(1 if suffix == "pdf" else max(1, args.runs)):
            started = time.perf_counter()
            count = write_list(service, query, path)
            times.append(time.perf_counter() - started)
            ok = ok and count == n
        seconds[suffix] = statistics.median(times)
        extra = ""
        if suffix == "pdf":
            from pypdf import PdfReader

            extra = f", {len(PdfReader(path).pages)} pages"
        print(f"{suffix:>4}: {seconds[suffix]:6.2f} s, {n / seconds[suffix]:8.0f} rows/s, "
              f"ratio to floor {seconds[suffix] / floor:5.1f}, "
              f"{path.stat().st_size / 1e6:.1f} MB{extra}")
    tag = f", {n:,} datasets" + (" [postgresql]" if args.database else "")
    Figure(f"XLSX export{tag}", seconds["xlsx"] * 1000, "ms", seconds["csv"] * 1000,
           "CSV export", "<= 2x CSV export", seconds["xlsx"] <= 2 * seconds["csv"]).emit()
    Figure(f"CSV export{tag}", seconds["csv"] * 1000, "ms", floor * 1000,
           "row read (ids + rows)").emit()
    desk.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Every benchmark, one after the other, then one summary table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run.py [--quick] [--only NAME]
        [--postgres ADMIN_URL]

Each benchmark runs in its own process (start-up and memory need fresh ones) and prints
``BENCH {json}`` lines (see figures.py); this script collects them and prints the table:
figure, value, floor, ratio, target, met. ``--quick`` uses smaller sizes to check that
everything runs; the figures for the README come from a full run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES: dict[str, tuple[list[str], list[str]]] = {
    # name: (full arguments, quick arguments)
    "documents": ([], ["--runs", "3"]),
    "list": (["--rows", "100000"], ["--rows", "5000", "--keys", "8"]),
    "startup": (["--rows", "100000"], ["--runs", "2", "--rows", "5000"]),
    "sync": ([], ["--datasets", "1000", "--edits", "50"]),
    "seed": ([], ["--rows", "5000"]),
    "import": ([], ["1000", "--runs", "1"]),
    "export": ([], ["1000", "--runs", "1"]),
    "import_memory": ([], ["--rows", "20000"]),
    # PostgreSQL only: run with --postgres (or DISKOMINFO_DESK_TEST_POSTGRES set)
    "live": ([], ["--changes", "10"]),
}
# With --postgres: the search keystroke on 1,000,000 datasets (issue 19), in a database
# of its own kept on the server (seeding it takes minutes, once)
MILLION = (["--rows", "1000000", "--search-only", "--target-ms", "100"],
           ["--rows", "20000", "--keys", "8", "--search-only", "--target-ms", "100"])
MILLION_DATABASES = ("diskominfo_bench_1m", "diskominfo_bench_1m_quick")


def _run(name: str, args: list[str], env: dict[str, str]) -> list[dict]:
    script = HERE / f"bench_{name}.py"
    print(f"\n### {name}: {' '.join(args)}", flush=True)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, str(script), *args], env=env, text=True,
                         capture_output=True, timeout=3600, check=False)
    figures = []
    for line in out.stdout.splitlines():
        if line.startswith("BENCH "):
            figures.append(json.loads(line[6:]))
        else:
            print(line)
    if out.returncode != 0 and not figures:
        print(f"!! {name} failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    print(f"   ({time.perf_counter() - started:.0f} s)")
    return figures


def _bench_database(admin_url: str, name: str = "diskominfo_bench") -> str:
    """A database kept on the server for the big figures (seeded once, reused)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                            {"name": name}).first():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(
        hide_password=False)


def _tagged(figures: list[dict], engine: str) -> list[dict]:
    """The figures of a run on another engine; the demo start-up is SQLite's in any run."""
    figures = [f for f in figures if "(demo)" not in f["name"]]
    for figure in figures:
        figure["name"] = f"{figure['name']} [{engine}]"
    return figures


def _cell(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    return f"{value:,.1f} {unit}".strip() if abs(value) < 1e6 else f"{value:,.0f} {unit}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", action="append", choices=sorted(BENCHES))
    parser.add_argument("--postgres", metavar="ADMIN_URL",
                        help="also run the big-list, start-up, seed, import and export "
                             "figures on this PostgreSQL server (a database diskominfo_bench "
                             "is kept there for the big list; the others make scratch ones)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp(prefix="bench-run-")
    env.setdefault("XDG_CONFIG_HOME", f"{tmp}/config")
    env.setdefault("XDG_DATA_HOME", f"{tmp}/data")
    rows: list[dict] = []
    for name in args.only or list(BENCHES):
        full, quick = BENCHES[name]
        if name == "live" and args.postgres:  # commit -> other workstation's list
            full, quick = [*full, "--postgres", args.postgres], [*quick, "--postgres",
                                                                 args.postgres]
        rows += _run(name, quick if args.quick else full, env)
    if args.postgres:
        big = _bench_database(args.postgres)
        for name in ("list", "startup"):
            if name in (args.only or BENCHES):
                full, quick = BENCHES[name]
                rows += _tagged(_run(name, [*(quick if args.quick else full),
                                            "--database", big], env), "postgresql")
        for name in ("import", "export"):  # scratch databases of their own on the server
            if name in (args.only or BENCHES):
                full, quick = BENCHES[name]
                rows += _run(name, [*(quick if args.quick else full), "--postgres",
                                    args.postgres], env)
        if "list" in (args.only or BENCHES):
            million = _bench_database(args.postgres, MILLION_DATABASES[args.quick])
            rows += _tagged(_run("list", [*MILLION[args.quick], "--database", million], env),
                            "postgresql 1M")
        if "seed" in (args.only or BENCHES):
            rows += _run("seed", [*(BENCHES["seed"][1] if args.quick else []),
                                  "--postgres", args.postgres], env)
    print("\n| figure | value | floor | ratio | target | met |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r.get("ratio") is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[r.get("met")]
        print(f"| {r['name']} | {_cell(r['value'], r['unit'])} | "
              f"{_cell(r.get('floor'), r['unit'])} | {ratio} | {r.get('target', '')} | {met} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

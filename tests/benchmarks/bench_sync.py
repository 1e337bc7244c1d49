"""Sync: a first pull of 10,000 datasets, an incremental sync, a push of 1,000 edits.

    .venv/bin/python tests/benchmarks/bench_sync.py [--datasets 10000] [--edits 1000]
        [--database URL]

The test catalog runs in a child process (as a real catalog would, on another machine),
seeded with the datasets. The floor pages the same server with plain ``requests`` and
only decodes the JSON: what any client must spend to read the catalog. The engine does
everything a real first sync does (status, organizations, the count, the pages, writing
each dataset with its audit row and search entry, deletion reconciliation) into an empty
SQLite database (or ``--database``). Writes are not paced here (``write_interval=0``).
The seeded datasets are dated a day back, as a real catalog's would be: otherwise all of
them fall in the pull's overlap window (5 minutes) and every sync re-reads them.
Targets (issue 19): pull throughput >= 0.5x the floor's; an incremental sync after 10
remote changes <= 1% of the full pull, proportional to the changes: the sync with no
remote change (what every sync costs: status, the empty page, the deletion check, the
run log) and the cost per change are printed beside it. The push reports requests per
record.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from figures import Figure, timed  # noqa: E402


def _a_day_earlier(stamp: str) -> str:
    from datetime import datetime, timedelta

    return (datetime.fromisoformat(stamp) - timedelta(days=1)).isoformat()


def serve(count: int) -> None:
    """Child process: a seeded catalog, driven by one-line commands on stdin."""
    from ckan_server.fixtures import start_world

    server, world = start_world()
    ids = server.seed_packages(count, org="diskominfo")
    with server.store.lock:  # a catalog's datasets were not all written a minute ago
        for package in server.store.packages.values():
            day_before = _a_day_earlier(package["metadata_modified"])
            package["metadata_modified"] = package["metadata_created"] = day_before
    print(json.dumps({"url": server.url, "token": world.editor_token}), flush=True)
    edited = 0
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "edit":
            for package_id in ids[edited:edited + int(arg)]:
                server.edit_package(package_id, notes="Diperbarui di portal.")
            edited += int(arg)
            print("ok", flush=True)
        elif command == "count":
            print(server.count(), flush=True)
        else:
            break
    server.stop()


class Catalog:
    def __init__(self, count: int) -> None:
        self.child = subprocess.Popen([sys.executable, __file__, "--serve", str(count)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.child.stdout is not None
        hello = json.loads(self.child.stdout.readline())
        self.url, self.token = hello["url"], hello["token"]

    def ask(self, command: str) -> str:
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.write(command + "\n")
        self.child.stdin.flush()
        return self.child.stdout.readline().strip()

    def close(self) -> None:
        self.ask("quit")
        self.child.wait(timeout=30)


def floor_pull(url: str, count: int) -> float:
    """Plain requests, pages of 1000 in the pull's order, JSON decoded, nothing else."""
    import requests

    def walk() -> int:
        seen = 0
        with requests.Session() as session:
            for start in range(0, count, 1000):
                page = session.post(f"{url}/api/3/action/package_search", json={
                    "q": "*:*", "sort": "metadata_modified asc, id asc", "rows": 1000,
                    "start": start, "include_private": True}).json()
                seen += len(page["result"]["results"])
        assert seen == count, seen
        return seen

    return statistics.median(timed(walk)[0] for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--datasets", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--database")
    parser.add_argument("--serve", type=int)
    args = parser.parse_args()
    if args.serve is not None:
        serve(args.serve)
        return

    from desktop.core.desk import Desk
    from desktop.sync.client import CatalogClient
    from desktop.sync.config import CatalogConfig
    from desktop.sync.engine import SyncEngine

    catalog = Catalog(args.datasets)
    tmp = tempfile.TemporaryDirectory()
    desk = Desk.open(args.database or Path(tmp.name) / "bench.sqlite3", user="bench")
    client = CatalogClient(CatalogConfig(catalog.url, "editor", write_interval=0.0),
                           catalog.token)
    try:
        print(f"sync: {args.datasets} datasets in the catalog ({desk.db.dialect})")
        floor = floor_pull(catalog.url, args.datasets)
        pull, summary = timed(lambda: SyncEngine(desk, client).run())
        assert summary.pulled == args.datasets and summary.clean, summary
        ratio = floor / pull
        Figure("sync pull (first, empty database)", pull * 1000, "ms", floor * 1000,
               "raw HTTP paging + JSON decoding", ">= 0.5x floor throughput",
               ratio >= 0.5, f"throughput {ratio:.2f}x the floor's").emit()
        Figure("sync pull throughput", args.datasets / pull, "datasets/s",
               args.datasets / floor, "floor datasets/s", "", None).emit()

        def changes(count: int) -> float:
            """Median of three syncs, each after ``count`` more remote changes."""
            times = []
            for _ in range(3):
                if count:
                    catalog.ask(f"edit {count}")
                took, summary = timed(lambda: SyncEngine(desk, client).run())
                assert summary.pulled == count and summary.clean, summary
                times.append(took)
            return statistics.median(times)

        idle = changes(0)
        incremental = changes(10)
        share = incremental / pull * 100
        Figure("sync incremental after 10 remote changes", share, "%", None, "",
               "<= 1% of the full pull", share <= 1,
               f"{incremental * 1000:.0f} ms vs {pull * 1000:.0f} ms").emit()
        Figure("sync with no remote change", idle / pull * 100, "%", None, "", "", None,
               f"{idle * 1000:.0f} ms: what every sync costs").emit()
        Figure("sync cost per remote change", (incremental - idle) * 100, "ms/change", None,
               "", "", None, "(incremental after 10 - no change) / 10").emit()

        ids = desk.datasets.ids()[: args.edits]
        for record_id in ids:
            record = desk.datasets.get(record_id)
            desk.datasets.update(record_id, {"satuan": "unit"},
                                 expected_version=record["version"])
        before = int(catalog.ask("count"))
        push, summary = timed(lambda: SyncEngine(desk, client).run())
        requests_made = int(catalog.ask("count")) - before
        assert summary.pushed == len(ids) and summary.clean, summary
        Figure(f"sync push of {len(ids)} local edits", requests_made / len(ids),
               "requests/record", None, "", "", None,
               f"{requests_made} requests, {push:.1f} s, "
               f"{push / len(ids) * 1000:.1f} ms/record").emit()
    finally:
        client.close()
        desk.close()
        catalog.close()
        tmp.cleanup()


if __name__ == "__main__":
    main()

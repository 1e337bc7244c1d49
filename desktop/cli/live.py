"""``diskominfo-desk watch [--json] [--count N] [--timeout S]``: other workstations'
changes as they are committed (PostgreSQL).

The same listener the window uses (``desktop.core.live``), for a script or an admin at a
terminal: one line per change (who, when, which record), or one JSON object per line.
Ends after ``--count`` changes, after ``--timeout`` seconds, or on Ctrl+C.
"""

from __future__ import annotations

import argparse
import json
import queue
import time
from typing import Any

from desktop.cli.common import EXIT_ERROR, EXIT_OK, add_json_option, open_desk, say_error


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_watch = sub.add_parser("watch", help=t("tampilkan perubahan data dari komputer lain "
                                             "saat tersimpan (PostgreSQL)"))
    add_json_option(p_watch)
    p_watch.add_argument("--count", type=int, metavar="N",
                         help=t("berhenti setelah N perubahan"))
    p_watch.add_argument("--timeout", type=float, metavar="DETIK",
                         help=t("berhenti setelah sekian detik"))
    return {"watch": cmd_watch}


def cmd_watch(args: argparse.Namespace) -> int:
    from desktop.core.i18n import t
    from desktop.core.live import Change, LoginNames, start_listener

    with open_desk(args) as desk:
        heard: queue.Queue[Change] = queue.Queue()
        listener = start_listener(desk.db, heard.put)
        if listener is None:
            say_error(t("Pembaruan langsung hanya ada pada basis data PostgreSQL; basis data "
                        "SQLite dipakai satu orang saja."))
            return EXIT_ERROR
        names = LoginNames(desk.db)
        deadline = time.monotonic() + args.timeout if args.timeout else None
        shown = 0
        try:
            if not listener.wait_connected(10):
                say_error(t("Tidak dapat mendengarkan perubahan pada {url}.",
                            url=desk.db.display_url))
                return EXIT_ERROR
            while args.count is None or shown < args.count:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                try:
                    change = heard.get(timeout=min(left, 0.5) if left is not None else 0.5)
                except queue.Empty:
                    continue
                print(_line(change, names, args.json), flush=True)
                shown += 1
        finally:
            listener.stop()
    return EXIT_OK


def _line(change: Any, names: Any, as_json: bool) -> str:
    from desktop.core.i18n import t
    from desktop.core.kinds import KINDS

    if as_json:
        return json.dumps({"kind": change.kind, "id": change.record_id, "op": change.op,
                           "table": change.table, "login": change.login,
                           "name": names.name_of(change.login),
                           "at": change.at.isoformat() if change.at else None},
                          ensure_ascii=False)
    if change.is_resync:
        return t("Sambungan pulih; perubahan selama terputus tidak terdengar.")
    clock = change.at.astimezone().strftime("%H:%M:%S") if change.at else ""
    kind = KINDS[change.kind].label if change.kind in KINDS else change.kind
    what = {"INSERT": t("ditambah"), "DELETE": t("dihapus")}.get(change.op, t("diubah"))
    return t("{time} {kind} {id} {what} oleh {name}", time=clock, kind=kind,
             id=change.record_id, what=what, name=names.name_of(change.login))

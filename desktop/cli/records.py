"""``list`` and ``search``: the register's records in a terminal, as a table or JSON.

Stored text is shown, never obeyed: control characters become ``\\x1b``-style escapes in
the table and ``\\u`` escapes in JSON, so a record cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    add_filter_option,
    add_json_option,
    add_search_option,
    add_sort_option,
    open_desk,
    parse_filters,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-commands; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_list = sub.add_parser("list", help=t("tampilkan daftar data"))
    p_list.add_argument("kind", metavar="JENIS",
                        help="opd, apps, datasets, visits, agreements, deployments, regions")
    add_json_option(p_list)
    add_search_option(p_list)
    add_filter_option(p_list)
    add_sort_option(p_list)
    p_list.add_argument("--limit", type=int, metavar="N", help=t("paling banyak N baris"))

    p_search = sub.add_parser("search", help=t("cari di semua jenis data"))
    p_search.add_argument("text", metavar="TEKS")
    add_json_option(p_search)
    p_search.add_argument("--kind", action="append", metavar="JENIS",
                          help=t("batasi pada jenis data ini"))
    p_search.add_argument("--limit", type=int, default=200, metavar="N")
    return {"list": cmd_list, "search": cmd_search}


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.kinds import kind_named
    from desktop.core.services import ListQuery

    if args.kind.strip().lower() in ("regions", "region", "wilayah"):
        with open_desk(args) as desk:
            rows = desk.regions(args.search or "")
        print_rows(rows[: args.limit] if args.limit else rows, ["kode", "nama", "jenis"],
                   args.json, total=len(rows))
        return EXIT_OK
    try:
        kind = kind_named(args.kind)
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None
    with open_desk(args) as desk:
        query = ListQuery(text=args.search, filters=parse_filters(args.filter),
                          sort=args.sort, limit=args.limit)
        page = desk.service(kind).list(query)
    rows = []
    for row in page.rows:
        out = {"id": row["id"], "version": row["version"]}
        for column in kind.columns:
            out[column.key] = row[column.key]
            if column.choices is not None:
                out[f"{column.key}_label"] = column.choices.label(row[column.key])
        rows.append(out)
    print_rows(rows, [c.key for c in kind.columns], args.json,
               headers=[str(c.label) for c in kind.columns], total=page.total)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.kinds import kind_named

    try:
        kinds = [kind_named(k).name for k in args.kind] if args.kind else None
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None
    with open_desk(args) as desk:
        hits = desk.search(args.text, kinds, args.limit)
    print_rows([h.as_json() for h in hits], ["kind", "title", "subtitle"], args.json)
    return EXIT_OK


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def print_rows(rows: list[dict[str, Any]], keys: list[str], as_json: bool, *,
               headers: list[str] | None = None, total: int | None = None) -> None:
    """The rows as JSON, or as a table (a ``KEY_label`` value shown in place of ``KEY``)
    with a "N of M rows" line."""
    if as_json:
        text = json.dumps([{k: _plain(v) for k, v in r.items()} for r in rows],
                          ensure_ascii=False, indent=2)
        # json escapes C0 controls itself; DEL and C1 (\x9b opens a terminal escape) too
        sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
        return
    headers = headers or keys
    cells = [[_cell(r.get(f"{k}_label", r.get(k))) for k in keys] for r in rows]
    widths = [min(48, max([len(h)] + [len(c[i]) for c in cells])) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for c in cells:
        print("  ".join(v[:w].ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
    shown = len(rows)
    from desktop.core.i18n import tn

    total = total if total is not None else shown
    print(tn("{shown} dari {total} baris", total, shown=shown, total=total))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return _visible(str(value).replace("\n", " "))


def _visible(text: str) -> str:
    """Control characters shown as ``\\x1b``: a stored escape must never drive the terminal
    (older records, or a catalog's, may hold one from before validation refused them)."""
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\r" else f"\\x{ord(m.group()):02x}", text)

"""``diskominfo-desk export KIND FILE``: a list, filtered and sorted, to XLSX, CSV or PDF.

The same writers as the window's Export action, with the same filter, search and sort
options as ``list``, so a scheduled job can produce the register a clerk would.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    add_filter_option,
    add_search_option,
    add_sort_option,
    open_desk,
    parse_filters,
)


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_export = sub.add_parser("export", help=t("ekspor daftar ke XLSX, CSV atau laporan PDF"))
    p_export.add_argument("kind", metavar="JENIS",
                          help="opd, apps, datasets, visits, agreements, deployments")
    p_export.add_argument("file", metavar="BERKAS",
                          help=t("berkas tujuan; formatnya menurut akhiran .xlsx, .csv atau .pdf"))
    add_filter_option(p_export)
    add_search_option(p_export)
    add_sort_option(p_export)
    p_export.add_argument("--title", metavar="JUDUL",
                          help=t("judul laporan PDF (bawaan: nama jenis data)"))
    p_export.add_argument("--full", action="store_true",
                          help=t("semua kolom yang dapat diimpor (XLSX/CSV), bukan kolom daftar: "
                                 "untuk dipindahkan ke basis data lain tanpa kehilangan data"))
    p_export.add_argument("--delimiter", choices=(",", ";", "auto"), metavar="PEMISAH",
                          help=t("pemisah kolom CSV: \",\", \";\" atau auto (bawaan: "
                                 "pengaturan csv_delimiter, auto = menurut pengaturan wilayah; "
                                 "Excel berbahasa Indonesia memakai \";\")"))
    return {"export": cmd_export}


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.core.errors import DeskError
    from desktop.core.i18n import t
    from desktop.core.kinds import kind_named
    from desktop.core.services import ListQuery
    from desktop.documents.list_export import SUFFIXES, write_list

    try:
        kind = kind_named(args.kind)
    except KeyError as exc:
        raise DeskError(str(exc.args[0])) from None
    target = Path(args.file)
    if target.suffix.lower() not in SUFFIXES:  # refuse before touching the database
        raise DeskError(t("Format ekspor tidak dikenal: {suffix}. Pilih .csv, .xlsx atau .pdf.",
                          suffix=target.suffix or target.name))
    if args.full and target.suffix.lower() not in (".xlsx", ".csv"):
        raise DeskError(t("Ekspor lengkap hanya ke .xlsx atau .csv, bukan {suffix}.",
                          suffix=target.suffix))
    if args.delimiter and target.suffix.lower() != ".csv":
        raise DeskError(t("--delimiter hanya berlaku untuk .csv, bukan {suffix}.",
                          suffix=target.suffix))
    if not target.parent.is_dir():
        raise DeskError(t("Folder tujuan tidak ada: {path}", path=target.parent))
    query = ListQuery(text=args.search, filters=parse_filters(args.filter), sort=args.sort)
    with open_desk(args) as desk:
        if args.full:
            from desktop.core.importing.template import write_sheet

            count = write_sheet(desk, kind.name, target, query, delimiter=args.delimiter)
        else:
            count = write_list(desk.service(kind), query, target, title=args.title,
                               delimiter=args.delimiter)
    from desktop.core.i18n import tn

    print(tn("{count} baris diekspor ke {path}", count, count=count, path=target))
    return EXIT_OK

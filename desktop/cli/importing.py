"""``diskominfo-desk import KIND FILE``: a spreadsheet into the register from a terminal.

The same core as the window's import dialog: columns matched automatically (and with
the mapping remembered from the window), every row checked, one transaction.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_ERROR, EXIT_OK, open_desk


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t
    from desktop.core.importing.mapping import IMPORT_KINDS

    p_import = sub.add_parser("import", help=t("impor lembar kerja XLSX/CSV"))
    p_import.add_argument("kind", metavar="JENIS", choices=IMPORT_KINDS,
                          help=", ".join(IMPORT_KINDS))
    p_import.add_argument("file", metavar="BERKAS")
    p_import.add_argument("--dry-run", action="store_true",
                          help=t("periksa saja, jangan simpan apa pun"))
    p_import.add_argument("--all-or-nothing", action="store_true",
                          help=t("jangan impor apa pun bila ada baris yang bermasalah"))
    p_import.add_argument("--report", metavar="LAPORAN.csv",
                          help=t("simpan laporan per baris ke berkas CSV"))
    return {"import": cmd_import}


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.i18n import t
    from desktop.core.importing import auto_map, import_rows, load_mapping, read_sheet

    sheet = read_sheet(args.file)
    mapping = auto_map(args.kind, sheet.headers, load_mapping(args.kind))
    with open_desk(args) as desk:
        outcome = import_rows(desk, args.kind, sheet, mapping, commit=not args.dry_run,
                              valid_only=not args.all_or_nothing)
    for result in outcome.results:
        if result.errors:
            print(t("Baris {row}: {messages}", row=result.row,
                    messages="; ".join(result.errors)))
    if args.report:
        outcome.write_report(args.report)
    print(outcome.summary())
    return EXIT_OK if outcome.failed == 0 else EXIT_ERROR

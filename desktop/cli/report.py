"""``diskominfo-desk report``: the period activity report ("Laporan Kegiatan") as a PDF."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli.common import EXIT_OK, open_desk


def _day(text: str) -> date:
    from desktop.core.i18n import t

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("tanggal tidak valid: {text} (tulis TTTT-BB-HH)", text=text)) from None


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_report = sub.add_parser("report", help=t("laporan kegiatan satu periode (PDF)"))
    p_report.add_argument("--from", dest="start", type=_day, metavar="TTTT-BB-HH",
                          help=t("awal periode"))
    p_report.add_argument("--to", dest="end", type=_day, metavar="TTTT-BB-HH",
                          help=t("akhir periode"))
    p_report.add_argument("--period", metavar="PERIODE",
                          help=t("atau satu periode: 2026, 2026-Q1, 2026-03"))
    p_report.add_argument("-o", "--output", required=True, metavar="BERKAS.pdf",
                          help=t("berkas PDF tujuan"))
    return {"report": cmd_report}


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.core.errors import DeskError, QueryError
    from desktop.core.i18n import t
    from desktop.core.period import parse_period, range_period
    from desktop.documents.period_report import write_period_report

    if args.period and (args.start or args.end):
        raise QueryError(t("Pilih --period atau --from/--to, tidak keduanya."))
    if args.period:
        period = parse_period(args.period)
    elif args.start and args.end:
        period = range_period(args.start, args.end)
    else:
        raise DeskError(t("Sebutkan periodenya: --from TTTT-BB-HH --to TTTT-BB-HH, "
                          "atau --period 2026-Q1."))
    target = Path(args.output)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    if not target.parent.is_dir():
        raise DeskError(t("Folder tujuan tidak ada: {path}", path=target.parent))
    with open_desk(args) as desk:
        report = write_period_report(desk, period, target)
    print(t("Laporan kegiatan {period} ditulis ke {path}: {visits} kunjungan, {agreements} "
            "kerja sama, {apps} aplikasi, {deployments} deployment, {datasets} dataset.",
            period=report.period.label, path=target,
            visits=len(report.visits_in) + len(report.visits_out),
            agreements=len(report.agreements_signed), apps=len(report.apps_registered),
            deployments=len(report.deployments), datasets=len(report.datasets_released)))
    return EXIT_OK

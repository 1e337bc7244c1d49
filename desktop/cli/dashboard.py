"""``diskominfo-desk dashboard [--json]``: the Beranda figures in a terminal."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from desktop.cli.common import EXIT_OK, add_json_option, open_desk


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_dash = sub.add_parser("dashboard", help=t("angka ringkas Beranda"))
    add_json_option(p_dash)
    p_dash.add_argument("--today", type=date.fromisoformat, metavar="TTTT-BB-HH",
                        help=t("hitung seolah-olah hari ini tanggal ini"))
    return {"dashboard": cmd_dashboard}


def cmd_dashboard(args: argparse.Namespace) -> int:
    from desktop.core.dashboard import compute
    from desktop.core.i18n import t
    from desktop.core.settings import EXPIRY_DAYS, current

    with open_desk(args) as desk:
        board = compute(desk, args.today, expiry_days=int(current().get(EXPIRY_DAYS)))
    if args.json:
        data = asdict(board)
        data["today"] = board.today.isoformat()
        data["readable"] = sorted(board.readable)  # the kinds this login's role may read
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    fresh = board.datasets_by_freshness
    print(t("Aplikasi: {n}", n=sum(board.apps_by_status.values())))
    print(t("Dataset: {n} (terlambat diperbarui {late}, segera {due})",
            n=sum(board.datasets_by_sifat.values()), late=fresh["terlambat"],
            due=fresh["segera"]))
    print(t("Kerja sama: {n} ({expiring} segera berakhir)",
            n=sum(board.agreements_by_status.values()), expiring=board.agreements_expiring))
    print(t("Tindak lanjut kunjungan lewat tenggat: {n}", n=board.follow_ups_overdue))
    return EXIT_OK

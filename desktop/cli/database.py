"""``init``, ``demo`` and ``seed-bench``: the database made ready, filled with the demo
records, or with synthetic ones for the benchmarks."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, EXIT_USAGE, open_desk, say_error


def add_parsers(sub: Any) -> dict[str, Any]:
    """``init`` and ``demo``; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    sub.add_parser("init", help=t("buat atau perbarui basis data"))
    p_demo = sub.add_parser("demo", help=t("isi basis data kosong dengan data contoh"))
    p_demo.add_argument("--force", action="store_true", help=t(
        "memuat data contoh walau basis data sudah berisi profil kantor (profil itu diganti)"))
    return {"init": cmd_init, "demo": cmd_demo}


def add_seed_parser(sub: Any) -> dict[str, Any]:
    """``seed-bench`` (listed after the document commands in ``--help``)."""
    from desktop.core.i18n import t

    p_seed = sub.add_parser("seed-bench", help=t("buat N dataset sintetis untuk uji kinerja"))
    p_seed.add_argument("count", type=int, metavar="N")
    return {"seed-bench": cmd_seed_bench}


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        print(t("Basis data siap: {url}", url=desk.db.display_url))
        if desk.db.backup_made:
            print(t("Salinan sebelum pembaruan: {path}", path=desk.db.backup_made))
        if desk.db.sqlite_notice:
            print(desk.db.sqlite_notice)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Refused (exit 2, nothing written) on a database that is not empty: records never
    mix with demo ones, and an office profile is replaced only with ``--force``."""
    from desktop.core.demo import DemoRefused, load_demo
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t

    with open_desk(args) as desk:  # a database that cannot open is exit 1, as elsewhere
        try:
            summary = load_demo(desk, replace_office=bool(getattr(args, "force", False)))
        except DemoRefused as exc:
            say_error(f"{exc.message} " + t(
                "Tambahkan --force untuk tetap memuat data contoh dan mengganti profil kantor."))
            return EXIT_USAGE
        except DeskError as exc:
            say_error(exc.message)
            return EXIT_USAGE
    print(t("Data contoh dimuat: {opd} OPD, {apps} aplikasi, {datasets} dataset, "
            "{visits} kunjungan, {agreements} kerja sama, {deployments} deployment.",
            **vars(summary)))
    return EXIT_OK


def cmd_seed_bench(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.i18n import t
    from desktop.core.seedbench import seed_bench

    if args.count < 0 or args.count > 10_000_000:
        raise QueryError(t("N harus antara 0 dan 10.000.000."))
    with open_desk(args) as desk:
        report = seed_bench(desk.db, args.count)
    print(t("{datasets} dataset, {apps} aplikasi, {visits} kunjungan dan {opd} OPD dibuat "
            "dalam {seconds:.1f} detik.", datasets=report.datasets, apps=report.apps,
            visits=report.visits, opd=report.opd, seconds=report.seconds))
    return EXIT_OK

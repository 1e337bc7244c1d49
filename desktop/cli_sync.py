"""``diskominfo-desk sync`` and ``catalog-import``: the catalog from the command line.

Exit codes tell a scheduler what happened: 0 synced cleanly, 1 finished but conflicts or
refused records wait for a person, 2 could not sync at all (catalog unreachable, bad
settings, another sync running). The catalog address and user are remembered in the
database (``sync_setting``) when given; the token comes from
``DISKOMINFO_DESK_CATALOG_TOKEN`` or the OS keyring, never from the command line.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_FAILED = 2


def add_parsers(sub: Any) -> dict[str, Any]:
    from desktop.core.i18n import t

    p_sync = sub.add_parser("sync", help=t("sinkronkan dataset dengan katalog CKAN daerah"))
    p_sync.add_argument("--catalog", metavar="URL",
                        help=t("alamat katalog (diingat untuk berikutnya)"))
    p_sync.add_argument("--user", dest="catalog_user", metavar="NAMA",
                        help=t("nama pengguna di katalog (diingat untuk berikutnya)"))
    p_sync.add_argument("--retries", type=int, metavar="N",
                        help=t("jumlah percobaan per permintaan (bawaan 5)"))
    p_import = sub.add_parser("catalog-import",
                              help=t("impor dataset dari portal CKAN mana pun (hanya membaca)"))
    p_import.add_argument("url", metavar="URL")
    p_import.add_argument("--organization", metavar="NAMA",
                          help=t("hanya dataset organisasi ini"))
    p_import.add_argument("--retries", type=int, metavar="N",
                          help=t("jumlah percobaan per permintaan (bawaan 5)"))
    return {"sync": cmd_sync, "catalog-import": cmd_catalog_import}


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.sync.backoff import RetryPolicy

    if args.retries is None:
        return {}
    return {"retry": replace(RetryPolicy(), attempts=max(1, args.retries))}


def _summary_line(summary: Any) -> str:
    from desktop.core.i18n import t

    return t("Sinkronisasi: {pushed} dikirim, {pulled} diambil, {deleted} dihapus, "
             "{conflicts} konflik, {errors} galat", pushed=summary.pushed,
             pulled=summary.pulled, deleted=summary.deleted, conflicts=summary.conflicts,
             errors=summary.errors)


def _failed(message: str) -> int:
    print(f"diskominfo-desk: {message}", file=sys.stderr)
    return EXIT_FAILED


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.core.desk import Desk
    from desktop.core.errors import DeskError
    from desktop.sync.api import run_sync
    from desktop.sync.catalog_settings import (
        catalog_config,
        load_catalog_settings,
        save_catalog_settings,
    )
    from desktop.sync.client import CatalogClient

    desk = Desk.open(args.database, user=args.user)
    try:
        settings = load_catalog_settings(desk.db)
        config = catalog_config(settings, url=args.catalog, user=args.catalog_user,
                                **_overrides(args))
        remembered = {k: v for k, v in (("catalog_url", args.catalog and config.base_url),
                                        ("catalog_user", args.catalog_user)) if v}
        if remembered:
            save_catalog_settings(desk.db, **remembered)
        client = CatalogClient.from_keyring(config)  # with this run's overrides
        try:
            summary = run_sync(desk, client=client)
        finally:
            client.close()
    except DeskError as error:
        return _failed(error.message)
    finally:
        desk.close()
    print(_summary_line(summary))
    for message in summary.error_messages[:20]:
        print(f"  - {message}")
    return EXIT_OK if summary.clean else EXIT_ATTENTION


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from desktop.core.desk import Desk
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t
    from desktop.sync.client import CatalogClient
    from desktop.sync.config import CatalogConfig
    from desktop.sync.importer import catalog_import
    from desktop.sync.token import load_token

    desk = Desk.open(args.database, user=args.user)
    try:
        config = CatalogConfig(args.url, **_overrides(args))
        client = CatalogClient(config, load_token(config.base_url, ""))
        try:
            summary = catalog_import(desk, client, organization=args.organization)
        finally:
            client.close()
    except DeskError as error:
        return _failed(error.message)
    finally:
        desk.close()
    print(t("Impor katalog: {pulled} dataset ditambahkan, {errors} galat",
            pulled=summary.pulled, errors=summary.errors))
    for message in summary.error_messages[:20]:
        print(f"  - {message}")
    return EXIT_OK if summary.clean else EXIT_ATTENTION

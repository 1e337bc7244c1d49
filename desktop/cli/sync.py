"""``diskominfo-desk sync``, ``conflicts`` and ``catalog-import``: the catalog from the
command line.

Exit codes tell a scheduler what happened: 0 synced cleanly, 1 finished but conflicts
(any still open, not only this run's) or refused records wait for a person, 2 could not
sync at all (catalog unreachable, bad settings, a token the catalog refuses, another
sync running). The catalog address and user given on the command line are remembered in
the database (``sync_setting``) once a run with them has worked, never after a failed
one; the token comes from ``DISKOMINFO_DESK_CATALOG_TOKEN`` or the OS keyring, never
from the command line.

``conflicts`` lists the open conflicts and ``conflicts resolve ID mine|theirs|VALUE``
settles one (0 done, 1 refused or no such conflict, 2 usage).

The sync layer is reached only through its front door, :mod:`desktop.sync.api`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from desktop.cli.common import EXIT_OK, add_json_option, open_desk, say_error

EXIT_ATTENTION = 1  # finished, but a person must look (conflicts, refused records)
EXIT_FAILED = 2  # could not sync at all


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-commands; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_sync = sub.add_parser("sync", help=t("sinkronkan dataset dengan katalog CKAN daerah"))
    p_sync.add_argument("--catalog", metavar="URL",
                        help=t("alamat katalog (diingat untuk berikutnya)"))
    p_sync.add_argument("--user", dest="catalog_user", metavar="NAMA",
                        help=t("nama pengguna di katalog (diingat untuk berikutnya)"))
    p_sync.add_argument("--retries", type=int, metavar="N",
                        help=t("jumlah percobaan per permintaan (bawaan 5)"))
    same_or_new = p_sync.add_mutually_exclusive_group()
    same_or_new.add_argument("--catalog-moved", action="store_true",
                             help=t("katalog yang sama di alamat baru: tautan dataset "
                                    "dipertahankan"))
    same_or_new.add_argument("--catalog-new", action="store_true",
                             help=t("katalog lain: mulai tautan baru, tidak ada yang dihapus "
                                    "di sini maupun di katalog lama"))
    p_sync.add_argument("--confirm-deletions", action="store_true",
                        help=t("terapkan penghapusan dari katalog walau lebih dari batas "
                               "bagian register dalam satu sinkronisasi"))
    p_conflicts = sub.add_parser(
        "conflicts", help=t("tampilkan konflik sinkronisasi yang masih terbuka"))
    add_json_option(p_conflicts)
    conflict_sub = p_conflicts.add_subparsers(dest="conflicts_action", metavar="resolve")
    p_resolve = conflict_sub.add_parser(
        "resolve", help=t("selesaikan satu konflik: mine (nilai di sini), theirs (nilai "
                          "katalog) atau nilai baru"))
    p_resolve.add_argument("conflict_id", type=int, metavar="ID")
    p_resolve.add_argument("choice", metavar="mine|theirs|NILAI")
    p_import = sub.add_parser("catalog-import",
                              help=t("impor dataset dari portal CKAN mana pun (hanya membaca)"))
    p_import.add_argument("url", metavar="URL")
    p_import.add_argument("--organization", metavar="NAMA",
                          help=t("hanya dataset organisasi ini"))
    p_import.add_argument("--retries", type=int, metavar="N",
                          help=t("jumlah percobaan per permintaan (bawaan 5)"))
    return {"sync": cmd_sync, "conflicts": cmd_conflicts,
            "catalog-import": cmd_catalog_import}


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.sync.api import RetryPolicy

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
    say_error(message)
    return EXIT_FAILED


def _say(message: str) -> None:
    """A line for the person at the terminal while the run goes on (retries, waits)."""
    print(f"diskominfo-desk: {message}", file=sys.stderr, flush=True)


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t
    from desktop.sync.api import (
        DELETION_SHARE,
        CatalogChangedError,
        CatalogClient,
        catalog_config,
        list_conflicts,
        load_catalog_settings,
        move_catalog,
        pending_visibility_changes,
        run_sync,
        save_catalog_settings,
        start_fresh_links,
    )

    with open_desk(args) as desk:  # a database that cannot open is exit 1, as elsewhere
        try:
            settings = load_catalog_settings(desk.db)
            config = catalog_config(settings, url=args.catalog, user=args.catalog_user,
                                    **_overrides(args))
            if args.catalog_moved:  # the user says what the address change is
                move_catalog(desk, config.base_url, save_url=False)
            elif args.catalog_new:
                start_fresh_links(desk, config.base_url, save_url=False)
            client = CatalogClient.from_keyring(config)  # with this run's overrides
            client.on_retry = _say
            for change in pending_visibility_changes(desk):  # said before it happens
                print(change.message)
            try:
                summary = run_sync(desk, client=client,
                                   confirm_deletions=args.confirm_deletions)
            finally:
                client.close()
            # remembered only now: an address that did not work is not the next run's
            # default
            remembered = {k: v for k, v in (("catalog_url", args.catalog and config.base_url),
                                            ("catalog_user", args.catalog_user)) if v}
            if remembered:
                save_catalog_settings(desk.db, **remembered)
            conflicts = list_conflicts(desk) if summary.conflicts else []
        except CatalogChangedError as error:
            _failed(error.message)
            return _failed(t("Jalankan lagi dengan --catalog-moved jika ini katalog yang sama di "
                             "alamat baru, atau --catalog-new jika katalog lain (tautan baru, "
                             "tidak ada yang dihapus)."))
        except DeskError as error:
            return _failed(error.message)
    print(_summary_line(summary))
    if summary.held_deletions:
        print(t("{n} dataset hilang dari katalog tetapi tidak dihapus di sini: lebih dari "
                "{share} register dalam satu sinkronisasi ({titles}). Periksa katalognya; "
                "jika memang dihapus, jalankan lagi dengan --confirm-deletions.",
                n=len(summary.held_deletions), share=f"{round(DELETION_SHARE * 100)}%",
                titles=", ".join(summary.held_deletions[:10])
                + (" …" if len(summary.held_deletions) > 10 else "")))
    _print_conflicts(conflicts)
    _print_errors(summary.error_messages)
    return EXIT_OK if summary.clean else EXIT_ATTENTION


def _print_errors(messages: list[str], shown: int = 20) -> None:
    from desktop.core.i18n import tn

    for message in messages[:shown]:
        print(f"  - {message}")
    if len(messages) > shown:
        print(tn("  ... dan {n} galat lain (lihat log di halaman Sinkronisasi)",
                 len(messages) - shown, n=len(messages) - shown))


def _print_conflicts(conflicts: list[Any], shown: int = 20) -> None:
    """The open conflicts by name, and how to settle them."""
    from desktop.core.i18n import t, tn
    from desktop.sync.api import field_label

    if not conflicts:
        return
    for c in conflicts[:shown]:
        print(t("  ! konflik {id}: \"{title}\" - {field}", id=c.id, title=c.title or "-",
                field=field_label(c.field)))
    if len(conflicts) > shown:
        print(tn("  ... dan {n} konflik lain", len(conflicts) - shown,
                 n=len(conflicts) - shown))
    print(t("Konflik terbuka menunggu keputusan: lihat dengan 'diskominfo-desk conflicts', "
            "selesaikan dengan 'diskominfo-desk conflicts resolve ID mine|theirs|NILAI'."))


def cmd_conflicts(args: argparse.Namespace) -> int:
    from desktop.core.errors import DeskError
    from desktop.sync.api import conflict_dict, list_conflicts

    with open_desk(args) as desk:
        try:
            if args.conflicts_action == "resolve":
                return _resolve(desk, args.conflict_id, args.choice)
            conflicts = list_conflicts(desk)
        except DeskError as error:
            say_error(error.message)
            return EXIT_ATTENTION
    if args.json:
        json.dump([conflict_dict(c) for c in conflicts], sys.stdout, ensure_ascii=False,
                  indent=2, default=str)
        sys.stdout.write("\n")
    else:
        _print_conflict_table(conflicts)
    return EXIT_OK


def _print_conflict_table(conflicts: list[Any]) -> None:
    from desktop.core.i18n import t, tn
    from desktop.sync.api import field_label, resolution_words, side_text

    if not conflicts:
        print(t("Tidak ada konflik terbuka."))
        return
    for c in conflicts:
        print(t("Konflik {id}: \"{title}\"", id=c.id, title=c.title or "-"))
        print("    " + t("Kolom:   {field}", field=field_label(c.field)))
        print("    " + t("Di sini: {value}", value=side_text(c.field, "local", c.local)))
        print("    " + t("Katalog: {value}", value=side_text(c.field, "remote", c.remote)))
        words = resolution_words(c.field)
        if words:
            value_word = t("NILAI")  # on its own: pybabel does not look inside t()'s arguments
            print("    " + t("Pilihan: {words}", words="|".join(
                value_word if w == "VALUE" else w for w in words)))
    print(tn("{n} konflik terbuka. Selesaikan dengan 'diskominfo-desk conflicts resolve ID "
             "PILIHAN' (mine: nilai di sini, theirs: nilai katalog, atau nilai baru).",
             len(conflicts), n=len(conflicts)))


def _resolve(desk: Any, conflict_id: int, word: str) -> int:
    """Settle one conflict through the core; its refusal is shown as it words it."""
    from desktop.core.i18n import t
    from desktop.sync.api import (
        DELETED_FIELD,
        Resolution,
        field_label,
        find_conflict,
        is_whole_record,
        resolve_conflict,
    )

    conflict = find_conflict(desk, conflict_id)
    if conflict is None:
        say_error(t("Konflik {id} tidak ditemukan atau sudah diselesaikan; lihat "
                    "'diskominfo-desk conflicts'.", id=conflict_id))
        return EXIT_ATTENTION
    sides = {"mine": Resolution.KEEP_MINE, "theirs": Resolution.TAKE_THEIRS}
    choice: Resolution | str
    value: Any = None
    special = is_whole_record(conflict.field) and conflict.field != DELETED_FIELD
    if word.lower() in sides and not special:
        choice = sides[word.lower()]
    elif is_whole_record(conflict.field):
        choice = word.lower()  # the core knows this kind's own words, and refuses others
    else:
        choice, value = Resolution.EDIT, _typed_value(conflict, word)
    try:
        resolve_conflict(desk, conflict.id, choice, value)
    except ValueError:
        say_error(t("Pilihan {word} tidak berlaku untuk konflik {id}.", word=word,
                    id=conflict_id))
        return EXIT_ATTENTION
    print(t("Konflik {id} (\"{title}\", {field}) diselesaikan. Sinkronisasi berikutnya "
            "membawa hasilnya ke katalog.", id=conflict.id, title=conflict.title or "-",
            field=field_label(conflict.field)))
    return EXIT_OK


def _typed_value(conflict: Any, word: str) -> Any:
    """The value as the field holds it: a list field takes comma-separated items."""
    if isinstance(conflict.local, list) or isinstance(conflict.remote, list):
        return [item.strip() for item in word.split(",") if item.strip()]
    return word


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t
    from desktop.sync.api import CatalogClient, CatalogConfig, catalog_import, load_token

    with open_desk(args) as desk:
        try:
            config = CatalogConfig(args.url, **_overrides(args))
            client = CatalogClient(config, load_token(config.base_url, ""))
            try:
                summary = catalog_import(desk, client, organization=args.organization)
            finally:
                client.close()
        except DeskError as error:
            return _failed(error.message)
    print(t("Impor katalog: {pulled} dataset ditambahkan, {errors} galat",
            pulled=summary.pulled, errors=summary.errors))
    _print_errors(summary.error_messages)
    return EXIT_OK if summary.clean else EXIT_ATTENTION

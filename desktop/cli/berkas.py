"""``diskominfo-desk berkas list|add|get|delete|zip``: the files attached to records.

The same core as the window's Berkas box (``desktop.core.attachments``): the same size
and type checks, the same audit rows. ``add`` takes several files and attaches each on
its own: one refused file is reported and the others still go in (exit code 1 then).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    add_common_options,
    add_json_option,
    open_desk,
    say_error,
)

KINDS_HELP = "opd, apps, datasets, visits, agreements, deployments"


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-commands; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_berkas = sub.add_parser("berkas", help=t("berkas lampiran data (pindaian PKS, surat, "
                                              "foto): daftar, tambah, ambil, hapus, ZIP"))
    actions = p_berkas.add_subparsers(dest="berkas_action", metavar="TINDAKAN", required=True)

    p_list = actions.add_parser("list", help=t("daftar berkas satu data"))
    _record_arguments(p_list)
    add_json_option(p_list)

    p_add = actions.add_parser("add", help=t("lampirkan berkas ke satu data"))
    _record_arguments(p_add)
    p_add.add_argument("files", nargs="+", metavar="BERKAS")

    p_get = actions.add_parser("get", help=t("simpan salinan satu berkas"))
    p_get.add_argument("berkas_id", metavar="ID_BERKAS")
    p_get.add_argument("-o", "--output", metavar="BERKAS",
                       help=t("simpan sebagai (bawaan: nama berkas di folder ini)"))

    p_delete = actions.add_parser("delete", help=t("hapus satu berkas (tercatat di log audit)"))
    p_delete.add_argument("berkas_id", metavar="ID_BERKAS")

    p_zip = actions.add_parser("zip", help=t("semua berkas satu data dalam satu ZIP"))
    _record_arguments(p_zip)
    p_zip.add_argument("-o", "--output", metavar="BERKAS", required=True,
                       help=t("berkas ZIP yang ditulis"))
    for parser in actions.choices.values():
        add_common_options(parser, argparse.SUPPRESS)
    return {"berkas": cmd_berkas}


def _record_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", metavar="JENIS", help=KINDS_HELP)
    parser.add_argument("record_id", metavar="ID")


def cmd_berkas(args: argparse.Namespace) -> int:
    handlers = {"list": _list, "add": _add, "get": _get, "delete": _delete, "zip": _zip}
    return handlers[args.berkas_action](args)


def _kind_name(args: argparse.Namespace) -> str:
    """The record kind asked for; an unknown one is a usage error (exit code 2)."""
    from desktop.core.errors import QueryError
    from desktop.core.kinds import kind_named

    try:
        return kind_named(args.kind).name
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None


def _check_record(desk: Any, kind: str, record_id: str) -> None:
    """A record that does not exist is an error, not an empty list (a mistyped id)."""
    desk.service(kind).title(record_id)


def _list(args: argparse.Namespace) -> int:
    from desktop.cli.records import print_rows
    from desktop.core.attachment_types import BY_MIME
    from desktop.core.attachments import list_for, megabytes
    from desktop.core.i18n import t

    kind = _kind_name(args)
    with open_desk(args) as desk:
        _check_record(desk, kind, args.record_id)
        files = list_for(desk, kind, args.record_id)
    rows = []
    for f in files:
        file_type = BY_MIME.get(f.tipe)
        rows.append({"id": f.id, "nama": f.nama, "tipe": f.tipe,
                     "tipe_label": file_type.label if file_type else f.tipe,
                     "ukuran": f.ukuran, "ukuran_label": f"{megabytes(f.ukuran)} MB"
                     if f.ukuran >= 100 * 1024 else f"{f.ukuran // 1024 or 1} KB",
                     "sha256": f.sha256, "pengguna": f.pengguna,
                     "waktu": f.waktu.isoformat(sep=" ", timespec="seconds")})
    if args.json:
        rows = [{k: v for k, v in r.items() if not k.endswith("_label")} for r in rows]
    print_rows(rows, ["id", "nama", "tipe", "ukuran", "pengguna", "waktu"], args.json,
               headers=[t("ID"), t("Nama"), t("Jenis"), t("Ukuran"), t("Pengguna"),
                        t("Waktu (UTC)")])
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from desktop.core.attachments import add, megabytes
    from desktop.core.errors import DeskError, NotFoundError
    from desktop.core.i18n import t

    kind = _kind_name(args)
    failed = 0
    with open_desk(args) as desk:
        for name in args.files:
            try:
                info = add(desk, kind, args.record_id, Path(name))
            except NotFoundError:
                raise  # the record itself: no other file can go in either
            except DeskError as exc:
                say_error(exc.message)
                failed += 1
                continue
            print(t("Dilampirkan: {name} ({size} MB), id {id}", name=info.nama,
                    size=megabytes(info.ukuran), id=info.id))
    return EXIT_ERROR if failed else EXIT_OK


def _get(args: argparse.Namespace) -> int:
    from desktop.core.attachments import info, read_to
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        found = info(desk, args.berkas_id)
        if args.output:
            target = Path(args.output).expanduser()
            if target.is_dir():
                target = target / Path(found.nama).name
        else:
            target = Path.cwd() / Path(found.nama).name
            if target.exists():  # never over a file the user did not name
                raise DeskError(t("{path} sudah ada; tidak ditimpa. Pilih nama lain dengan "
                                  "-o BERKAS.", path=target))
        path = read_to(desk, found.id, target)
    print(t("Disimpan: {path}", path=path))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from desktop.core.attachments import delete
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        found = delete(desk, args.berkas_id)
    print(t("Berkas {name} dihapus.", name=found.nama))
    return EXIT_OK


def _zip(args: argparse.Namespace) -> int:
    from desktop.core.attachments import export_zip, list_for
    from desktop.core.i18n import tn

    kind = _kind_name(args)
    with open_desk(args) as desk:
        _check_record(desk, kind, args.record_id)
        count = len(list_for(desk, kind, args.record_id))
        path = export_zip(desk, kind, args.record_id, Path(args.output))
    print(tn("{n} berkas ditulis ke {path}", count, n=count, path=path))
    return EXIT_OK

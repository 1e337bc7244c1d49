"""The command line: the GUI by default, and headless sub-commands on the same core.

Every failure prints one readable line on stderr and exits non-zero; a traceback goes
to the log file, never to the terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop import __version__

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 70

log = logging.getLogger("desktop.cli")


def _parser() -> argparse.ArgumentParser:
    from desktop.core.i18n import t

    parser = argparse.ArgumentParser(
        prog="diskominfo-desk",
        description=t("Diskominfo Desk: register aplikasi, dataset, kunjungan dan kerja sama."),
    )
    parser.add_argument("--version", action="version", version=f"diskominfo-desk {__version__}")
    _common_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p_gui = sub.add_parser("gui", help=t("buka jendela aplikasi (bawaan)"))
    p_gui.add_argument("--scheme", choices=("system", "light", "dark"), help=t(
        "tampilan jendela untuk kali ini: ikuti sistem, terang, atau gelap"))
    sub.add_parser("init", help=t("buat atau perbarui basis data"))
    p_demo = sub.add_parser("demo", help=t("isi basis data kosong dengan data contoh"))
    p_demo.add_argument("--force", action="store_true", help=t(
        "memuat data contoh walau basis data sudah berisi profil kantor (profil itu diganti)"))

    p_list = sub.add_parser("list", help=t("tampilkan daftar data"))
    p_list.add_argument("kind", metavar="JENIS",
                        help="opd, apps, datasets, visits, agreements, deployments, regions")
    p_list.add_argument("--json", action="store_true", help=t("keluaran JSON"))
    p_list.add_argument("--search", metavar="TEKS", help=t("saring dengan pencarian teks"))
    p_list.add_argument("--filter", action="append", default=[], metavar="KOLOM=NILAI",
                        help=t("saring menurut kolom (boleh berulang)"))
    p_list.add_argument("--sort", action="append", default=[], metavar="KOLOM",
                        help=t("urutkan menurut kolom; untuk menurun tulis --sort=-KOLOM"))
    p_list.add_argument("--limit", type=int, metavar="N", help=t("paling banyak N baris"))

    p_search = sub.add_parser("search", help=t("cari di semua jenis data"))
    p_search.add_argument("text", metavar="TEKS")
    p_search.add_argument("--json", action="store_true", help=t("keluaran JSON"))
    p_search.add_argument("--kind", action="append", metavar="JENIS",
                          help=t("batasi pada jenis data ini"))
    p_search.add_argument("--limit", type=int, default=200, metavar="N")

    p_pdf = sub.add_parser("pdf", help=t("cetak naskah kerja sama ke PDF (DOCX bila BERKAS "
                                         "berakhiran .docx)"))
    p_pdf.add_argument("agreement_id", metavar="ID_KERJA_SAMA")
    p_pdf.add_argument("-o", "--output", required=True, metavar="BERKAS.pdf")
    p_docx = sub.add_parser("docx", help=t("tulis naskah kerja sama sebagai dokumen Word (DOCX)"))
    p_docx.add_argument("agreement_id", metavar="ID_KERJA_SAMA")
    p_docx.add_argument("-o", "--output", required=True, metavar="BERKAS.docx")

    p_seed = sub.add_parser("seed-bench", help=t("buat N dataset sintetis untuk uji kinerja"))
    p_seed.add_argument("count", type=int, metavar="N")
    sub.add_parser("forget-secrets", help=t("hapus semua token dan kata sandi yang disimpan "
                                            "program ini di brankas kunci sistem operasi"))

    from desktop import (
        cli_backups,
        cli_dashboard,
        cli_export,
        cli_import,
        cli_keyring,
        cli_report,
        cli_sync,
    )

    COMMANDS.update(cli_import.add_parsers(sub))
    COMMANDS.update(cli_export.add_parsers(sub))
    COMMANDS.update(cli_backups.add_parsers(sub))
    COMMANDS.update(cli_dashboard.add_parsers(sub))
    COMMANDS.update(cli_report.add_parsers(sub))
    COMMANDS.update(cli_sync.add_parsers(sub))
    COMMANDS.update(cli_keyring.add_parsers(sub))
    for subparser in sub.choices.values():
        # after the sub-command too (``dashboard --lang en``); SUPPRESS keeps a value
        # given before it
        _common_options(subparser, argparse.SUPPRESS)
    return parser


def _common_options(parser: argparse.ArgumentParser, default: Any) -> None:
    from desktop.core.i18n import t

    def add(flag: str, **kwargs: Any) -> None:
        if flag not in parser._option_string_actions:  # ``sync --user`` is the catalog's
            parser.add_argument(flag, default=default, **kwargs)

    add("--database", metavar="URL_ATAU_BERKAS",
        help=t("berkas SQLite atau URL PostgreSQL (bawaan: DISKOMINFO_DESK_DATABASE, lalu "
               "\"database\" di berkas pengaturan settings.ini, lalu folder data pengguna)"))
    add("--user", help=t("nama pengguna untuk log audit"))
    add("--lang", choices=("id", "en"), help=t("bahasa pesan (id/en)"))


def _language_asked(argv: Sequence[str]) -> str | None:
    """``--lang`` wherever it stands, read before the parser is built, so that ``--help``
    and argparse's own messages are in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def utf8_streams() -> None:
    """stdout and stderr write UTF-8, whatever the console or pipe would choose.

    Why: on Windows a redirected or piped stream gets the ANSI code page (cp1252), so
    ``list --json > out.json`` crashed on the first "Ł" or emoji, and a file written in
    cp1252 is not the UTF-8 JSON a script expects. ``errors="replace"`` because a message
    that cannot be written must never become a second error. A missing stream (the
    windowed program has none) is left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if stream is None or encoding in ("utf-8", "utf8"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):  # a stream already written through a buffer
                log.debug("could not switch %r to UTF-8", stream)


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.core.errors import DeskError
    from desktop.core.i18n import set_language
    from desktop.core.private_files import private_umask, tighten_user_files

    utf8_streams()
    private_umask()  # the register's files are the user's alone (POSIX)
    tighten_user_files()
    from desktop.core.errors import QueryError

    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_asked(argv) or os.environ.get("DISKOMINFO_DESK_LANG", "id"))
    args = _parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    command = args.command or "gui"
    try:
        return COMMANDS[command](args)
    except BrokenPipeError:
        # the reader went away (``list ... | head``): end quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except QueryError as exc:  # the command was asked wrongly: a usage error
        print(f"diskominfo-desk: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except DeskError as exc:
        print(f"diskominfo-desk: {exc.message}", file=sys.stderr)
        if command == "gui":
            _show_before_window(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the promise: one line, never a traceback
        from desktop.core.i18n import t
        from desktop.core.logs import log_exception

        path = log_exception(exc)
        print(f"diskominfo-desk: {t('kesalahan tak terduga')}: {exc} ({t('rincian')}: {path})",
              file=sys.stderr)
        if command == "gui":
            from desktop.core.early_failure import failure_text

            _show_before_window(failure_text(exc, path))
        return EXIT_UNEXPECTED


def _show_before_window(text: str) -> None:
    """The window's failure in a message box: the windowed program has no console, so
    a line on stderr alone is seen by nobody (see desktop.core.early_failure)."""
    from desktop.core.early_failure import show_early_failure

    def qt_box(title: str, message: str) -> None:
        from desktop.ui.early_failure import show_failure_box

        show_failure_box(title, message)

    show_early_failure(text, show_qt=qt_box, echo=False)


def _desk(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.core.desk import Desk

    return Desk.open(args.database, user=args.user)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(database=args.database, user=args.user, lang=args.lang,
               scheme=getattr(args, "scheme", None))


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.core.i18n import t

    desk = _desk(args)
    print(t("Basis data siap: {url}", url=desk.db.display_url))
    if desk.db.backup_made:
        print(t("Salinan sebelum pembaruan: {path}", path=desk.db.backup_made))
    if desk.db.sqlite_notice:
        print(desk.db.sqlite_notice)
    desk.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Refused (exit 2, nothing written) on a database that is not empty: records never
    mix with demo ones, and an office profile is replaced only with ``--force``."""
    from desktop.core.demo import DemoRefused, load_demo
    from desktop.core.errors import DeskError
    from desktop.core.i18n import t

    desk = _desk(args)
    try:
        summary = load_demo(desk, replace_office=bool(getattr(args, "force", False)))
    except DemoRefused as exc:
        desk.close()
        print(f"diskominfo-desk: {exc.message} " + t(
            "Tambahkan --force untuk tetap memuat data contoh dan mengganti profil kantor."),
            file=sys.stderr)
        return EXIT_USAGE
    except DeskError as exc:
        desk.close()
        print(f"diskominfo-desk: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    print(t("Data contoh dimuat: {opd} OPD, {apps} aplikasi, {datasets} dataset, "
            "{visits} kunjungan, {agreements} kerja sama, {deployments} deployment.",
            **vars(summary)))
    desk.close()
    return EXIT_OK


def _parse_filters(items: list[str]) -> dict[str, Any]:
    from desktop.core.errors import QueryError
    from desktop.core.i18n import t

    filters: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(t("Filter harus berbentuk KOLOM=NILAI: {item}", item=item))
        filters[key.strip()] = value.split(",") if key.endswith("__in") else value
    return filters


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.kinds import kind_named
    from desktop.core.services import ListQuery

    if args.kind.strip().lower() in ("regions", "region", "wilayah"):
        desk = _desk(args)
        rows = desk.regions(args.search or "")
        desk.close()
        _print_rows(rows[: args.limit] if args.limit else rows, ["kode", "nama", "jenis"],
                    args.json, total=len(rows))
        return EXIT_OK
    try:
        kind = kind_named(args.kind)
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None
    desk = _desk(args)
    query = ListQuery(text=args.search, filters=_parse_filters(args.filter),
                      sort=args.sort, limit=args.limit)
    page = desk.service(kind).list(query)
    desk.close()
    rows = []
    for row in page.rows:
        out = {"id": row["id"], "version": row["version"]}
        for column in kind.columns:
            out[column.key] = row[column.key]
            if column.choices is not None:
                out[f"{column.key}_label"] = column.choices.label(row[column.key])
        rows.append(out)
    _print_rows(rows, [c.key for c in kind.columns], args.json,
                headers=[str(c.label) for c in kind.columns], total=page.total)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.kinds import kind_named

    try:
        kinds = [kind_named(k).name for k in args.kind] if args.kind else None
    except KeyError as exc:
        raise QueryError(str(exc.args[0])) from None
    desk = _desk(args)
    hits = desk.search(args.text, kinds, args.limit)
    desk.close()
    _print_rows([h.as_json() for h in hits], ["kind", "title", "subtitle"], args.json)
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    """The agreement as a PDF, or as DOCX when the file's name ends in .docx (or ``docx``)."""
    from pathlib import Path

    from desktop.core.i18n import t
    from desktop.documents.options import render_options

    as_docx = args.command == "docx" or Path(args.output).suffix.lower() == ".docx"
    if as_docx:
        from desktop.documents.docx_writer import render_docx as render
    else:
        from desktop.documents.pdf import render_agreement as render

    desk = _desk(args)
    agreement = desk.agreements.get(args.agreement_id)
    parent = desk.agreements.get(agreement["induk_id"]) if agreement.get("induk_id") else None
    office = desk.office.get()
    data = render(agreement, office=office, parent=parent,
                  options=render_options(agreement, office))
    desk.close()
    from desktop.core.safe_write import write_bytes_atomic

    write_bytes_atomic(args.output, data)  # open in a PDF reader or Word: a clear message
    print(t("DOCX ditulis: {path}", path=args.output) if as_docx
          else t("PDF ditulis: {path}", path=args.output))
    return EXIT_OK


def cmd_seed_bench(args: argparse.Namespace) -> int:
    from desktop.core.errors import QueryError
    from desktop.core.i18n import t
    from desktop.core.seedbench import seed_bench

    if args.count < 0 or args.count > 10_000_000:
        raise QueryError(t("N harus antara 0 dan 10.000.000."))
    desk = _desk(args)
    report = seed_bench(desk.db, args.count)
    desk.close()
    print(t("{datasets} dataset, {apps} aplikasi, {visits} kunjungan dan {opd} OPD dibuat "
            "dalam {seconds:.1f} detik.", datasets=report.datasets, apps=report.apps,
            visits=report.visits, opd=report.opd, seconds=report.seconds))
    return EXIT_OK


def cmd_forget_secrets(args: argparse.Namespace) -> int:
    """Every keyring entry of this program deleted (the uninstaller's "delete my data").

    Never opens the database: it must work when the server is gone or the file damaged.
    """
    from desktop.core.i18n import t
    from desktop.core.secrets import forget_all_secrets, keyring_available

    if not keyring_available():
        print(t("Brankas kunci sistem operasi tidak tersedia; tidak ada yang dihapus."))
        return EXIT_OK
    count = forget_all_secrets()
    print(t("Entri brankas kunci yang dihapus: {count}.", count=count))
    return EXIT_OK


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _print_rows(rows: list[dict[str, Any]], keys: list[str], as_json: bool, *,
                headers: list[str] | None = None, total: int | None = None) -> None:
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


COMMANDS = {
    "gui": cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "list": cmd_list,
    "search": cmd_search,
    "seed-bench": cmd_seed_bench,
    "forget-secrets": cmd_forget_secrets,
    "pdf": cmd_pdf,
    "docx": cmd_pdf,
}

"""What every command of the command line shares: exit codes, the database opened for one
command, the ``--filter``/``--search``/``--sort`` options and their parsing, one-line errors.

Why one module: the command groups (``records``, ``export``, ``sync``, …) each need these,
and a command module importing another's private helpers made the CLI a circle. Everything
here is public and imports nothing from the other CLI modules.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.desk import Desk

EXIT_OK = 0
EXIT_ERROR = 1  # the command ran and failed (or some rows were refused)
EXIT_USAGE = 2  # asked wrongly: nothing was done
EXIT_UNEXPECTED = 70  # a bug: the details are in the log file
EXIT_INTERRUPTED = 130  # Ctrl+C

PROGRAM = "diskominfo-desk"


@contextmanager
def open_desk(args: argparse.Namespace) -> Iterator[Desk]:
    """The database of ``--database`` for one command, closed when the block ends (also on
    an error), as the user of ``--user`` for the audit log."""
    from desktop.core.desk import Desk

    with Desk.open(args.database, user=args.user) as desk:
        yield desk


def say_error(message: str) -> None:
    """One line on stderr, prefixed with the program's name, as every failure is shown."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)


def parse_filters(items: list[str]) -> dict[str, Any]:
    """``--filter KOLOM=NILAI`` options as the services' filters; ``KOLOM__in=a,b`` a list."""
    from desktop.core.errors import QueryError
    from desktop.core.i18n import t

    filters: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(t("Filter harus berbentuk KOLOM=NILAI: {item}", item=item))
        filters[key.strip()] = value.split(",") if key.endswith("__in") else value
    return filters


def add_filter_option(parser: argparse.ArgumentParser) -> None:
    from desktop.core.i18n import t

    parser.add_argument("--filter", action="append", default=[], metavar="KOLOM=NILAI",
                        help=t("saring menurut kolom (boleh berulang)"))


def add_search_option(parser: argparse.ArgumentParser) -> None:
    from desktop.core.i18n import t

    parser.add_argument("--search", metavar="TEKS", help=t("saring dengan pencarian teks"))


def add_sort_option(parser: argparse.ArgumentParser) -> None:
    from desktop.core.i18n import t

    parser.add_argument("--sort", action="append", default=[], metavar="KOLOM",
                        help=t("urutkan menurut kolom; untuk menurun tulis --sort=-KOLOM"))


def add_json_option(parser: argparse.ArgumentParser) -> None:
    from desktop.core.i18n import t

    parser.add_argument("--json", action="store_true", help=t("keluaran JSON"))


def add_common_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """``--database``, ``--user`` and ``--lang``, on the program and on every sub-command
    (``default=argparse.SUPPRESS`` there keeps a value given before the sub-command)."""
    from desktop.core.i18n import t

    def add(flag: str, **kwargs: Any) -> None:
        if flag not in parser._option_string_actions:  # ``sync --user`` is the catalog's
            parser.add_argument(flag, default=default, **kwargs)

    add("--database", metavar="URL_ATAU_BERKAS",
        help=t("berkas SQLite atau URL PostgreSQL (bawaan: DISKOMINFO_DESK_DATABASE, lalu "
               "\"database\" di berkas pengaturan settings.ini, lalu folder data pengguna)"))
    add("--user", help=t("nama pengguna untuk log audit"))
    add("--lang", choices=("id", "en"), help=t("bahasa pesan (id/en)"))

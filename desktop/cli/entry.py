"""The command line: the GUI by default, and headless sub-commands on the same core.

Every failure prints one readable line on stderr and exits non-zero; a traceback goes
to the log file, never to the terminal. This module builds the parser from the command
groups (one module each, beside it) and runs the command asked for; what the groups
share is in :mod:`desktop.cli.common`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from desktop import __version__
from desktop.cli.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    add_common_options,
)

log = logging.getLogger("desktop.cli")

Handler = Callable[[argparse.Namespace], int]

# {sub-command: handler}, filled as the parser is built; a test may replace an entry
COMMANDS: dict[str, Handler] = {}


def _parser() -> argparse.ArgumentParser:
    from desktop.cli import (
        backups,
        berkas,
        dashboard,
        database,
        documents,
        export,
        gui,
        importing,
        live,
        records,
        report,
        secrets,
        sync,
        user,
    )
    from desktop.core.i18n import t

    parser = argparse.ArgumentParser(
        prog="diskominfo-desk",
        description=t("Diskominfo Desk: register aplikasi, dataset, kunjungan dan kerja sama."),
    )
    parser.add_argument("--version", action="version", version=f"diskominfo-desk {__version__}")
    add_common_options(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    # in the order ``--help`` lists them
    for add_parsers in (gui.add_parsers, database.add_parsers, records.add_parsers,
                        documents.add_parsers, database.add_seed_parser,
                        secrets.add_forget_parser, importing.add_parsers, export.add_parsers,
                        backups.add_parsers, dashboard.add_parsers, report.add_parsers,
                        sync.add_parsers, secrets.add_parsers, berkas.add_parsers,
                        user.add_parsers, live.add_parsers):
        for name, handler in add_parsers(sub).items():
            COMMANDS.setdefault(name, handler)
    for subparser in sub.choices.values():
        # after the sub-command too (``dashboard --lang en``); SUPPRESS keeps a value
        # given before it
        add_common_options(subparser, argparse.SUPPRESS)
    return parser


def _language_asked(argv: Sequence[str]) -> str | None:
    """``--lang`` wherever it stands, read before the parser is built, so that ``--help``
    and argparse's own messages are in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


SCHEMES = ("system", "light", "dark")  # ``gui --scheme`` (desktop.cli.gui)


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain start of the window (no sub-command, or ``gui``), read
    without building every command's parser; None for anything else, which the full
    parser reads (and so helps with, or refuses in its usual words).

    Why: the full parser's choices come from the record kinds, which load the database
    layer, and the window's first paint comes before that layer (``desktop.ui.app``).
    Only exact option names are taken here; an abbreviation goes the long way.
    """
    if any(arg.startswith(("-h", "--help", "--version")) for arg in argv):
        return None
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    common.add_argument("--database")
    common.add_argument("--user")
    common.add_argument("--lang", choices=("id", "en"))
    window = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    window.add_argument("--scheme", choices=SCHEMES)
    try:
        args, rest = common.parse_known_args(argv)
        if rest[:1] == ["gui"]:
            gui, rest = window.parse_known_args(rest[1:])
            args.scheme = gui.scheme
        else:
            args.scheme = None
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = "gui"
    return args


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
    from desktop.core.open_copies import clean_open_copies

    clean_open_copies()  # the viewer copies of berkas left by a process that ended
    from desktop.core.errors import QueryError

    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_asked(argv) or os.environ.get("DISKOMINFO_DESK_LANG", "id"))
    args = window_arguments(argv) or _parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    command = args.command or "gui"
    try:
        return _handler(command)(args)
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
        return EXIT_INTERRUPTED
    except Exception as exc:  # the promise: one line, never a traceback
        from desktop.core.i18n import t
        from desktop.core.logs import log_exception

        path = log_exception(exc)
        unexpected, details = t("kesalahan tak terduga"), t("rincian")  # extractable
        print(f"diskominfo-desk: {unexpected}: {exc} ({details}: {path})", file=sys.stderr)
        if command == "gui":
            from desktop.core.early_failure import failure_text

            _show_before_window(failure_text(exc, path))
        return EXIT_UNEXPECTED


def _handler(command: str) -> Handler:
    """The command's handler; the window's also when the parser was not built (a plain
    start, see ``window_arguments``) and no test put another in its place."""
    if command not in COMMANDS and command == "gui":
        from desktop.cli.gui import cmd_gui

        return cmd_gui
    return COMMANDS[command]


def _show_before_window(text: str) -> None:
    """The window's failure in a message box: the windowed program has no console, so
    a line on stderr alone is seen by nobody (see desktop.core.early_failure)."""
    from desktop.core.early_failure import show_early_failure

    def qt_box(title: str, message: str) -> None:
        from desktop.ui.early_failure import show_failure_box

        show_failure_box(title, message)

    show_early_failure(text, show_qt=qt_box, echo=False)


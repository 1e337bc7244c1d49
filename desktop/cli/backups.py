"""``diskominfo-desk backup [DIR]`` and ``restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, open_desk


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-commands; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_backup = sub.add_parser("backup", help=t("cadangkan basis data sekarang"))
    p_backup.add_argument("folder", nargs="?", metavar="FOLDER",
                          help=t("folder tujuan (bawaan: folder data pengguna/backups)"))
    p_restore = sub.add_parser("restore", help=t("pulihkan basis data dari berkas cadangan"))
    p_restore.add_argument("file", metavar="BERKAS")
    return {"backup": cmd_backup, "restore": cmd_restore}


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.backups import backup_now
    from desktop.core.i18n import t

    with open_desk(args) as desk:
        path = backup_now(desk, Path(args.folder) if args.folder else None)
    print(t("Cadangan ditulis: {path}", path=path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.backups import restore
    from desktop.core.i18n import t

    with open_desk(args) as desk:  # restore closes its connections itself; closing is idempotent
        safety = restore(desk, Path(args.file))
    print(t("Dipulihkan dari {file}. Basis data sebelumnya dicadangkan ke {path}.",
            file=args.file, path=safety))
    return EXIT_OK

"""``diskominfo-desk backup [DIR]`` and ``restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

EXIT_OK = 0


def add_parsers(sub: Any) -> dict[str, Any]:
    from desktop.core.i18n import t

    p_backup = sub.add_parser("backup", help=t("cadangkan basis data sekarang"))
    p_backup.add_argument("folder", nargs="?", metavar="FOLDER",
                          help=t("folder tujuan (bawaan: folder data pengguna/backups)"))
    p_restore = sub.add_parser("restore", help=t("pulihkan basis data dari berkas cadangan"))
    p_restore.add_argument("file", metavar="BERKAS")
    return {"backup": cmd_backup, "restore": cmd_restore}


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.backups import backup_now
    from desktop.core.desk import Desk
    from desktop.core.i18n import t

    desk = Desk.open(args.database, user=args.user)
    try:
        path = backup_now(desk, Path(args.folder) if args.folder else None)
    finally:
        desk.close()
    print(t("Cadangan ditulis: {path}", path=path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.backups import restore
    from desktop.core.desk import Desk
    from desktop.core.i18n import t

    desk = Desk.open(args.database, user=args.user)
    safety = restore(desk, Path(args.file))
    print(t("Dipulihkan dari {file}. Basis data sebelumnya dicadangkan ke {path}.",
            file=args.file, path=safety))
    return EXIT_OK

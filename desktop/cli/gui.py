"""``diskominfo-desk gui`` (the default command): the window, started from the same core."""

from __future__ import annotations

import argparse
from typing import Any


def add_parsers(sub: Any) -> dict[str, Any]:
    """Register the sub-command; returns {name: handler} for the CLI's command table."""
    from desktop.core.i18n import t

    p_gui = sub.add_parser("gui", help=t("buka jendela aplikasi (bawaan)"))
    p_gui.add_argument("--scheme", choices=("system", "light", "dark"), help=t(
        "tampilan jendela untuk kali ini: ikuti sistem, terang, atau gelap"))
    return {"gui": cmd_gui}


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui import feature_scan

    feature_scan.install()  # first: every module imported after PySide6 pays less
    from desktop.ui.app import run

    return run(database=args.database, user=args.user, lang=args.lang,
               scheme=getattr(args, "scheme", None))

"""Who is making a change, for the audit log."""

from __future__ import annotations

import getpass
import os

ENV_USER = "DISKOMINFO_DESK_USER"


def current_user(configured: str | None = None, saved: str | None = None) -> str:
    """Who acts: the name given for this run, else ``DISKOMINFO_DESK_USER``, else the name
    saved in the settings, else the OS account."""
    for candidate in (configured, os.environ.get(ENV_USER), saved):
        if candidate and candidate.strip():
            return candidate.strip()[:120]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) or no login name
        return "pengguna"

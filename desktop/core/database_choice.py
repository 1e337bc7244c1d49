"""Which database is open, and what chose it.

The database is picked, first match wins, by ``--database``, the environment variable
``DISKOMINFO_DESK_DATABASE``, the settings file, or the default file (in the portable
``data`` folder in portable mode). The Settings dialog used to show only the settings
file's choice, so after ``--database other.sqlite3`` it named a file other than the one in
use. ``in_use`` tells the window what is open and why, without the window
having to be told how it was started: the open database is compared with what each
source would have chosen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.core.database_url import ENV_DATABASE, resolve_database_url
from desktop.core.i18n import t
from desktop.core.paths import default_database_path, portable_dir

ARGUMENT = "argument"  # --database on the command line (or the shortcut's)
ENVIRONMENT = "environment"
SETTINGS = "settings"
DEFAULT = "default"
PORTABLE = "portable"  # the default file, in portable mode: beside the program


@dataclass(frozen=True)
class DatabaseInUse:
    location: str  # a file path, or the server URL without its password
    source: str  # one of the constants above
    configured: str  # what the settings file names ("" when nothing)

    @property
    def overridden(self) -> bool:
        """True when the settings file's choice is not the one in use."""
        return self.source in (ARGUMENT, ENVIRONMENT)


def location(url: str) -> str:
    """What the user knows the database by: a SQLite file's path, else the URL with
    its password hidden."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def _key(url: str) -> str:
    """For comparing two URLs of one database: no password, a SQLite path made absolute."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return "sqlite:" + os.path.normcase(os.path.abspath(parsed.database))
    return parsed.set(password=None).render_as_string(hide_password=False)


def _resolved(value: str | None) -> str:
    try:
        return resolve_database_url(value) if value else ""
    except Exception:  # a setting that cannot be read (a bad URL) chose nothing
        return ""


def in_use(url: str) -> DatabaseInUse:
    """The open database ``url`` and the source that chose it."""
    from desktop.core.settings import DATABASE, current

    configured = str(current().get(DATABASE) or "")
    env = os.environ.get(ENV_DATABASE) or ""
    key = _key(url)
    if env:
        source = ENVIRONMENT if _key(_resolved(env)) == key else ARGUMENT
    elif configured:
        source = SETTINGS if _key(_resolved(configured)) == key else ARGUMENT
    elif _key(_resolved(str(default_database_path()))) == key:
        source = PORTABLE if portable_dir() is not None else DEFAULT
    else:
        source = ARGUMENT
    return DatabaseInUse(location=location(url), source=source, configured=configured)


def source_text(source: str) -> str:
    """Where the choice came from, as said after the database's name."""
    return {
        ARGUMENT: t("dari --database"),
        ENVIRONMENT: t("dari variabel lingkungan {name}", name=ENV_DATABASE),
        SETTINGS: t("dari pengaturan"),
        DEFAULT: t("berkas bawaan"),
        PORTABLE: t("mode portabel, di samping program"),
    }.get(source, source)

"""Which database a start means, as a URL: the argument, the environment, settings.ini,
or the default file in the user data folder.

Apart from ``desktop.core.database`` because the window's single-instance guard needs
the answer before the window's first paint, and that module loads SQLAlchemy: nothing
here does, except for a PostgreSQL URL (whose password comes from the keyring).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop.core.paths import default_database_path

ENV_DATABASE = "DISKOMINFO_DESK_DATABASE"


def resolve_database_url(value: str | os.PathLike[str] | None = None, *,
                         password: bool = True) -> str:
    """A URL from an argument, the environment, the settings file, or the default file.

    ``password=False``: a PostgreSQL URL as written, without asking the keyring for its
    password (the single-instance guard only names the database, before the window's
    first paint, and the keyring takes a while to load)."""
    raw = str(value) if value else os.environ.get(ENV_DATABASE) or _configured() or ""
    if not raw:
        return _sqlite_url(default_database_path())
    if "://" not in raw:
        return _sqlite_url(Path(raw).expanduser())
    if raw.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy would otherwise pick psycopg2.
        raw = "postgresql+psycopg://" + raw.split("://", 1)[1]
    if raw.startswith("postgresql") and password:
        from sqlalchemy.exc import ArgumentError

        from desktop.core.secrets import with_database_password

        # an unparseable URL is reported by create_database_engine
        with contextlib.suppress(ArgumentError, ValueError):
            raw = with_database_password(raw)
    return raw


def _configured() -> str:
    from desktop.core.settings import DATABASE, current

    return str(current().get(DATABASE) or "")


def _sqlite_url(path: Path) -> str:
    # never resolve(): on Windows it turns a mapped drive into a UNC path
    from desktop.core.sqlite_uri import sqlalchemy_sqlite_url

    return sqlalchemy_sqlite_url(path)

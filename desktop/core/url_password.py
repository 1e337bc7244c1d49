"""A password inside a database URL: found, and taken out.

Apart from ``desktop.core.secrets`` (the keyring) because the settings refuse a URL that
carries one (a password never goes into settings.ini) while the keyring code reads the
settings: with both here and there, the two modules imported each other.
"""

from __future__ import annotations

from typing import Any


def make_url(url: str) -> Any:
    """SQLAlchemy's URL parser, imported when a URL is read: the settings (and so the
    window's first paint) load this module long before the database layer is needed."""
    from sqlalchemy.engine import make_url as parse

    return parse(url)


def url_password(url: str) -> str | None:
    """A password carried anywhere in a database URL: the user part or ``?password=``."""
    try:
        parsed = make_url(url)
    except Exception:  # not a URL (a file path): it carries nothing
        return None
    if parsed.password:
        return str(parsed.password)
    value = parsed.query.get("password")
    if isinstance(value, tuple):
        value = value[0] if value else None
    return value or None


def without_password(url: str) -> str:
    """The URL with its password removed from both places it can be written."""
    parsed = make_url(url)
    # URL.set() treats None as "leave as is"; replace the field itself
    parsed = parsed._replace(password=None).difference_update_query(["password"])
    return parsed.render_as_string(hide_password=False)

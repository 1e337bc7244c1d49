"""Secrets (database passwords, later the catalog token) live in the OS keyring only.

Where no keyring exists (a bare Linux box) a catalog token is kept for this process alone
and the caller is told so; a database password is refused with a message saying where
to put it instead (~/.pgpass, PGPASSWORD). Neither is ever written to the settings file
or the database.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

SERVICE = "diskominfo-desk"
log = logging.getLogger(__name__)
_session_only: dict[str, str] = {}


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # an unusable backend counts as none
        return False


def store_secret(name: str, value: str) -> bool:
    """True if stored in the keyring; False if only kept for this session."""
    if keyring_available():
        try:
            import keyring

            keyring.set_password(SERVICE, name, value)
            return True
        except Exception:
            log.warning("keyring refused the secret %s; keeping it for this session", name)
    _session_only[name] = value
    return False


def read_secret(name: str) -> str | None:
    if name in _session_only:
        return _session_only[name]
    if keyring_available():
        try:
            import keyring

            return keyring.get_password(SERVICE, name)
        except Exception:
            return None
    return None


def delete_secret(name: str) -> None:
    """Forget a secret everywhere it may be (keyring and this session); absent is fine."""
    _session_only.pop(name, None)
    if keyring_available():
        try:
            import keyring

            keyring.delete_password(SERVICE, name)
        except Exception:  # not there, or the backend refused: nothing left to forget
            log.debug("keyring had no secret %s to delete", name)


def catalog_token_name(base_url: str, user_name: str) -> str:
    """One keyring entry per catalog and user, so switching portals keeps both tokens."""
    return f"catalog:{user_name}@{base_url.rstrip('/')}"


def database_secret_name(url: str) -> str:
    parsed = make_url(url)
    return f"db:{parsed.username}@{parsed.host}:{parsed.port or ''}/{parsed.database}"


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


def split_database_password(url: str) -> str:
    """Move a password out of a database URL into the keyring; the URL without it.

    Where no keyring can hold it, refuse (``DeskError`` saying where to put it instead):
    a password written into settings.ini, or silently forgotten, are both wrong.
    """
    password = url_password(url)
    if password is None:
        return url
    clean = without_password(url)
    if not store_secret(database_secret_name(clean), password):
        _session_only.pop(database_secret_name(clean), None)
        from desktop.core.errors import DeskError
        from desktop.core.i18n import t

        raise DeskError(t(
            "Brankas kunci sistem operasi tidak tersedia, jadi kata sandi basis data tidak "
            "dapat disimpan dengan aman. Hapus kata sandi dari alamat basis data dan "
            "simpan di berkas ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) "
            "atau di variabel lingkungan PGPASSWORD."))
    return clean


def with_database_password(url: str) -> str:
    """The URL with its password from the keyring, when it has none of its own."""
    parsed = make_url(url)
    if parsed.password or parsed.get_backend_name() == "sqlite" or not parsed.username:
        return url
    secret = read_secret(database_secret_name(url))
    return parsed.set(password=secret).render_as_string(hide_password=False) if secret else url

"""Secrets (database passwords, later the catalog token) live in the OS keyring only.

Where no keyring exists (a bare Linux box) a catalog token is kept for this process alone
and the caller is told so; a database password is refused with a message saying where
to put it instead (~/.pgpass, PGPASSWORD). Neither is ever written to the settings file
or the database.

Windows' Credential Manager holds at most 2,560 bytes per secret (UTF-16: 1,280
characters); a longer one is refused with a message before anything is stored, never
quietly kept for the session. The names (never the values) of the entries this program
stored are listed in ``keyring-names.txt`` beside settings.ini, so that
``diskominfo-desk forget-secrets`` (the uninstaller's "delete my data") can remove every
one: keyring backends have no portable way to list a service's entries.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop.core.url_password import url_password, without_password

SERVICE = "diskominfo-desk"
WINDOWS_SECRET_BYTES = 2560  # CRED_MAX_CREDENTIAL_BLOB_SIZE, the blob stored as UTF-16-LE
NAMES_FILE = "keyring-names.txt"
log = logging.getLogger(__name__)
_session_only: dict[str, str] = {}


def this_platform() -> str:
    """``sys.platform``, behind a name tests can replace without touching ``sys``."""
    return sys.platform


def secret_size_limit(platform: str | None = None) -> int | None:
    """The most bytes the platform's keyring takes for one secret; None: no known limit."""
    return WINDOWS_SECRET_BYTES if (platform or this_platform()) == "win32" else None


def check_secret_size(value: str, platform: str | None = None) -> None:
    """Refuse (``SecretTooLongError``) a secret the platform's keyring cannot hold.

    Why before storing: Credential Manager refuses a longer blob, and the fallback used
    to keep it for this session only, so the token vanished at the next start with
    nothing said.
    """
    limit = secret_size_limit(platform)
    size = len(value.encode("utf-16-le"))
    if limit is None or size <= limit:
        return
    from desktop.core.errors import SecretTooLongError
    from desktop.core.i18n import t

    raise SecretTooLongError(t(
        "Token atau kata sandi ini terlalu panjang untuk Pengelola Kredensial Windows "
        "({chars} karakter; paling banyak {limit} karakter) dan tidak disimpan. Gunakan "
        "token yang lebih pendek, atau berikan lewat variabel lingkungan "
        "DISKOMINFO_DESK_CATALOG_TOKEN (token katalog) atau berkas "
        "%APPDATA%\\postgresql\\pgpass.conf (kata sandi basis data).",
        chars=size // 2, limit=limit // 2))


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # an unusable backend counts as none
        return False


def store_secret(name: str, value: str) -> bool:
    """True if stored in the keyring; False if only kept for this session.

    Raises ``SecretTooLongError`` for a secret the platform's keyring cannot hold.
    """
    if keyring_available():
        check_secret_size(value)
        try:
            import keyring

            keyring.set_password(SERVICE, name, value)
            _remember_name(name)
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
    _forget_name(name)
    if keyring_available():
        try:
            import keyring

            keyring.delete_password(SERVICE, name)
        except Exception:  # not there, or the backend refused: nothing left to forget
            log.debug("keyring had no secret %s to delete", name)


def names_file() -> Path:
    from desktop.core.settings import settings_path

    return settings_path().parent / NAMES_FILE


def stored_names() -> list[str]:
    """The keyring entries this program stored (names only), as recorded."""
    try:
        text = names_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [line for line in text.splitlines() if line.strip()]


def _write_names(names: list[str]) -> None:
    from desktop.core.private_files import make_private

    path = names_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    make_private(tmp)
    tmp.replace(path)


def _remember_name(name: str) -> None:
    names = stored_names()
    if name not in names:
        try:
            _write_names([*names, name])
        except OSError as exc:  # the secret is stored; only forgetting it later is harder
            log.warning("could not record the keyring entry %s: %s", name, exc)


def _forget_name(name: str) -> None:
    names = stored_names()
    if name in names:
        try:
            _write_names([n for n in names if n != name])
        except OSError as exc:  # a stale name only costs forget_all_secrets a lookup
            log.debug("could not update %s: %s", names_file(), exc)


def forget_all_secrets(extra_names: list[str] | None = None) -> int:
    """Delete every secret this program stored (uninstall, "delete my data").

    The recorded names, the password of the configured database and ``extra_names``;
    returns how many keyring entries were there and were deleted. Secrets kept for this
    session are dropped too.
    """
    names = list(dict.fromkeys([*stored_names(), *_configured_names(), *(extra_names or [])]))
    _session_only.clear()
    removed = 0
    if keyring_available():
        import keyring

        for name in names:
            try:
                if keyring.get_password(SERVICE, name) is None:
                    continue
                keyring.delete_password(SERVICE, name)
                removed += 1
            except Exception as exc:  # one refusal must not keep the others
                log.warning("keyring could not delete %s: %s", name, exc)
    try:
        names_file().unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", names_file(), exc)
    return removed


def _configured_names() -> list[str]:
    """The entry of the database in settings.ini (stored before names were recorded)."""
    import os

    from desktop.core.settings import DATABASE, current

    urls = [os.environ.get("DISKOMINFO_DESK_DATABASE", ""), str(current().get(DATABASE))]
    names = []
    for url in urls:
        try:
            parsed = make_url(url) if url.startswith("postgres") else None
        except Exception:  # not a URL: nothing stored for it
            parsed = None
        if parsed is not None and parsed.username:
            names.append(database_secret_name(url))
    return names


def catalog_token_name(base_url: str, user_name: str) -> str:
    """One keyring entry per catalog and user, so switching portals keeps both tokens."""
    return f"catalog:{user_name}@{base_url.rstrip('/')}"


def database_secret_name(url: str) -> str:
    parsed = make_url(url)
    return f"db:{parsed.username}@{parsed.host}:{parsed.port or ''}/{parsed.database}"


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

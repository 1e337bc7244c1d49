"""Secrets and the keyring: Windows' size limit, and forgetting every stored secret.

A real keyring backend for tests (secrets in a JSON file, like keyrings.alt's plain
text one) that, like Windows' Credential Manager, refuses a blob over 2,560 bytes when
asked to behave as Windows: the old code fell back to "this session only" on that
refusal and the token was silently gone at the next start.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

from desktop.cli import main
from desktop.core import secrets
from desktop.core.errors import SecretTooLongError
from desktop.core.i18n import set_language
from desktop.core.settings import DATABASE, Settings
from desktop.sync.token import load_token, save_token

CATALOG = "https://data.example.go.id"


class FileKeyring(KeyringBackend):
    """Secrets in a JSON file; with ``blob_limit`` it refuses longer ones as CredWrite does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path, blob_limit: int | None = None) -> None:
        super().__init__()
        self.path = path
        self.blob_limit = blob_limit

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}

    def entries(self) -> dict[str, str]:
        return self._load()

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.blob_limit is not None and len(password.encode("utf-16-le")) > self.blob_limit:
            raise PasswordSetError("CredWrite: The stub received bad data.")
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self.path.write_text(json.dumps(data), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError("not found")
        self.path.write_text(json.dumps(data), "utf-8")


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FileKeyring]:
    # settings.ini and keyring-names.txt in tmp_path on every platform (Windows has no XDG)
    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))
    previous = keyring.get_keyring()
    backend = FileKeyring(tmp_path / "vault.json")
    keyring.set_keyring(backend)
    secrets._session_only.clear()
    yield backend
    keyring.set_keyring(previous)
    secrets._session_only.clear()


@pytest.fixture
def windows(vault: FileKeyring, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    """This process as Windows: the platform name and Credential Manager's limit."""
    monkeypatch.setattr(secrets, "this_platform", lambda: "win32")
    vault.blob_limit = secrets.WINDOWS_SECRET_BYTES
    return vault


def test_oversize_token_refused_on_windows_with_a_clear_message(windows: FileKeyring) -> None:
    token = "x" * 1281
    with pytest.raises(SecretTooLongError) as raised:
        save_token(CATALOG, "budi", token)
    assert "1281 karakter" in raised.value.message and "1280" in raised.value.message
    assert "DISKOMINFO_DESK_CATALOG_TOKEN" in raised.value.message
    assert windows.entries() == {}
    assert load_token(CATALOG, "budi") is None  # not kept for the session either


def test_the_message_is_english_too(windows: FileKeyring) -> None:
    set_language("en")
    try:
        with pytest.raises(SecretTooLongError) as raised:
            secrets.store_secret("catalog:budi@x", "y" * 2000)
    finally:
        set_language("id")
    assert "too long for the Windows Credential Manager (2000 characters; at most 1280)" \
        in raised.value.message


def test_limit_is_counted_in_utf16(windows: FileKeyring) -> None:
    """An emoji is two UTF-16 units: 640 fit in 2,560 bytes, 641 do not."""
    assert save_token(CATALOG, "budi", "x" * 1280) is True
    assert save_token(CATALOG, "ani", "🌾" * 640) is True
    with pytest.raises(SecretTooLongError):
        save_token(CATALOG, "wati", "🌾" * 641)
    assert load_token(CATALOG, "ani").value == "🌾" * 640  # type: ignore[union-attr]


def test_long_database_password_refused_on_windows(windows: FileKeyring) -> None:
    url = f"postgresql://desk:{'p' * 1300}@db.kantor:5432/desk"
    with pytest.raises(SecretTooLongError):
        secrets.split_database_password(url)
    assert windows.entries() == {}


def test_long_secret_fits_on_linux(vault: FileKeyring, monkeypatch) -> None:
    monkeypatch.setattr(secrets, "this_platform", lambda: "linux")
    token = "t" * 4000
    assert save_token(CATALOG, "budi", token) is True
    assert load_token(CATALOG, "budi").value == token  # type: ignore[union-attr]
    assert secrets.secret_size_limit() is None


def test_forget_secrets_removes_every_entry_of_the_program(vault: FileKeyring,
                                                           capsys) -> None:
    save_token(CATALOG, "budi", "token-satu")
    save_token("https://satudata.example.go.id", "ani", "token-dua")
    clean = secrets.split_database_password("postgresql://desk:rahasia@db.kantor:5432/desk")
    # an entry stored by an older version (not in the names file), for the configured
    # database, and one of another program that must stay
    keyring.set_password(secrets.SERVICE, "db:lama@db.lama:5432/desk", "lama")
    settings = Settings()
    settings.set(DATABASE, "postgresql://lama@db.lama:5432/desk")
    settings.save()
    keyring.set_password("program-lain", "x", "tetap")
    assert secrets.names_file().exists()
    assert len(vault.entries()) == 5

    assert main(["forget-secrets"]) == 0
    assert "Entri brankas kunci yang dihapus: 4." in capsys.readouterr().out
    assert vault.entries() == {"program-lain\x00x": "tetap"}
    assert load_token(CATALOG, "budi") is None
    assert secrets.with_database_password(clean) == clean
    assert not secrets.names_file().exists()

    assert main(["forget-secrets"]) == 0  # again: nothing left, still fine
    assert "dihapus: 0." in capsys.readouterr().out


def test_forget_secrets_without_a_keyring_says_so(capsys) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert main(["--lang", "en", "forget-secrets"]) == 0
    finally:
        keyring.set_keyring(previous)
        set_language("id")
    assert "keyring is not available; nothing was deleted" in capsys.readouterr().out


def test_names_file_holds_names_only(vault: FileKeyring) -> None:
    save_token(CATALOG, "budi", "sangat-rahasia")
    text = secrets.names_file().read_text("utf-8")
    assert text == f"catalog:budi@{CATALOG}\n"
    assert "sangat-rahasia" not in text


def test_a_deleted_secret_leaves_the_names_file(vault: FileKeyring) -> None:
    save_token(CATALOG, "budi", "satu")
    save_token(CATALOG, "ani", "dua")
    secrets.delete_secret(secrets.catalog_token_name(CATALOG, "budi"))
    assert secrets.stored_names() == [f"catalog:ani@{CATALOG}"]
    assert list(vault.entries().values()) == ["dua"]

"""``keyring-self-test``: the round trip the Windows job runs from the frozen program.

Through the app's own secret code (desktop/core/secrets.py) on a real keyring backend
for tests (a JSON file that refuses, like Credential Manager, a blob over 2,560 bytes
when it plays Windows).
"""

from __future__ import annotations

import json

import keyring
import pytest
import test_secret_size
from keyring.backends import fail
from test_secret_size import FileKeyring

from desktop.cli import main
from desktop.cli.secrets import EXIT_TOO_LONG, TEST_ENTRY, sample_secret
from desktop.core import secrets

vault = test_secret_size.vault  # the same file keyring, standing in for the OS one


def test_a_2kb_secret_round_trips_where_the_keyring_takes_it(
        vault: FileKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keyring-self-test", "--length", "2048"]) == 0
    out = capsys.readouterr().out
    assert "2048 karakter disimpan, dibaca kembali dan dihapus" in out
    assert vault.entries() == {}  # the test entry is gone again


def test_on_windows_2kb_is_refused_before_storing_and_1280_fits(
        vault: FileKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(secrets, "this_platform", lambda: "win32")
    vault.blob_limit = secrets.WINDOWS_SECRET_BYTES
    assert main(["keyring-self-test", "--length", "2048", "--lang", "en"]) == EXIT_TOO_LONG
    err = capsys.readouterr().err
    assert "too long for the Windows Credential Manager" in err
    assert "1280" in err.replace(",", "").replace(".", "")
    assert vault.entries() == {}
    assert main(["keyring-self-test", "--length", "1280", "--lang", "en"]) == 0  # largest
    assert "1280 characters was stored, read back and deleted" in capsys.readouterr().out


def test_a_keyring_that_changes_the_secret_is_reported(
        vault: FileKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    original = vault.get_password
    monkeypatch.setattr(vault, "get_password",
                        lambda service, name: (original(service, name) or "")[:100])
    assert main(["keyring-self-test", "--length", "500"]) == 1
    assert "rahasia yang berbeda (100 dari 500 karakter)" in capsys.readouterr().err
    assert TEST_ENTRY not in json.dumps(vault.entries())


def test_no_keyring_is_said_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert main(["keyring-self-test"]) == 1
    finally:
        keyring.set_keyring(previous)
    assert "tidak tersedia" in capsys.readouterr().err


def test_the_test_secret_has_the_length_asked_and_non_ascii() -> None:
    value = sample_secret(2048)
    assert len(value) == 2048
    assert any(ord(c) > 127 for c in value)

"""``diskominfo-desk user ...`` against the real PostgreSQL: the first administrator made
with one command on an empty database, then people added, moved, reset, disabled; each
proven with psycopg (the login exists, holds the role, cannot log in)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from conftest import postgres_admin_url
from pg_logins import logins, plain_url, role_facts, unique_login, url_as
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.core.migrate import HEAD_REVISION


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema yet), dropped at the end."""
    admin = postgres_admin_url()
    assert admin is not None
    name = f"desk_user_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        with logins(url) as made:
            yield url, made  # type: ignore[misc]
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def test_the_first_admin_in_one_command_on_an_empty_database(
        empty_database: tuple[str, list[str]], tmp_path: Path) -> None:
    """The README's command, run as the installed program: the schema is created and the
    login made, the password read from standard input (never an argument)."""
    url, made = empty_database
    login = unique_login("admin")
    made.append(login)
    exe = Path(sys.executable).with_name("diskominfo-desk")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "desktop"]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_STATE_HOME": str(tmp_path / "s")}
    done = subprocess.run([*command, "user", "add", login, "--name", "Budi Santoso",
                           "--role", "admin", "--database", plain_url(url), "--password-stdin"],
                          input="sandi-admin-1\n", capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Pengguna {login} (Budi Santoso) ditambahkan dengan peran Administrator.")
    assert "sandi-admin-1" not in done.stdout + done.stderr
    assert role_facts(url, login) == (True, {f"desk_{r}" for r in (
        "admin", "sekretariat", "kerjasama", "infrastruktur", "pimpinan")})
    with psycopg.connect(plain_url(url)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert conn.execute("SELECT nama, aktif FROM pengguna WHERE login = %s",
                            (login,)).fetchone() == ("Budi Santoso", True)
    # the admin's own login opens the database
    psycopg.connect(plain_url(url_as(url, login, "sandi-admin-1"))).close()


@pytest.fixture
def made_logins(postgres_database: str) -> Iterator[list[str]]:
    with logins(postgres_database) as made:
        yield made


def test_role_reset_disable_enable_and_list(
        postgres_database: str, made_logins: list[str], capsys, monkeypatch) -> None:
    login = unique_login("sari")
    made_logins.append(login)
    db = ["--database", postgres_database]
    code, out, err = run(capsys, monkeypatch, "user", "add", login, "--name", "Sari",
                         "--role", "kerjasama", "--password-stdin", *db, stdin="sandi-sari-1\n")
    assert (code, err) == (0, "")
    assert role_facts(postgres_database, login) == (True, {"desk_kerjasama"})

    code, out, _ = run(capsys, monkeypatch, "user", "role", login, "pimpinan", *db)
    assert code == 0 and out.strip() == f"Peran {login} sekarang Pimpinan."
    assert role_facts(postgres_database, login) == (True, {"desk_pimpinan"})

    code, out, _ = run(capsys, monkeypatch, "user", "reset-password", login,
                       "--password-stdin", *db, stdin="sandi-baru-2\n")
    assert code == 0
    psycopg.connect(plain_url(url_as(postgres_database, login, "sandi-baru-2"))).close()

    code, out, _ = run(capsys, monkeypatch, "user", "disable", login, *db)
    assert code == 0 and "dinonaktifkan" in out
    assert role_facts(postgres_database, login)[0] is False
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(plain_url(url_as(postgres_database, login, "sandi-baru-2")))

    code, out, _ = run(capsys, monkeypatch, "user", "list", "--json", *db)
    listed = {p["login"]: p for p in json.loads(out)}
    assert listed[login] == {"login": login, "nama": "Sari", "peran": "pimpinan",
                             "aktif": False}

    code, out, _ = run(capsys, monkeypatch, "user", "enable", login, *db)
    assert code == 0
    assert role_facts(postgres_database, login)[0] is True
    code, out, _ = run(capsys, monkeypatch, "--lang", "en", "user", "list", *db)
    line = next(row for row in out.splitlines() if row.startswith(login))
    assert line.split()[1:] == ["Leadership", "active", "Sari"]


def test_bad_input_is_a_usage_error_and_asks_no_password(
        postgres_database: str, capsys, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or "x")
    code, _, err = run(capsys, monkeypatch, "user", "add", "Budi Besar", "--name", "Budi",
                       "--role", "admin", "--database", postgres_database)
    assert code == 2
    assert "Login hanya boleh berisi huruf kecil" in err
    assert asked == []
    code, _, err = run(capsys, monkeypatch, "user", "add", "budi", "--name", "Budi",
                       "--role", "lurah", "--database", postgres_database)
    assert code == 2 and "Peran tidak dikenal: lurah" in err
    code, _, err = run(capsys, monkeypatch, "user", "add", "budi", "--name", "Budi",
                       "--role", "admin", "--password-stdin", "--database",
                       postgres_database, stdin="pendek\n")
    assert code == 2 and "Sandi paling sedikit 8 karakter" in err
    with psycopg.connect(plain_url(postgres_database)) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'budi'").fetchone() is None


def test_two_different_passwords_at_the_terminal_change_nothing(
        postgres_database: str, capsys, monkeypatch) -> None:
    typed = iter(["sandi-satu-1", "sandi-dua-22"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    login = unique_login("dua")
    code, _, err = run(capsys, monkeypatch, "user", "add", login, "--name", "Dua",
                       "--role", "pimpinan", "--database", postgres_database)
    assert code == 1 and "Kedua sandi tidak sama" in err
    with psycopg.connect(plain_url(postgres_database)) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                            (login,)).fetchone() is None


def test_without_a_terminal_the_password_must_come_from_stdin(
        postgres_database: str, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run(capsys, monkeypatch, "user", "reset-password", "siapa",
                       "--database", postgres_database)
    assert code == 1 and "--password-stdin" in err


def test_sqlite_says_it_is_single_user(tmp_path: Path, capsys, monkeypatch) -> None:
    code, _, err = run(capsys, monkeypatch, "user", "list", "--database",
                       str(tmp_path / "desk.sqlite3"))
    assert code == 1
    assert "SQLite dipakai satu orang saja" in err

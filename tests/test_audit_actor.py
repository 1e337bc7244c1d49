"""An audit actor no one can forge: PostgreSQL stamps the session's login (migration 0008).

A person's claim is discarded; the shared owner login's claim (the name the workstation
was set up with, as offices used before people had roles) is kept in ``atas_nama``. The
history shows the person's name from ``pengguna``, else that claim, else the login.
SQLite is one user: it keeps what the application says.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from pg_logins import url_as
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.core.desk import Desk
from desktop.core.models import AuditLog

PASSWORD = "sandi-uji"


def connect(url: str, login: str | None = None) -> psycopg.Connection:
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                           user=login or parsed.username,
                           password=PASSWORD if login else parsed.password)


@pytest.fixture
def budi(pg_url: str) -> Iterator[str]:
    """A sekretariat person, known to the office as "Budi Santoso"."""
    login = f"t_{uuid.uuid4().hex[:8]}_budi"
    with connect(pg_url) as owner:
        owner.autocommit = True
        owner.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'{PASSWORD}\' '
                      "IN ROLE desk_sekretariat")
        owner.execute("INSERT INTO pengguna (login, nama, aktif, dibuat) "
                      "VALUES (%s, 'Budi Santoso', true, now())", (login,))
        try:
            yield login
        finally:
            owner.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = %s", (login,))
            owner.execute("DELETE FROM pengguna WHERE login = %s", (login,))
            owner.execute(f'DROP OWNED BY "{login}"')
            owner.execute(f'DROP ROLE "{login}"')


def stored(pg_url: str, record_id: str) -> list[tuple[str, str | None]]:
    with connect(pg_url) as owner:
        return owner.execute("SELECT pengguna, atas_nama FROM audit_log WHERE record_id = %s "
                             "ORDER BY id", (record_id,)).fetchall()


def forge(conn: psycopg.Connection, record_id: str, claimed: str) -> None:
    conn.execute("INSERT INTO audit_log (waktu, pengguna, atas_nama, jenis, record_id, aksi, "
                 "perubahan) VALUES (now(), %s, %s, 'datasets', %s, 'delete', '{}')",
                 (claimed, claimed, record_id))
    conn.commit()


def test_a_person_claiming_to_be_someone_else_is_recorded_as_themself(
        pg_url: str, budi: str) -> None:
    record_id = str(uuid.uuid4())
    with connect(pg_url, budi) as person:
        forge(person, record_id, "ani")
    assert stored(pg_url, record_id) == [(budi, None)]


def test_the_shared_owner_login_keeps_the_name_it_was_given(pg_url: str) -> None:
    record_id = str(uuid.uuid4())
    owner_login = make_url(pg_url).username
    with connect(pg_url) as owner:
        forge(owner, record_id, "ani")
    assert stored(pg_url, record_id) == [(owner_login, "ani")]


def test_nobody_but_the_owner_can_rewrite_the_stamped_actor(pg_url: str, budi: str) -> None:
    record_id = str(uuid.uuid4())
    with connect(pg_url, budi) as person:
        forge(person, record_id, "ani")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            person.execute("UPDATE audit_log SET pengguna = 'ani' WHERE record_id = %s",
                           (record_id,))
        person.rollback()
    assert stored(pg_url, record_id) == [(budi, None)]


def test_a_person_works_through_the_desk_and_history_names_them(
        pg_url: str, budi: str) -> None:
    """The application's normal path as a sekretariat person: open (no migration, no
    write), create, change, search, delete a dataset; the history shows their name."""
    with Desk.open(url_as(pg_url, budi), user="ani") as desk:
        opd = desk.opd.create({"kode": f"BUDI-{uuid.uuid4().hex[:6]}", "nama": "Dinas Budi",
                               "jenis": "dinas"})
        created = desk.datasets.create({"judul": "Data Penduduk Budi", "opd_id": opd["id"]})
        updated = desk.datasets.update(created["id"], {"judul": "Data Penduduk 2026"},
                                       expected_version=created["version"])
        assert [h.id for h in desk.search("penduduk 2026")] == [created["id"]]
        history = desk.datasets.history(created["id"])
        assert [(h["aksi"], h["pengguna"], h["login"]) for h in history] == [
            ("update", "Budi Santoso", budi), ("create", "Budi Santoso", budi)]
        desk.datasets.delete(created["id"], expected_version=updated["version"])
        assert desk.search("penduduk 2026") == []
    assert {row for row in stored(pg_url, created["id"])} == {(budi, None)}


def test_the_owner_desk_shows_the_workstations_user(pg_url: str) -> None:
    with Desk.open(pg_url, user="penguji") as desk:
        created = desk.opd.create({"kode": f"AKT-{uuid.uuid4().hex[:6]}", "nama": "Dinas Uji Aktor",
                                      "jenis": "dinas"})
        history = desk.opd.history(created["id"])
    assert [(h["pengguna"], h["login"]) for h in history] == [
        ("penguji", make_url(pg_url).username)]


def test_sqlite_keeps_the_name_the_application_gives(sqlite_desk: Desk) -> None:
    created = sqlite_desk.opd.create({"kode": "AKT-1", "nama": "Dinas Uji Aktor",
                                      "jenis": "dinas"})
    with sqlite_desk.db.read_session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.record_id == created["id"])).one()
    assert (row.pengguna, row.atas_nama) == ("penguji", None)
    assert [(h["pengguna"], h["login"]) for h in sqlite_desk.opd.history(created["id"])] == [
        ("penguji", "penguji")]

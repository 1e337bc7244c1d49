"""Live updates (issue 17): the database announces every committed change, and a
ChangeListener hears it on its own connection, also after the server dropped it.

The changes are made by plain SQL (psycopg, no application code: a trigger does the
announcing) and by another Desk; the listener's backend is terminated by the server to
prove it comes back. PostgreSQL only, apart from SQLite having no listener at all.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from agreement_samples import as_stored, pks

from desktop.core.desk import Desk
from desktop.core.live import (
    RESYNC,
    Change,
    ChangeListener,
    LoginNames,
    OwnSessions,
    libpq_url,
    parse_change,
    start_listener,
)


class Heard:
    """What a listener handed over, waited for with a deadline."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()

    def __call__(self, change: Change) -> None:
        self.changes.put(change)

    def next(self, timeout: float = 5.0) -> Change:
        return self.changes.get(timeout=timeout)

    def until(self, wanted, timeout: float = 5.0) -> Change:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while True:
            change = self.next(max(0.01, deadline - time.monotonic()))
            if wanted(change):
                return change

    def quiet_for(self, seconds: float) -> list[Change]:
        """Everything that arrives within ``seconds`` (the listener given time to hear)."""
        got: list[Change] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                got.append(self.changes.get(timeout=left))
            except queue.Empty:
                break
        return got


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def listener(desk: Desk, heard: Heard) -> Iterator[ChangeListener]:
    started = start_listener(desk.db, heard)
    assert started is not None
    assert started.wait_connected(10), "the listener never connected"
    yield started
    started.stop()


def plain_sql(desk: Desk) -> psycopg.Connection:
    """A connection of its own, as psql would have: no application code at all."""
    return psycopg.connect(libpq_url(desk.db.url), autocommit=False)


@pytest.mark.only_engine("sqlite")
def test_sqlite_has_no_listener(desk: Desk, heard: Heard) -> None:
    assert start_listener(desk.db, heard) is None


@pytest.mark.only_engine("postgresql")
def test_plain_sql_change_is_heard_only_once_committed(desk: Desk, heard: Heard,
                                                       listener: ChangeListener) -> None:
    opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})["id"]
    created = heard.until(lambda c: c.record_id == opd)
    assert (created.kind, created.op, created.table) == ("opd", "INSERT", "perangkat_daerah")
    with plain_sql(desk) as conn:
        login = conn.info.user
        conn.execute("UPDATE perangkat_daerah SET nama = 'Dinas X' WHERE id = %s", (opd,))
        assert heard.quiet_for(0.4) == [], "an uncommitted change was announced"
        conn.rollback()
        assert heard.quiet_for(0.4) == [], "a rolled-back change was announced"
        conn.execute("UPDATE perangkat_daerah SET nama = 'Dinas Kesehatan dan KB' "
                     "WHERE id = %s", (opd,))
        conn.commit()
    change = heard.next()
    assert (change.kind, change.record_id, change.op, change.login) == ("opd", opd, "UPDATE",
                                                                        login)
    assert change.at is not None and abs(time.time() - change.at.timestamp()) < 60


@pytest.mark.only_engine("postgresql")
def test_a_child_row_announces_its_record(desk: Desk, heard: Heard,
                                          listener: ChangeListener) -> None:
    visit = desk.visits.create({"arah": "masuk", "tanggal_mulai": "2026-11-02",
                                "instansi": "Diskominfo Kab. Sragen"})["id"]
    heard.until(lambda c: c.record_id == visit)
    with plain_sql(desk) as conn:
        conn.execute("INSERT INTO kunjungan_peserta (id, kunjungan_id, urutan, nama) "
                     "VALUES (%s, %s, 0, 'Budi')", (str(uuid.uuid4()), visit))
        conn.commit()
    change = heard.next()
    assert (change.kind, change.record_id, change.op, change.table) == (
        "visits", visit, "UPDATE", "kunjungan")
    with plain_sql(desk) as conn:
        conn.execute("DELETE FROM kunjungan WHERE id = %s", (visit,))  # children cascade
        conn.commit()
    gone = heard.quiet_for(0.5)
    assert [(c.record_id, c.op, c.table) for c in gone] == [(visit, "DELETE", "kunjungan")]


@pytest.mark.only_engine("postgresql")
def test_another_desk_saving_an_agreement_is_one_folded_change(
        desk: Desk, database_url: str, heard: Heard, listener: ChangeListener) -> None:
    """Its parties, articles, paragraphs and points (dozens of rows, two levels below the
    agreement) are folded by PostgreSQL into the agreement's own two notifications (its
    INSERT, and one UPDATE for all its rows)."""
    with Desk.open(database_url, user="lain") as other:
        saved = other.agreements.create(as_stored(pks()))
    got = heard.quiet_for(1.0)
    assert got, "the other workstation's save was not heard"
    assert {(c.kind, c.record_id) for c in got} == {("agreements", saved["id"])}
    assert {c.op for c in got} <= {"INSERT", "UPDATE"}
    rows = len(saved["pasal"]) + sum(len(p["ayat"]) for p in saved["pasal"])
    assert rows > 20 and len(got) == 2, (rows, got)


@pytest.mark.only_engine("postgresql")
def test_listener_reconnects_after_its_backend_is_terminated(
        desk: Desk, heard: Heard, listener: ChangeListener) -> None:
    first_pid = listener.backend_pid
    with plain_sql(desk) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (first_pid,))
        conn.commit()
    resync = heard.until(lambda c: c.op == RESYNC, timeout=10)
    assert resync.kind == "*" and resync.is_resync
    assert listener.wait_connected(10)
    assert listener.backend_pid != first_pid and listener.connections == 2
    opd = desk.opd.create({"kode": "2.01", "nama": "Dinas Pendidikan"})["id"]
    assert heard.until(lambda c: c.record_id == opd).op == "INSERT"


@pytest.mark.only_engine("postgresql")
def test_listener_keeps_trying_while_the_server_refuses(
        desk: Desk, heard: Heard) -> None:
    """An unreachable server: no exception escapes the thread, stop() still ends it."""
    bad = desk.db.url.rsplit("/", 1)[0] + f"/desk_missing_{uuid.uuid4().hex[:8]}"
    lost = ChangeListener(bad, heard, first_pause=0.05, max_pause=0.1).start()
    time.sleep(0.5)
    assert lost.running and not lost.connected.is_set()
    started = time.monotonic()
    lost.stop()
    assert not lost.running and time.monotonic() - started < 1.0


@pytest.mark.only_engine("postgresql")
def test_stop_returns_promptly(desk: Desk, heard: Heard) -> None:
    listener = start_listener(desk.db, heard)
    assert listener is not None and listener.wait_connected(10)
    started = time.monotonic()
    listener.stop()
    assert not listener.running and time.monotonic() - started < 1.0


@pytest.mark.only_engine("postgresql")
def test_a_receiver_that_fails_does_not_end_the_listening(desk: Desk) -> None:
    seen: list[Change] = []

    def fragile(change: Change) -> None:
        seen.append(change)
        if len(seen) == 1:
            raise RuntimeError("receiver broke")

    listener = start_listener(desk.db, fragile)
    assert listener is not None and listener.wait_connected(10)
    try:
        desk.opd.create({"kode": "3.01", "nama": "Satu"})
        desk.opd.create({"kode": "3.02", "nama": "Dua"})
        deadline = time.monotonic() + 5
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(seen) == 2 and listener.running
    finally:
        listener.stop()


@pytest.mark.only_engine("postgresql")
def test_names_of_logins_come_from_pengguna_else_the_login(desk: Desk) -> None:
    login = f"t_{uuid.uuid4().hex[:8]}_budi"
    names = LoginNames(desk.db)
    assert names.name_of(login) == login  # nobody by that login: the login itself
    names.forget()
    with plain_sql(desk) as conn:
        exists = conn.execute("SELECT to_regclass('pengguna') IS NOT NULL").fetchone()[0]
        if not exists:  # before migration 0008: the columns this reads are enough
            conn.execute("CREATE TABLE pengguna (login TEXT PRIMARY KEY, nama TEXT NOT NULL, "
                         "aktif BOOLEAN NOT NULL, dibuat TIMESTAMP)")
        conn.execute("INSERT INTO pengguna (login, nama, aktif, dibuat) "
                     "VALUES (%s, 'Budi Santoso', true, now())", (login,))
        conn.commit()
    try:
        assert names.name_of(login) == "Budi Santoso"
        assert names.name_of("") == ""
    finally:
        with plain_sql(desk) as conn:
            conn.execute("DROP TABLE pengguna" if not exists
                         else "DELETE FROM pengguna WHERE login = %s",
                         () if not exists else (login,))
            conn.commit()


def test_payloads_not_ours_are_ignored() -> None:
    assert parse_change("not json") is None
    assert parse_change('{"kind": "opd"}') is None
    change = parse_change('{"kind": "opd", "id": "x", "op": "DELETE", "login": "a", '
                          '"at": "2026-12-04T21:03:05.5+00:00", "table": "perangkat_daerah"}')
    assert change is not None and change.at is not None and change.at.minute == 3
    assert not parse_change('{"kind": "apps", "id": "y", "op": "UPDATE", "login": "a", '
                            '"table": "berkas"}').touches_fields  # type: ignore[union-attr]


def test_the_listener_module_never_imports_qt() -> None:
    source = Path(__file__).parents[1] / "desktop" / "core" / "live.py"
    assert "PySide6" not in source.read_text(encoding="utf-8")


def watch_while_saving(desk: Desk, *argv: str) -> int:
    """``diskominfo-desk watch ...`` while another workstation keeps saving OPDs."""
    from desktop.cli import main

    stop = threading.Event()

    def another_workstation() -> None:
        n = 0
        while not stop.wait(0.2):
            desk.opd.create({"kode": f"8.{uuid.uuid4().hex[:6]}", "nama": f"Unit {n}"})
            n += 1

    thread = threading.Thread(target=another_workstation)
    thread.start()
    try:
        return main(["watch", "--timeout", "20", *argv])
    finally:
        stop.set()
        thread.join()


@pytest.mark.only_engine("postgresql")
def test_cli_watch_prints_another_workstations_changes(
        desk: Desk, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert watch_while_saving(desk, "--json", "--count", "2", "--database", database_url) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    assert {(line["kind"], line["op"], line["table"]) for line in lines} == {
        ("opd", "INSERT", "perangkat_daerah")}
    for line in lines:
        assert desk.opd.get(line["id"])["nama"].startswith("Unit ")
    assert watch_while_saving(desk, "--count", "1", "--lang", "en",
                              "--database", database_url) == 0
    text = capsys.readouterr().out.strip()
    assert " added by " in text and len(text.splitlines()) == 1, text


@pytest.mark.only_engine("sqlite")
def test_cli_watch_on_sqlite_says_why_not(database_url: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    code = main(["watch", "--timeout", "1", "--database", database_url])
    assert code == 1
    assert "hanya ada pada basis data PostgreSQL" in capsys.readouterr().err


@pytest.mark.only_engine("postgresql")
def test_a_person_with_their_own_login_is_heard_by_that_login(
        desk: Desk, database_url: str, heard: Heard, listener: ChangeListener) -> None:
    """A kerjasama clerk's own login (role desk_kerjasama, no ownership of anything)
    adding, changing and removing a participant of a visit: three changes of the visit,
    each naming the clerk; the trigger's look-ups do not depend on their grants."""
    from pg_logins import logins, unique_login, url_as

    visit = desk.visits.create({"arah": "masuk", "tanggal_mulai": "2026-11-03",
                                "instansi": "Diskominfo Kab. Klaten"})["id"]
    heard.until(lambda c: c.record_id == visit)
    with plain_sql(desk) as admin:
        if admin.execute("SELECT to_regrole('desk_kerjasama')").fetchone()[0] is None:
            pytest.skip("the Desk roles (migration 0008) are not in this database")
    with logins(database_url) as made:
        clerk = unique_login("sari")
        made.append(clerk)
        with plain_sql(desk) as admin:
            admin.execute(f"CREATE ROLE {clerk} LOGIN PASSWORD 'sandi-uji' "
                          "IN ROLE desk_kerjasama")
            admin.commit()
        peserta = str(uuid.uuid4())
        with psycopg.connect(libpq_url(url_as(database_url, clerk)), autocommit=True) as conn:
            conn.execute("INSERT INTO kunjungan_peserta (id, kunjungan_id, urutan, nama) "
                         "VALUES (%s, %s, 0, 'Sari')", (peserta, visit))
            conn.execute("UPDATE kunjungan_peserta SET jabatan = 'Kasi' WHERE id = %s",
                         (peserta,))
            conn.execute("DELETE FROM kunjungan_peserta WHERE id = %s", (peserta,))
        got = [heard.next() for _ in range(3)]
    assert [(c.kind, c.record_id, c.op, c.login) for c in got] == [
        ("visits", visit, "UPDATE", clerk)] * 3


@pytest.mark.only_engine("postgresql")
def test_own_sessions_tell_this_desks_changes_from_another_desks(
        desk: Desk, database_url: str, heard: Heard, listener: ChangeListener) -> None:
    """The same login on both Desks: only the server process tells them apart."""
    own = OwnSessions(desk.db)
    try:
        mine = desk.opd.create({"kode": "6.01", "nama": "Milik sini"})["id"]
        with Desk.open(database_url, user="lain") as other:
            theirs = other.opd.create({"kode": "6.02", "nama": "Milik sana"})["id"]
        got = {c.record_id: c for c in (heard.until(lambda c: c.record_id == mine),
                                        heard.until(lambda c: c.record_id == theirs))}
        assert got[mine].login == got[theirs].login
        assert own.made(got[mine]) and not own.made(got[theirs])
    finally:
        own.close()
    assert not own.made(Change("opd", "x", "UPDATE", "a", pid=None))

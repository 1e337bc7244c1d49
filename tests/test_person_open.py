"""Opening a shared PostgreSQL database with a person's own login (issue 17).

A person (a ``desk_*`` role) reads and writes what their role allows, but never changes
the schema: a database behind this version of the application is refused with a
message naming who can bring it up to date, and is left as it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import psycopg
import pytest
from pg_logins import url_as
from sqlalchemy.engine import make_url

from desktop.core import reminders
from desktop.core.desk import Desk
from desktop.core.errors import DatabaseOpenError
from desktop.core.migrate import HEAD_REVISION

PASSWORD = "sandi-uji"


def owner_connection(url: str) -> psycopg.Connection:
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                           user=parsed.username, password=parsed.password, autocommit=True)


def _person(pg_url: str, role: str) -> Iterator[str]:
    login = f"t_{uuid.uuid4().hex[:8]}_{role}"
    with owner_connection(pg_url) as owner:
        owner.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'{PASSWORD}\' IN ROLE desk_{role}')
        try:
            yield login
        finally:
            owner.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = %s", (login,))
            owner.execute(f'DROP OWNED BY "{login}"')
            owner.execute(f'DROP ROLE "{login}"')


@pytest.fixture
def sekretariat(pg_url: str) -> Iterator[str]:
    yield from _person(pg_url, "sekretariat")


def test_a_person_never_migrates_an_older_database(pg_url: str, sekretariat: str) -> None:
    with owner_connection(pg_url) as owner:
        owner.execute("UPDATE alembic_version SET version_num = '0007'")
        try:
            with pytest.raises(DatabaseOpenError) as refused:
                Desk.open(url_as(pg_url, sekretariat))
            assert "pemilik" in str(refused.value) and HEAD_REVISION in str(refused.value)
            assert owner.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0007",)
        finally:
            owner.execute("UPDATE alembic_version SET version_num = %s", (HEAD_REVISION,))


@pytest.mark.parametrize("role", ["admin", "sekretariat", "kerjasama", "infrastruktur",
                                  "pimpinan"])
def test_every_role_opens_the_desk_and_reads_what_it_may(pg_url: str, role: str) -> None:
    """What the window does at start, as each role: open (revision check, regions), the
    office profile, reminders, Beranda figures; then the lists and search of its kinds."""
    from desktop.core import dashboard

    word = f"peran{uuid.uuid4().hex[:6]}"
    with Desk.open(pg_url) as owner:
        opd = owner.opd.create({"kode": word, "nama": f"Dinas {word}", "jenis": "dinas"})
        dataset = owner.datasets.create({"judul": f"Data {word}", "opd_id": opd["id"]})
    for login in _person(pg_url, role):
        with Desk.open(url_as(pg_url, login)) as desk:
            assert desk.access is not None and desk.access.role == role
            desk.office.get()
            reminders.collect(desk, date(2026, 12, 4))
            dashboard.compute(desk, date(2026, 12, 4))
            assert opd["id"] in [r["id"] for r in desk.opd.list().rows]
            if desk.access.can_read("datasets"):
                assert dataset["id"] in [r["id"] for r in desk.datasets.list().rows]
            found = {(hit.kind, hit.id) for hit in desk.search(word)}
            expected = {("opd", opd["id"])}
            if desk.access.can_read("datasets"):
                expected.add(("datasets", dataset["id"]))
            assert found == expected
            assert desk.regions("jawa")


def _payload(kind: str, word: str, refs: dict[str, str]) -> dict[str, object]:
    """The smallest valid record of a kind; ``refs`` are records made by the owner."""
    return {
        "opd": {"kode": f"{word}-b", "nama": f"Dinas {word}"},
        "apps": {"nama": f"Aplikasi {word}", "opd_pemilik_id": refs["opd"]},
        "datasets": {"judul": f"Data {word}", "opd_id": refs["opd"]},
        "visits": {"tanggal_mulai": "2026-12-01", "instansi": f"Pemkab {word}"},
        "agreements": {"judul": f"Kesepakatan {word}"},
        "deployments": {"aplikasi_id": refs["apps"], "tanggal": "2026-12-01"},
    }[kind]


@pytest.mark.parametrize("role", ["admin", "sekretariat", "kerjasama", "infrastruktur",
                                  "pimpinan"])
def test_every_role_changes_its_kinds_through_the_desk_and_is_refused_the_rest(
        pg_url: str, role: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The application's whole write path (record, owned rows, search entry, audit row,
    sync bookkeeping, a signed scan attached and removed) works with the person's own
    login for the kinds of their role; another kind is refused in words, nothing kept."""
    from desktop.core import attachments
    from desktop.core.errors import PermissionRefusedError
    from desktop.core.roles import ACCESS, KIND_NAMES

    word = f"tulis{uuid.uuid4().hex[:6]}"
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    with Desk.open(pg_url) as owner:
        opd = owner.opd.create({"kode": word, "nama": f"Dinas {word}"})["id"]
        app = owner.apps.create({"nama": f"Aplikasi {word}", "opd_pemilik_id": opd})["id"]
    refs = {"opd": opd, "apps": app}
    for login in _person(pg_url, role):
        with Desk.open(url_as(pg_url, login)) as desk:
            for kind in KIND_NAMES:
                service = desk.service(kind)
                if not ACCESS[role].can_write(kind):
                    with pytest.raises(PermissionRefusedError):
                        service.create(_payload(kind, word, refs))
                    continue
                made = service.create(_payload(kind, word, refs))
                changed = service.update(made["id"], {}, expected_version=made["version"])
                stored = attachments.add(desk, kind, made["id"], scan)
                assert [f.id for f in attachments.list_for(desk, kind, made["id"])] == [
                    stored.id]
                attachments.delete(desk, stored.id)
                service.delete(made["id"], expected_version=changed["version"])
                assert [h["login"] for h in service.history(made["id"])] == [login] * len(
                    service.history(made["id"]))
    with Desk.open(pg_url) as owner:
        # what the person made went with its delete, a refused create left nothing
        assert {hit.id for hit in owner.search(word)} == {opd, app}


def test_the_sekretariat_changes_an_application_that_infrastruktur_deployed(
        pg_url: str, sekretariat: str) -> None:
    """The deployment's search text names its application: the sekretariat may not touch
    deployments, so that step is left out and the rename itself goes through; deleting
    the application is refused while the deployment uses it (the count is all the
    sekretariat may read of deployments)."""
    from desktop.core.errors import DeskError

    word = f"terpasang{uuid.uuid4().hex[:6]}"
    with Desk.open(pg_url) as owner:
        opd = owner.opd.create({"kode": word, "nama": f"Dinas {word}"})["id"]
        app = owner.apps.create({"nama": f"Aplikasi {word}", "opd_pemilik_id": opd})
        deployment = owner.deployments.create({"aplikasi_id": app["id"],
                                               "tanggal": "2026-12-01"})
    with Desk.open(url_as(pg_url, sekretariat)) as desk:
        renamed = desk.apps.update(app["id"], {"nama": f"Aplikasi Baru {word}"},
                                   expected_version=app["version"])
        assert renamed["nama"] == f"Aplikasi Baru {word}"
        with pytest.raises(DeskError, match="masih dipakai oleh: 1 "):
            desk.apps.delete(app["id"], expected_version=renamed["version"])
    with Desk.open(pg_url) as owner:
        assert owner.apps.get(app["id"])["deleted_at"] is None
        assert owner.deployments.get(deployment["id"])["version"] == deployment["version"]
        assert [h["aksi"] for h in owner.apps.history(app["id"])] == ["update", "create"]


def test_regions_a_release_adds_wait_for_the_administrator(
        pg_url: str, sekretariat: str) -> None:
    """Only the administrator writes reference data: a person's workstation still opens
    when the release's region list has one the database lacks; the owner's next open
    adds it."""
    with owner_connection(pg_url) as owner:
        kode, nama = owner.execute("SELECT kode, nama FROM region WHERE kode NOT IN "
                                   "(SELECT kode_induk FROM region WHERE kode_induk IS NOT "
                                   "NULL) ORDER BY kode DESC LIMIT 1").fetchone()
        owner.execute("DELETE FROM region WHERE kode = %s", (kode,))
        try:
            with Desk.open(url_as(pg_url, sekretariat)) as desk:
                assert kode not in {r["kode"] for r in desk.regions()}
        finally:
            Desk.open(pg_url).close()
        assert owner.execute("SELECT nama FROM region WHERE kode = %s",
                             (kode,)).fetchone() == (nama,)


@pytest.mark.parametrize("role", ["admin", "pimpinan"])
def test_only_the_administrator_changes_the_office_profile(pg_url: str, role: str) -> None:
    from desktop.core.errors import PermissionRefusedError

    with Desk.open(pg_url) as owner:
        profile = owner.office.save({"nama": "Diskominfo Uji", "region_kode": "35.10"})
    for login in _person(pg_url, role):
        with Desk.open(url_as(pg_url, login)) as desk:
            change = {"nama": f"Diskominfo {role}"}
            if role == "admin":
                saved = desk.office.save(change, expected_version=profile["version"])
                assert saved["nama"] == f"Diskominfo {role}"
            else:
                with pytest.raises(PermissionRefusedError):
                    desk.office.save(change, expected_version=profile["version"])
            assert desk.office.get()["nama"] == (
                f"Diskominfo {role}" if role == "admin" else "Diskominfo Uji")

"""Berkas under the office's roles (PostgreSQL, migration 0008), through the core: a
Kerja Sama person attaches to an agreement but not to an application (a clear refusal,
nothing left), the Pimpinan reads but cannot delete, and who added a file is the login
the database knows, whatever the client claims."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_logins import logins, unique_login, url_as
from sqlalchemy import create_engine, func, select, text

from desktop.core import attachments
from desktop.core.desk import Desk
from desktop.core.errors import PermissionRefusedError
from desktop.core.models import Berkas, BerkasPotongan
from tests.test_attachments import tiny_pdf


@pytest.fixture
def people(postgres_database: str) -> Iterator[dict[str, str]]:
    """A Kerja Sama person and a Pimpinan: {role: login}, dropped at the end."""
    with logins(postgres_database) as made:
        engine = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for role in ("kerjasama", "pimpinan"):
                    login = unique_login(role)
                    made.append(login)
                    conn.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD 'sandi-uji' "
                                      f"IN ROLE desk_{role}"))
        finally:
            engine.dispose()
        yield {"kerjasama": made[0], "pimpinan": made[1]}


def _rows(desk: Desk) -> tuple[int, int]:
    with desk.db.read_session() as s:
        return (int(s.scalar(select(func.count()).select_from(Berkas)) or 0),
                int(s.scalar(select(func.count()).select_from(BerkasPotongan)) or 0))


def test_each_role_attaches_reads_and_deletes_only_what_it_may(
        postgres_database: str, people: dict[str, str], tmp_path: Path) -> None:
    scan = tiny_pdf(tmp_path / "PKS bertanda tangan.pdf")
    with Desk.open(postgres_database, user="admin-uji") as admin:
        opd = admin.opd.create({"kode": "8.01", "nama": "Dinas Kominfo", "jenis": "dinas"})
        pks = admin.agreements.create({"judul": "PKS Jaringan Intra Pemerintah"})["id"]
        app = admin.apps.create({"nama": "SIMPEG", "opd_pemilik_id": opd["id"]})["id"]
        attachments.add(admin, "apps", app, scan)  # a file this role may not see
        before = _rows(admin)

    with Desk.open(url_as(postgres_database, people["kerjasama"]),
                   user="orang lain") as desk:
        signed = attachments.add(desk, "agreements", pks, scan)
        assert signed.pengguna == people["kerjasama"]  # the login, not the claimed name
        with pytest.raises(PermissionRefusedError) as refused:
            attachments.add(desk, "opd", opd["id"], scan)  # read, never changed by this role
        assert refused.value.message == ("Peran Anda (Kerja Sama) tidak boleh mengubah "
                                         "Perangkat Daerah.")
        with pytest.raises(PermissionRefusedError) as refused:
            attachments.add(desk, "apps", app, scan)  # read for the visits' links, not changed
        assert refused.value.message == "Peran Anda (Kerja Sama) tidak boleh mengubah Aplikasi."
        assert attachments.list_for(desk, "apps", app) == []  # its rows are not shown
        assert attachments.counts(desk, "apps", [app]) == {}

    with Desk.open(url_as(postgres_database, people["pimpinan"])) as desk:
        assert attachments.read_bytes(desk, signed.id) == scan.read_bytes()
        assert attachments.counts(desk, "agreements", [pks]) == {pks: 1}
        with pytest.raises(PermissionRefusedError):
            attachments.delete(desk, signed.id)

    with Desk.open(postgres_database) as admin:
        assert _rows(admin) == (before[0] + 1, before[1] + 1)
        history = admin.agreements.history(pks)
        assert history[0]["aksi"] == "berkas+"
        assert history[0]["login"] == people["kerjasama"]

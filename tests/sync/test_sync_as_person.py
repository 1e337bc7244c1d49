"""The catalog sync run with a sekretariat person's own PostgreSQL login (issue 17).

The sync writes its own tables (runs, locks, links, watermarks), the datasets it pulls
with their search entries and audit rows: 0008 grants all of it to the roles with the
"sync" ability, and the audit rows name the person whatever the workstation says.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from ckan_server.fixtures import CatalogWorld
from conftest import _truncate
from sqlalchemy.engine import make_url

from desktop.core.desk import Desk
from desktop.sync.client import CatalogClient

from .engine_support import add_opd, full_dataset, make_engine

PASSWORD = "sandi-uji"


@pytest.fixture
def sekretariat_url(request: pytest.FixtureRequest) -> Iterator[str]:
    url = request.getfixturevalue("postgres_database")
    _truncate(url)
    parsed = make_url(url)
    login = f"t_{uuid.uuid4().hex[:8]}_sekr"
    with psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                         user=parsed.username, password=parsed.password,
                         autocommit=True) as owner:
        owner.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'{PASSWORD}\' '
                      "IN ROLE desk_sekretariat")
        try:
            yield parsed.set(username=login, password=PASSWORD).render_as_string(
                hide_password=False)
        finally:
            owner.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = %s", (login,))
            owner.execute(f'DROP OWNED BY "{login}"')
            owner.execute(f'DROP ROLE "{login}"')
            _truncate(url)  # the next test of this worker may count records


def test_a_sekretariat_person_pushes_and_pulls_datasets(
        request: pytest.FixtureRequest, sekretariat_url: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    owner_url = request.getfixturevalue("postgres_database")
    login = make_url(sekretariat_url).username
    with Desk.open(sekretariat_url, user="orang lain") as desk:
        opd_id = add_opd(desk)
        record_id = desk.datasets.create(full_dataset(opd_id))["id"]
        pushed = make_engine(desk, catalog_client).run()
        assert (pushed.pushed, pushed.errors, pushed.conflicts) == (1, 0, 0)
        desk.datasets.delete(record_id)  # gone here; the catalog still has it
        desk.datasets.restore(record_id)
        desk.datasets.update(record_id, {"satuan": "orang"},
                             expected_version=desk.datasets.get(record_id)["version"])
        again = make_engine(desk, catalog_client).run()
        assert (again.pushed, again.errors, again.conflicts) == (1, 0, 0)
        assert {h["login"] for h in desk.datasets.history(record_id)} == {login}
    packages = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert len(packages) == 1
    # another workstation of the office, empty: the person pulls the catalog's dataset
    _truncate(owner_url)
    with Desk.open(sekretariat_url) as desk:
        add_opd(desk)
        pulled = make_engine(desk, catalog_client).run()
        assert (pulled.pulled, pulled.errors) == (1, 0)
        assert desk.datasets.get(record_id)["satuan"] == "orang"
        assert [(h["aksi"], h["login"]) for h in desk.datasets.history(record_id)] == [
            ("create", login)]

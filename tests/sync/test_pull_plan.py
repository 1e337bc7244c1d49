"""Checking a slice ahead (``Puller.plan``, on the engine's thread) while the writer thread
writes the one before: a package of a slice still in flight is left to the writer, and
an OPD deleted between the check and the write is never pointed at (both engines)."""

from __future__ import annotations

from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import func, select

from desktop.core.desk import Desk
from desktop.core.models import Dataset
from desktop.sync.client import CatalogClient
from desktop.sync.orgmap import set_mapping
from desktop.sync.paging import iter_modified_pages
from desktop.sync.pull import Puller
from sync.engine_support import add_opd

URL = "http://katalog.contoh"


@pytest.fixture
def page(ckan_world: CatalogWorld, catalog_client: CatalogClient) -> list[dict[str, Any]]:
    ckan_world.server.seed_packages(6, org="diskominfo")
    return [p for batch in iter_modified_pages(catalog_client) for p in batch]


def _puller(desk: Desk, errors: list[Any]) -> Puller:
    return Puller(desk, URL, {}, lambda *error: errors.append(error))


def _mapped_opd(desk: Desk, page: list[dict[str, Any]]) -> str:
    opd_id = add_opd(desk)
    org = page[0]["organization"]
    with desk.db.session() as s:
        set_mapping(s, opd_id, org["id"], org["name"], manual=True)
    return opd_id


def test_a_package_of_a_slice_in_flight_is_left_to_the_writer(
        desk: Desk, page: list[dict[str, Any]]) -> None:
    _mapped_opd(desk, page)
    errors: list[Any] = []
    puller = _puller(desk, errors)
    in_flight = {page[0]["id"], page[1]["id"]}
    plan = puller.plan(page, in_flight)
    assert plan.ready_ids == {p["id"] for p in page[2:]}  # checked ahead: the rest
    assert puller.apply_planned(plan).pulled == 6  # the writer brings in all six, once
    with desk.db.read_session() as r:
        assert r.scalar(select(func.count()).select_from(Dataset)) == 6
    assert errors == []


def test_an_opd_deleted_between_the_check_and_the_write_is_never_pointed_at(
        desk: Desk, page: list[dict[str, Any]]) -> None:
    opd_id = _mapped_opd(desk, page)
    errors: list[Any] = []
    puller = _puller(desk, errors)
    plan = puller.plan(page, set())
    assert plan.ready_ids == {p["id"] for p in page}
    opd = desk.opd.get(opd_id)
    desk.opd.delete(opd_id, expected_version=opd["version"])  # a clerk, meanwhile
    outcome = puller.apply_planned(plan)
    with desk.db.read_session() as r:
        live = r.scalar(select(func.count()).select_from(Dataset).where(
            Dataset.opd_id == opd_id))
    assert live == 0 and outcome.pulled == 0
    assert len(errors) == 6  # each refused in words, as the usual path refuses it

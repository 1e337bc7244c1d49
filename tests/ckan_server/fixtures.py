"""Pytest fixtures for the test catalog; a conftest imports them by name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from .server import CkanTestServer


@dataclass(frozen=True)
class CatalogWorld:
    """A running catalog with the usual cast: an editor, an outsider, a sysadmin, two OPDs."""

    server: CkanTestServer
    editor_token: str
    outsider_token: str
    admin_token: str


def start_world(**options: object) -> tuple[CkanTestServer, CatalogWorld]:
    server = CkanTestServer(**options).start()
    editor = server.add_user("editor")
    outsider = server.add_user("outsider")
    admin = server.add_user("admin", sysadmin=True)
    server.add_organization("diskominfo", title="Dinas Komunikasi dan Informatika",
                            members={"editor": "editor"})
    server.add_organization("bappeda", title="Bappeda", members={"outsider": "member"})
    return server, CatalogWorld(server, editor, outsider, admin)


@pytest.fixture
def ckan_world() -> Iterator[CatalogWorld]:
    server, world = start_world()
    try:
        yield world
    finally:
        server.stop()


@pytest.fixture
def ckan_server(ckan_world: CatalogWorld) -> CkanTestServer:
    return ckan_world.server

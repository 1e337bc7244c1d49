""""Test connection" proves the token is the configured user's, and where they may write."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ckan_server.fixtures import CatalogWorld, start_world

from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.errors import (
    CatalogConfigError,
    CatalogIdentityError,
    CatalogTokenMissingError,
    CatalogUnreachableError,
)
from desktop.sync.probe import check_connection

MakeClient = Callable[..., CatalogClient]


def test_right_user_gets_version_plugins_and_writable_organizations(
        make_client: MakeClient) -> None:
    report = check_connection(make_client())
    assert report.ckan_version == "2.10.4" and not report.has_showcase
    assert [o.name for o in report.organizations] == ["diskominfo"]
    assert report.organizations[0].capacity == "editor"


def test_member_only_organizations_are_not_writable(make_client: MakeClient) -> None:
    report = check_connection(make_client("outsider", user_name="outsider"))
    assert report.organizations == ()


def test_token_of_another_user_is_refused(make_client: MakeClient) -> None:
    with pytest.raises(CatalogIdentityError, match="editor"):
        check_connection(make_client("outsider", user_name="editor"))


def test_invalid_token_is_refused_though_reads_would_work(make_client: MakeClient) -> None:
    client = make_client("not-a-real-token")
    assert client.status_show()
    with pytest.raises(CatalogIdentityError):
        check_connection(client)


def test_unknown_user_is_named(make_client: MakeClient) -> None:
    with pytest.raises(CatalogIdentityError, match="siapa"):
        check_connection(make_client(user_name="siapa"))


def test_missing_token_or_user_is_said_plainly(make_client: MakeClient) -> None:
    with pytest.raises(CatalogTokenMissingError):
        check_connection(make_client(None))
    with pytest.raises(CatalogConfigError):
        check_connection(make_client(user_name=""))


def test_showcase_plugin_is_reported() -> None:
    server, world = start_world(showcase=True, ckan_version="2.11.5")
    try:
        report = check_connection(CatalogClient(CatalogConfig(server.url, "admin"),
                                                world.admin_token))
        assert report.has_showcase and report.ckan_version == "2.11.5"
        assert {o.name for o in report.organizations} == {"diskominfo", "bappeda"}
    finally:
        server.stop()


def test_server_down_is_unreachable(ckan_world: CatalogWorld,
                                    make_client: MakeClient) -> None:
    ckan_world.server.drop_connection(times=10)
    with pytest.raises(CatalogUnreachableError):
        check_connection(make_client())

"""A create whose answer was lost is adopted on retry; a stranger's dataset never is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.sync.adopt import create_or_adopt
from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogValidationError
from desktop.sync.mapping import PackageTarget, dataset_to_package
from desktop.sync.naming import package_name

MakeClient = Callable[..., CatalogClient]
LOCAL_ID = "5b0e7d2a-1111-4222-8333-444455556666"


def ours(local_id: str = LOCAL_ID) -> dict[str, object]:
    record = {"judul": "Angka Kemiskinan", "frekuensi": "tahunan", "sifat_data": "terbuka"}
    target = PackageTarget(package_name(LOCAL_ID, "Angka Kemiskinan"), "diskominfo",
                           "Bappeda", private=False)
    return dataset_to_package(record, local_id, target)


def test_lost_answer_then_retry_adopts_the_dataset(make_client: MakeClient,
                                                   ckan_world: CatalogWorld) -> None:
    ckan_world.server.commit_then_drop(action="package_create")
    outcome = create_or_adopt(make_client(), ours(), LOCAL_ID)
    assert outcome.adopted and outcome.package["name"] == ours()["name"]
    assert ckan_world.server.count("package_create") == 2
    assert len(ckan_world.server.store.packages) == 1


def test_plain_create_is_not_an_adoption(make_client: MakeClient) -> None:
    outcome = create_or_adopt(make_client(), ours(), LOCAL_ID)
    assert not outcome.adopted and outcome.package["id"]


def test_a_strangers_dataset_under_the_name_is_left_alone(make_client: MakeClient) -> None:
    client = make_client()
    client.package_create(ours(local_id="someone-else"))
    with pytest.raises(CatalogValidationError) as caught:
        create_or_adopt(client, ours(), LOCAL_ID)
    assert caught.value.name_in_use

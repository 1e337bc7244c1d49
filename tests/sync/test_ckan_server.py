"""The test catalog behaves as CATALOG.md says real CKAN does, quirk by quirk.

These talk raw HTTP with ``requests`` (no client code), so a client test that passes
against this server passes for the right reasons.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests
from ckan_server import CkanTestServer
from ckan_server.fixtures import CatalogWorld, start_world


def call(server: CkanTestServer, action: str, data: dict[str, Any] | None = None, *,
         token: str | None = None, header: str = "Authorization",
         method: str = "POST") -> tuple[int, Any]:
    url = f"{server.url}/api/3/action/{action}"
    headers = {header: token} if token else {}
    if method == "GET":
        response = requests.get(url, params=data or {}, headers=headers, timeout=5)
    else:
        response = requests.post(url, json=data or {}, headers=headers, timeout=5)
    return response.status_code, response.json()


def new_dataset(name: str = "data-penduduk", **extra: Any) -> dict[str, Any]:
    return {"name": name, "title": "Data Penduduk", "owner_org": "diskominfo",
            "notes": "Jumlah penduduk per kecamatan", "license_id": "cc-by",
            "tags": [{"name": "kependudukan"}],
            "extras": [{"key": "frekuensi", "value": "tahunan"}],
            "resources": [{"url": "https://data.example.invalid/p.csv", "name": "Tabel",
                           "format": "csv"}], **extra}


def create(world: CatalogWorld, **extra: Any) -> dict[str, Any]:
    status, body = call(world.server, "package_create", new_dataset(**extra),
                        token=world.editor_token)
    assert status == 200, body
    return body["result"]


def test_success_comes_in_the_envelope(ckan_world: CatalogWorld) -> None:
    status, body = call(ckan_world.server, "status_show", method="GET")
    assert status == 200
    assert set(body) == {"help", "success", "result"} and body["success"] is True
    assert body["result"]["ckan_version"] == "2.10.4"
    assert "showcase" not in body["result"]["extensions"]


def test_unknown_action_and_bad_json_are_a_bare_string_400(ckan_world: CatalogWorld) -> None:
    status, body = call(ckan_world.server, "ckanext_showcase_list")
    assert status == 400 and isinstance(body, str) and "Action name not known" in body
    response = requests.post(f"{ckan_world.server.url}/api/3/action/package_show",
                             data=b"{not json", headers={"Content-Type": "application/json"},
                             timeout=5)
    assert response.status_code == 400 and isinstance(response.json(), str)


def test_create_returns_the_full_dataset_with_naive_utc_microsecond_stamps(
        ckan_world: CatalogWorld) -> None:
    package = create(ckan_world)
    assert package["organization"]["name"] == "diskominfo"
    assert package["resources"][0]["format"] == "CSV"
    assert package["extras"] == [{"key": "frekuensi", "value": "tahunan"}]
    stamp = package["metadata_modified"]
    assert len(stamp) == 26 and stamp[19] == "." and not stamp.endswith("Z")


@pytest.mark.parametrize(("name", "fragment"), [
    ("a", "at least 2 characters"),
    ("Data-Besar", "lowercase alphanumeric"),
    ("x" * 101, "maximum of 100"),
])
def test_bad_names_are_a_validation_error_without_message(
        ckan_world: CatalogWorld, name: str, fragment: str) -> None:
    status, body = call(ckan_world.server, "package_create", new_dataset(name),
                        token=ckan_world.editor_token)
    assert status == 409 and body["success"] is False
    error = body["error"]
    assert error["__type"] == "Validation Error" and "message" not in error
    assert any(fragment in m for m in error["name"])


def test_taken_name_says_url_already_in_use(ckan_world: CatalogWorld) -> None:
    create(ckan_world)
    status, body = call(ckan_world.server, "package_create", new_dataset(),
                        token=ckan_world.editor_token)
    assert status == 409 and body["error"]["name"] == ["That URL is already in use."]


def test_client_chosen_id_is_rejected_unless_sysadmin(ckan_world: CatalogWorld) -> None:
    wanted = "11111111-2222-3333-4444-555555555555"
    status, body = call(ckan_world.server, "package_create", new_dataset(id=wanted),
                        token=ckan_world.editor_token)
    assert status == 409 and body["error"]["id"] == ["The input field id was not expected."]
    status, body = call(ckan_world.server, "package_create", new_dataset(id=wanted),
                        token=ckan_world.admin_token)
    assert status == 200 and body["result"]["id"] == wanted


def test_nested_validation_errors_keep_one_dict_per_item(ckan_world: CatalogWorld) -> None:
    data = new_dataset(tags=[{"name": "ok"}, {"name": "x"}],
                       extras=[{"key": "title", "value": "clash"}])
    status, body = call(ckan_world.server, "package_create", data,
                        token=ckan_world.editor_token)
    assert status == 409
    assert body["error"]["tags"][0] == {} and "length" in body["error"]["tags"][1]["name"][0]
    assert body["error"]["extras"][0]["key"] == ["There is a schema field with the same name"]


def test_invalid_token_runs_as_anonymous_and_writes_get_403(ckan_world: CatalogWorld) -> None:
    status, _ = call(ckan_world.server, "status_show", token="not-a-token")
    assert status == 200
    status, body = call(ckan_world.server, "package_create", new_dataset(), token="not-a-token")
    assert status == 403
    assert body["error"]["__type"] == "Authorization Error"
    assert body["error"]["message"].startswith("Access denied: User  not authorized")


def test_writing_outside_ones_organizations_is_403(ckan_world: CatalogWorld) -> None:
    status, body = call(ckan_world.server, "package_create",
                        new_dataset(owner_org="bappeda"), token=ckan_world.editor_token)
    assert status == 403 and body["error"]["__type"] == "Authorization Error"


def test_only_the_configured_token_header_is_read() -> None:
    server, world = start_world(ckan_version="2.11.5", token_header="X-CKAN-API-Key")
    try:
        status, _ = call(server, "package_create", new_dataset(), token=world.editor_token)
        assert status == 403
        status, _ = call(server, "package_create", new_dataset(), token=world.editor_token,
                         header="X-CKAN-API-Key")
        assert status == 200
    finally:
        server.stop()


def test_package_update_is_a_full_replace_that_drops_resources(
        ckan_world: CatalogWorld) -> None:
    package = create(ckan_world)
    status, body = call(ckan_world.server, "package_update",
                        {"id": package["id"], "name": package["name"], "title": "Baru",
                         "owner_org": "diskominfo"}, token=ckan_world.editor_token)
    assert status == 200
    updated = body["result"]
    assert updated["title"] == "Baru"
    assert updated["resources"] == [] and updated["tags"] == [] and updated["notes"] == ""


def test_package_patch_merges_top_level_keys(ckan_world: CatalogWorld) -> None:
    package = create(ckan_world)
    status, body = call(ckan_world.server, "package_patch",
                        {"id": package["id"], "title": "Baru"}, token=ckan_world.editor_token)
    assert status == 200
    assert body["result"]["title"] == "Baru" and len(body["result"]["resources"]) == 1


def test_package_revise_applies_on_match_and_refuses_a_stale_one(
        ckan_world: CatalogWorld) -> None:
    package = create(ckan_world)
    match = {"id": package["id"], "metadata_modified": package["metadata_modified"]}
    status, body = call(ckan_world.server, "package_revise",
                        {"match": match, "update": {"title": "Revisi"}},
                        token=ckan_world.editor_token)
    assert status == 200
    revised = body["result"]["package"]
    assert revised["title"] == "Revisi" and len(revised["resources"]) == 1
    assert revised["metadata_modified"] > package["metadata_modified"]
    status, body = call(ckan_world.server, "package_revise",
                        {"match": match, "update": {"title": "Lagi"}},
                        token=ckan_world.editor_token)
    assert status == 409 and body["error"]["match"] == ["metadata_modified"]
    assert ckan_world.server.package(package["id"])["title"] == "Revisi"


def test_soft_delete_keeps_modified_and_leaves_search(ckan_world: CatalogWorld) -> None:
    package = create(ckan_world)
    status, body = call(ckan_world.server, "package_delete", {"id": package["id"]},
                        token=ckan_world.editor_token)
    assert status == 200 and body["result"] is None
    _, shown = call(ckan_world.server, "package_show", {"id": package["id"]},
                    token=ckan_world.editor_token)
    assert shown["result"]["state"] == "deleted"
    assert shown["result"]["metadata_modified"] == package["metadata_modified"]
    status, _ = call(ckan_world.server, "package_show", {"id": package["id"]})
    assert status == 403
    _, found = call(ckan_world.server, "package_search", {"q": "*:*"},
                    token=ckan_world.editor_token)
    assert found["result"]["count"] == 0
    _, names = call(ckan_world.server, "package_list")
    assert names["result"] == []


def test_recreating_a_deleted_name_makes_a_new_dataset(ckan_world: CatalogWorld) -> None:
    old = create(ckan_world)
    call(ckan_world.server, "package_delete", {"id": old["id"]}, token=ckan_world.editor_token)
    new = create(ckan_world)
    assert new["id"] != old["id"] and new["name"] == old["name"]
    assert ckan_world.server.package(old["id"])["name"] == old["id"]


def test_missing_dataset_is_404(ckan_world: CatalogWorld) -> None:
    status, body = call(ckan_world.server, "package_show", {"id": "tidak-ada"})
    assert status == 404 and body["error"]["__type"] == "Not Found Error"


def test_rows_are_silently_capped_at_1000(ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(1200, org="diskominfo")
    _, default = call(ckan_world.server, "package_search", {})
    assert len(default["result"]["results"]) == 10
    _, body = call(ckan_world.server, "package_search", {"rows": 5000}, method="GET")
    assert body["result"]["count"] == 1200 and len(body["result"]["results"]) == 1000


def test_modified_range_filter_works_at_index_precision(ckan_world: CatalogWorld) -> None:
    ids = ckan_world.server.seed_packages(5, org="diskominfo")
    third = ckan_world.server.package(ids[2])["metadata_modified"]
    fq = f"metadata_modified:[{third}Z TO *]"
    _, body = call(ckan_world.server, "package_search",
                   {"fq": fq, "sort": "metadata_modified asc, id asc", "rows": 100})
    stamps = [p["metadata_modified"][:23] for p in body["result"]["results"]]  # index: ms
    assert stamps == sorted(stamps) and all(s >= third[:23] for s in stamps)
    assert {p["id"] for p in body["result"]["results"]} >= set(ids[2:])


def test_bad_sort_is_a_search_query_error(ckan_world: CatalogWorld) -> None:
    status, body = call(ckan_world.server, "package_search", {"sort": "nonsense"})
    assert status == 400 and body["error"]["__type"] == "Search Query Error"


def test_private_datasets_only_for_members_who_ask(ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(3, org="diskominfo", private=True)
    _, anonymous = call(ckan_world.server, "package_search", {"include_private": True})
    _, member = call(ckan_world.server, "package_search", {"include_private": True},
                     token=ckan_world.editor_token)
    _, not_asked = call(ckan_world.server, "package_search", {}, token=ckan_world.editor_token)
    assert (anonymous["result"]["count"], member["result"]["count"],
            not_asked["result"]["count"]) == (0, 3, 0)


def test_organization_list_all_fields_is_capped_at_25(ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_organizations(40)
    _, names = call(ckan_world.server, "organization_list", {"limit": 100})
    _, full = call(ckan_world.server, "organization_list", {"all_fields": True, "limit": 100})
    _, rest = call(ckan_world.server, "organization_list",
                   {"all_fields": True, "limit": 25, "offset": 25})
    assert len(names["result"]) == 42 and len(full["result"]) == 25
    assert len(rest["result"]) == 17 and "package_count" in rest["result"][0]


def test_token_list_proves_whose_token_it_is(ckan_world: CatalogWorld) -> None:
    status, _ = call(ckan_world.server, "api_token_list", {"user": "editor"},
                     token=ckan_world.editor_token)
    assert status == 200
    status, _ = call(ckan_world.server, "api_token_list", {"user": "editor"},
                     token=ckan_world.outsider_token)
    assert status == 403
    status, _ = call(ckan_world.server, "api_token_list", {"user": "editor"}, token="bogus")
    assert status == 403


def test_organization_list_for_user_follows_capacity(ckan_world: CatalogWorld) -> None:
    def names(user: str, permission: str) -> list[str]:
        _, body = call(ckan_world.server, "organization_list_for_user",
                       {"id": user, "permission": permission}, token=ckan_world.admin_token)
        return [o["name"] for o in body["result"]]

    assert names("editor", "create_dataset") == ["diskominfo"]
    assert names("editor", "manage_group") == []
    assert names("outsider", "read") == ["bappeda"]
    assert names("outsider", "create_dataset") == []
    assert names("admin", "manage_group") == ["bappeda", "diskominfo"]


def test_showcase_actions_exist_only_with_the_plugin() -> None:
    server, world = start_world(showcase=True)
    try:
        _, status = call(server, "status_show")
        assert "showcase" in status["result"]["extensions"]
        code, body = call(server, "ckanext_showcase_create",
                          {"name": "aplikasi-x", "title": "Aplikasi X", "owner_org": "x",
                           "kategori": "dropped", "image_url": "https://x.invalid/a.png"},
                          token=world.admin_token)
        assert code == 200 and "kategori" not in body["result"]
        assert body["result"]["owner_org"] is None
        showcase_id = body["result"]["id"]
        code, body = call(server, "ckanext_showcase_update",
                          {"id": showcase_id, "name": "aplikasi-x", "title": "Y"},
                          token=world.admin_token)
        assert code == 409 and "image_url" in body["error"]
        code, _ = call(server, "ckanext_showcase_create", {"name": "lain"},
                       token=world.editor_token)
        assert code == 403
        code, _ = call(server, "ckanext_showcase_delete", {"name": "aplikasi-x"},
                       token=world.admin_token)
        assert code == 409
        code, _ = call(server, "ckanext_showcase_delete", {"id": showcase_id},
                       token=world.admin_token)
        assert code == 200 and server.store.showcases == {}
    finally:
        server.stop()


def test_showcase_package_list_stops_at_100() -> None:
    server, world = start_world(showcase=True)
    try:
        ids = server.seed_packages(120, org="diskominfo")
        _, body = call(server, "ckanext_showcase_create", {"name": "app"},
                       token=world.admin_token)
        showcase_id = body["result"]["id"]
        for package_id in ids:
            server.store.showcase_links.add((showcase_id, package_id))
        _, listed = call(server, "ckanext_showcase_package_list", {"showcase_id": showcase_id})
        assert len(listed["result"]) == 100
    finally:
        server.stop()


def test_faults_fail_the_next_requests_then_disarm(ckan_world: CatalogWorld) -> None:
    server = ckan_world.server
    server.fail(503, times=2, retry_after="7")
    first = requests.post(f"{server.url}/api/3/action/status_show", json={}, timeout=5)
    assert first.status_code == 503 and first.headers["Retry-After"] == "7"
    assert requests.post(f"{server.url}/api/3/action/status_show", json={},
                         timeout=5).status_code == 503
    assert call(server, "status_show")[0] == 200


def test_500_fault_uses_the_envelope_and_html_fault_a_page(ckan_world: CatalogWorld) -> None:
    server = ckan_world.server
    server.fail(500)
    status, body = call(server, "status_show")
    assert status == 500 and body["error"]["__type"] == "Internal Server Error"
    server.proxy_html(502)
    response = requests.post(f"{server.url}/api/3/action/status_show", json={}, timeout=5)
    assert response.status_code == 502 and "<html>" in response.text


def test_faults_scoped_to_an_action_leave_others_alone(ckan_world: CatalogWorld) -> None:
    server = ckan_world.server
    server.fail(500, action="package_create", times=5)
    assert call(server, "status_show")[0] == 200
    assert call(server, "package_create", new_dataset(), token=ckan_world.editor_token)[0] == 500


def test_dropped_connection_gives_no_answer(ckan_world: CatalogWorld) -> None:
    ckan_world.server.drop_connection()
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{ckan_world.server.url}/api/3/action/status_show", json={}, timeout=5)


def test_commit_then_drop_applies_the_write(ckan_world: CatalogWorld) -> None:
    ckan_world.server.commit_then_drop(action="package_create")
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{ckan_world.server.url}/api/3/action/package_create",
                      json=new_dataset(), headers={"Authorization": ckan_world.editor_token},
                      timeout=5)
    assert ckan_world.server.package("data-penduduk") is not None


def test_delay_fault_holds_the_answer(ckan_world: CatalogWorld) -> None:
    ckan_world.server.delay(0.3)
    started = time.monotonic()
    assert call(ckan_world.server, "status_show")[0] == 200
    assert time.monotonic() - started >= 0.3


def test_request_log_counts_round_trips_without_tokens(ckan_world: CatalogWorld) -> None:
    create(ckan_world)
    call(ckan_world.server, "status_show", token=ckan_world.editor_token,
         header="X-CKAN-API-Key")
    log = ckan_world.server.requests
    assert [r.action for r in log] == ["package_create", "status_show"]
    assert ckan_world.server.count("package_create") == 1
    for entry in log:
        assert ckan_world.editor_token not in repr(entry)
        assert not {"authorization", "x-ckan-api-key"} & {h.lower() for h in entry.headers}


def test_seeding_ten_thousand_datasets_is_quick_and_searchable(
        ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(10_000, org="diskominfo")
    _, body = call(ckan_world.server, "package_search", {"rows": 0})
    assert body["result"]["count"] == 10_000


@pytest.mark.parametrize("header", ["X-CKAN-API-Key", "Authorization"])
def test_before_2_11_either_token_header_works(ckan_world: CatalogWorld, header: str) -> None:
    status, _ = call(ckan_world.server, "package_create", new_dataset(),
                     token=ckan_world.editor_token, header=header)
    assert status == 200

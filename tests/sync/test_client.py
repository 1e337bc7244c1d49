"""The catalog client against the live test catalog: every error form, retries, tokens.

All over real HTTP on 127.0.0.1; only ``time.sleep`` is replaced (by a recorder) where a
test needs to see the waits the client chose without sitting through them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
import requests
from ckan_server.fixtures import CatalogWorld, start_world

from desktop.core.i18n import set_language
from desktop.sync.backoff import RetryPolicy, parse_retry_after
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig, normalize_base_url
from desktop.sync.envelope import read_result
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogBadRequestError,
    CatalogConfigError,
    CatalogMatchError,
    CatalogNotFoundError,
    CatalogPluginMissingError,
    CatalogProxyError,
    CatalogRedirectError,
    CatalogSearchError,
    CatalogServerError,
    CatalogThrottledError,
    CatalogTimeoutError,
    CatalogTokenMissingError,
    CatalogUnknownActionError,
    CatalogUnreachableError,
    CatalogValidationError,
)
from desktop.sync.token import TOKEN_ENV, TokenOrigin, forget_token, load_token, save_token

from .conftest import MemoryKeyring, SleepRecorder

MakeClient = Callable[..., CatalogClient]


def dataset(name: str = "data-penduduk", **extra: Any) -> dict[str, Any]:
    return {"name": name, "title": "Data Penduduk", "owner_org": "diskominfo",
            "resources": [{"url": "https://data.example.invalid/p.csv", "format": "CSV"}],
            **extra}


# -- every error form ---------------------------------------------------------------------
def test_validation_error_is_flattened_and_readable(make_client: MakeClient) -> None:
    client = make_client()
    client.package_create(dataset())
    with pytest.raises(CatalogValidationError) as caught:
        client.package_create(dataset())
    assert caught.value.name_in_use and caught.value.status == 409
    assert "That URL is already in use." in caught.value.message
    with pytest.raises(CatalogValidationError) as nested:
        client.package_create(dataset("lain", tags=[{"name": "ok"}, {"name": "x"}]))
    assert list(nested.value.errors) == ["tags[1].name"]


def test_stale_revise_is_a_match_error(make_client: MakeClient) -> None:
    client = make_client()
    created = client.package_create(dataset())
    revised = client.package_revise(created["id"], created["metadata_modified"],
                                    {"title": "Revisi"})
    assert revised["title"] == "Revisi" and len(revised["resources"]) == 1
    with pytest.raises(CatalogMatchError) as caught:
        client.package_revise(created["id"], created["metadata_modified"], {"title": "X"})
    assert caught.value.fields == ["metadata_modified"]
    assert "diubah orang lain" in caught.value.message


def test_wrong_token_write_is_an_authorization_error(make_client: MakeClient) -> None:
    with pytest.raises(CatalogAuthorizationError) as caught:
        make_client("bogus-token").package_create(dataset())
    assert caught.value.status == 403 and "not authorized" in caught.value.message


def test_missing_dataset_is_not_found(make_client: MakeClient) -> None:
    with pytest.raises(CatalogNotFoundError):
        make_client().package_show("tidak-ada")


def test_unknown_action_names_the_missing_plugin(make_client: MakeClient) -> None:
    with pytest.raises(CatalogUnknownActionError) as caught:
        make_client().call("ckanext_showcase_list")
    assert caught.value.status == 400 and "plugin" in caught.value.message


def test_bare_string_400_is_a_bad_request(ckan_world: CatalogWorld) -> None:
    response = requests.post(f"{ckan_world.server.url}/api/3/action/package_show",
                             data=b"{oops", headers={"Content-Type": "application/json"},
                             timeout=5)
    with pytest.raises(CatalogBadRequestError) as caught:
        read_result(response, "package_show")
    assert "JSON Error" in caught.value.message and not caught.value.retryable


def test_search_query_error(make_client: MakeClient) -> None:
    with pytest.raises(CatalogSearchError):
        make_client().package_search(sort="nonsense")


def test_proxy_html_page_is_named_as_such(make_client: MakeClient,
                                         ckan_world: CatalogWorld) -> None:
    ckan_world.server.proxy_html(200)
    with pytest.raises(CatalogProxyError) as caught:
        make_client().status_show()
    assert "halaman web" in caught.value.message and not caught.value.retryable
    ckan_world.server.proxy_html(502, times=10)
    with pytest.raises(CatalogProxyError) as gateway:
        make_client().status_show()
    assert gateway.value.retryable and "502 Bad Gateway" in gateway.value.message
    assert ckan_world.server.count() == 1 + 4


def test_messages_follow_the_language(make_client: MakeClient) -> None:
    set_language("en")
    try:
        with pytest.raises(CatalogNotFoundError) as caught:
            make_client().package_show("tidak-ada")
        assert caught.value.message.startswith("Not found in the catalog")
    finally:
        set_language("id")


# -- retries ------------------------------------------------------------------------------
@pytest.mark.parametrize("arm", [
    lambda s: s.fail(500, times=2),
    lambda s: s.fail(503, times=2),
    lambda s: s.fail(429, times=2),
    lambda s: s.proxy_html(504, times=2),
    lambda s: s.drop_connection(times=2),
])
def test_transient_failures_are_retried(make_client: MakeClient, ckan_world: CatalogWorld,
                                        arm: Callable[[Any], None]) -> None:
    sleep = SleepRecorder()
    arm(ckan_world.server)
    assert make_client(sleep=sleep).status_show()["ckan_version"]
    assert ckan_world.server.count("status_show") == 3
    assert sleep.waits == [0.001, 0.002]  # exponential backoff (jitter off in tests)


def test_retries_give_up_after_the_attempts(make_client: MakeClient,
                                            ckan_world: CatalogWorld) -> None:
    ckan_world.server.fail(500, times=10)
    with pytest.raises(CatalogServerError) as caught:
        make_client().status_show()
    assert caught.value.status == 500 and "coba lagi nanti" in caught.value.message
    assert ckan_world.server.count() == 4


def test_validation_errors_are_never_retried(make_client: MakeClient,
                                             ckan_world: CatalogWorld) -> None:
    client = make_client()
    with pytest.raises(CatalogValidationError):
        client.package_create(dataset("X"))
    assert ckan_world.server.count("package_create") == 1


def test_retry_after_is_honoured(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    sleep = SleepRecorder()
    ckan_world.server.fail(429, retry_after="3")
    make_client(sleep=sleep).status_show()
    assert sleep.waits == [3.0]


def test_a_retry_after_too_long_is_not_waited_out(make_client: MakeClient,
                                                  ckan_world: CatalogWorld) -> None:
    sleep = SleepRecorder()
    ckan_world.server.fail(503, retry_after="3600", times=5)
    with pytest.raises(CatalogServerError) as caught:
        make_client(sleep=sleep).status_show()
    assert sleep.waits == [] and caught.value.retry_after == 3600
    ckan_world.server.clear_faults()
    ckan_world.server.fail(429, retry_after="3600")
    with pytest.raises(CatalogThrottledError) as throttled:
        make_client(sleep=sleep).status_show()
    assert "3600 detik" in throttled.value.message


def test_retry_after_may_be_an_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30
    assert parse_retry_after("garbage", now) is None


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=5, jitter=False)
    assert [policy.delay(n) for n in range(5)] == [1, 2, 4, 5, 5]
    assert RetryPolicy(base_delay=1).delay(0, retry_after=9) == 9


def test_slow_server_times_out(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    ckan_world.server.delay(1.0, times=5)
    client = make_client(read_timeout=0.1, retry=RetryPolicy(attempts=1))
    with pytest.raises(CatalogTimeoutError):
        client.status_show()


def test_timeout_is_retried_like_a_lost_connection(make_client: MakeClient,
                                                   ckan_world: CatalogWorld) -> None:
    ckan_world.server.delay(1.0)
    assert make_client(read_timeout=0.2).status_show()
    assert ckan_world.server.count() == 2


def test_nothing_listening_is_unreachable() -> None:
    server, _ = start_world()
    url = server.url
    server.stop()
    client = CatalogClient(CatalogConfig(url, retry=RetryPolicy(attempts=2, base_delay=0)))
    with pytest.raises(CatalogUnreachableError) as caught:
        client.status_show()
    assert "periksa jaringan" in caught.value.message


def test_a_create_whose_answer_was_lost_is_found_by_its_name(
        make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    """The retry of a committed create meets "name in use": the engine then adopts it."""
    ckan_world.server.commit_then_drop(action="package_create")
    with pytest.raises(CatalogValidationError) as caught:
        make_client().package_create(dataset())
    assert caught.value.name_in_use
    assert ckan_world.server.count("package_create") == 2
    assert make_client().package_show("data-penduduk")["title"] == "Data Penduduk"


def test_writes_keep_a_polite_pace(make_client: MakeClient) -> None:
    sleep = SleepRecorder()
    client = make_client(sleep=sleep, write_interval=5.0)
    client.package_create(dataset("satu"))
    client.package_create(dataset("dua"))
    client.status_show()
    assert len(sleep.waits) == 1 and 4.0 < sleep.waits[0] <= 5.0


def test_writes_need_a_token(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    with pytest.raises(CatalogTokenMissingError):
        make_client(None).package_create(dataset())
    assert ckan_world.server.count() == 0


def test_package_update_refuses_a_dict_without_resources(make_client: MakeClient) -> None:
    with pytest.raises(ValueError, match="resources"):
        make_client().package_update({"id": "x", "name": "x"})


# -- tokens -------------------------------------------------------------------------------
def test_token_header_is_a_setting() -> None:
    server, world = start_world(ckan_version="2.11.5", token_header="X-CKAN-API-Key")
    try:
        config = CatalogConfig(server.url, "editor", token_header="X-CKAN-API-Key",
                               write_interval=0)
        assert CatalogClient(config, world.editor_token).package_create(dataset())["id"]
        default = CatalogClient(CatalogConfig(server.url, "editor", write_interval=0),
                                world.editor_token)
        with pytest.raises(CatalogAuthorizationError):
            default.package_create(dataset("lain"))
    finally:
        server.stop()


def test_token_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                    ckan_world: CatalogWorld,
                                    memory_keyring: MemoryKeyring) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)
    config = CatalogConfig(ckan_world.server.url, "editor")
    token = load_token(config.base_url, "editor")
    assert token is not None and token.origin is TokenOrigin.ENVIRONMENT
    assert ckan_world.editor_token not in repr(token)
    CatalogClient.from_keyring(config).api_token_list("editor")


def test_token_from_the_keyring(ckan_world: CatalogWorld,
                                memory_keyring: MemoryKeyring) -> None:
    config = CatalogConfig(ckan_world.server.url, "editor")
    assert save_token(config.base_url, "editor", ckan_world.editor_token) is True
    assert ckan_world.editor_token in memory_keyring.passwords.values()
    token = load_token(config.base_url, "editor")
    assert token is not None and token.origin is TokenOrigin.KEYRING
    assert CatalogClient.from_keyring(config).api_token_list("editor") is not None
    forget_token(config.base_url, "editor")
    assert load_token(config.base_url, "editor") is None


def test_without_a_keyring_the_token_stays_for_the_session_only(
        ckan_world: CatalogWorld, memory_keyring: MemoryKeyring) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    config = CatalogConfig(ckan_world.server.url, "editor")
    assert save_token(config.base_url, "editor", ckan_world.editor_token) is False
    assert load_token(config.base_url, "editor") is not None


def test_the_token_never_reaches_logs_errors_or_the_server_log(
        make_client: MakeClient, ckan_world: CatalogWorld,
        caplog: pytest.LogCaptureFixture) -> None:
    token = ckan_world.editor_token
    caplog.set_level(logging.DEBUG)
    client = make_client()
    ckan_world.server.fail(503, times=1)
    ckan_world.server.drop_connection(times=1)
    client.package_create(dataset())
    errors = []
    for bad in (lambda: client.package_create(dataset()),
                lambda: client.package_show("tidak-ada")):
        with pytest.raises(Exception) as caught:
            bad()
        errors.append(caught.value)
    assert "retry" in caplog.text  # the retries were logged...
    assert token not in caplog.text  # ...without the token
    assert all(token not in f"{e!r} {e} {vars(e)}" for e in errors)
    assert token not in repr(client)
    assert all(token not in repr(entry) for entry in ckan_world.server.requests)


# -- configuration ------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["http://data.contoh.go.id", "http://10.0.0.5:5000",
                                 "http://127.0.0.1.nip.io"])
def test_plain_http_is_refused_beyond_this_machine(url: str) -> None:
    with pytest.raises(CatalogConfigError, match="https://"):
        CatalogConfig(url)


@pytest.mark.parametrize(("url", "expected"), [
    ("http://localhost:5000/", "http://localhost:5000"),
    ("http://[::1]:5000", "http://[::1]:5000"),
    ("https://data.contoh.go.id/api/3/action/", "https://data.contoh.go.id"),
    ("https://portal.contoh.go.id/data/api/3", "https://portal.contoh.go.id/data"),
])
def test_allowed_urls_are_normalised(url: str, expected: str) -> None:
    assert normalize_base_url(url) == expected


@pytest.mark.parametrize("url", ["", "data.contoh.go.id", "ftp://x", "https://u:p@x.go.id"])
def test_unusable_urls_are_refused(url: str) -> None:
    with pytest.raises(CatalogConfigError):
        CatalogConfig(url)


def test_missing_ca_bundle_and_bad_header_are_refused(tmp_path: Any) -> None:
    with pytest.raises(CatalogConfigError, match="CA"):
        CatalogConfig("https://data.contoh.go.id", ca_bundle=str(tmp_path / "none.pem"))
    with pytest.raises(CatalogConfigError):
        CatalogConfig("https://data.contoh.go.id", token_header="Bad Header:")


def test_https_uses_the_os_trust_store() -> None:
    import truststore

    from desktop.sync.transport import TrustStoreAdapter, build_session

    session = build_session(None, "test")
    adapter = session.get_adapter("https://data.contoh.go.id")
    assert isinstance(adapter, TrustStoreAdapter)
    assert isinstance(adapter.poolmanager.connection_pool_kw["ssl_context"],
                      truststore.SSLContext)
    assert session.verify is True


# -- showcases ----------------------------------------------------------------------------
def test_showcase_calls_need_the_plugin(make_client: MakeClient,
                                        ckan_world: CatalogWorld) -> None:
    with pytest.raises(CatalogPluginMissingError):
        make_client().showcase_list()
    assert ckan_world.server.count() == 1  # status_show only


def test_showcase_round_trip_with_the_plugin() -> None:
    server, world = start_world(showcase=True)
    try:
        client = CatalogClient(CatalogConfig(server.url, "admin", write_interval=0),
                               world.admin_token)
        package = client.package_create(dataset())
        showcase = client.showcase_create({"name": "sipd", "title": "SIPD",
                                           "image_url": "", "extras": []})
        client.showcase_add_package(showcase["id"], package["id"])
        assert [p["id"] for p in client.showcase_packages(showcase["id"])] == [package["id"]]
        assert [s["name"] for s in client.package_showcases(package["id"])] == ["sipd"]
        with pytest.raises(ValueError):
            client.showcase_update({"id": showcase["id"], "name": "sipd"})
        client.showcase_delete(showcase["id"])
        assert client.showcase_list() == []
    finally:
        server.stop()


# -- TLS ----------------------------------------------------------------------------------
def test_a_private_ca_is_refused_until_its_file_is_configured(tmp_path: Any) -> None:
    pytest.importorskip("cryptography")
    from ckan_server import CkanTestServer
    from ckan_server.tls import make_certificates

    from desktop.sync.errors import CatalogTLSError

    files = make_certificates(tmp_path)
    with CkanTestServer(tls=(str(files.cert_file), str(files.key_file))) as server:
        assert server.url.startswith("https://")
        untrusted = CatalogClient(CatalogConfig(server.url))
        with pytest.raises(CatalogTLSError) as caught:
            untrusted.status_show()
        assert "sertifikat CA" in caught.value.message and not caught.value.retryable
        trusted = CatalogClient(CatalogConfig(server.url, ca_bundle=str(files.ca_file)))
        assert trusted.status_show()["ckan_version"]


# -- every envelope __type ----------------------------------------------------------------
@pytest.mark.parametrize(("error_type", "status", "expected", "retried"), [
    ("Validation Error", 409, CatalogValidationError, False),
    ("Not Found Error", 404, CatalogNotFoundError, False),
    ("Authorization Error", 403, CatalogAuthorizationError, False),
    ("Integrity Error", 400, CatalogBadRequestError, False),
    ("Search Query Error", 400, CatalogSearchError, False),
    ("Search Error", 409, CatalogSearchError, False),
    ("Search Index Error", 500, CatalogServerError, True),
    ("Internal Server Error", 500, CatalogServerError, True),
    ("Not Found Error", 200, CatalogNotFoundError, False),  # success decides, not status
])
def test_every_envelope_type_maps_to_its_error(
        make_client: MakeClient, ckan_world: CatalogWorld, error_type: str, status: int,
        expected: type[Exception], retried: bool) -> None:
    ckan_world.server.fail_with(error_type, status, "Pesan server", times=10)
    with pytest.raises(expected) as caught:
        make_client().package_show("x")
    assert caught.value.message and caught.value.status == status
    assert ckan_world.server.count() == (4 if retried else 1)


def test_ping_says_online_or_offline_at_once(make_client: MakeClient,
                                             ckan_world: CatalogWorld) -> None:
    client = make_client()
    assert client.ping() is True
    ckan_world.server.fail(503, times=5)
    assert client.ping() is False
    assert ckan_world.server.count() == 2


def test_redirects_are_not_followed_with_the_token(make_client: MakeClient,
                                                   ckan_world: CatalogWorld) -> None:
    ckan_world.server.redirect("https://elsewhere.invalid/api/3/action/status_show")
    with pytest.raises(CatalogRedirectError) as caught:
        make_client().status_show()
    assert "elsewhere.invalid" in caught.value.message
    assert ckan_world.server.count() == 1


@pytest.mark.parametrize("bad", ["abc\ndef", "abc def", "tökén"])
def test_a_garbled_token_is_refused_without_quoting_it(ckan_world: CatalogWorld,
                                                        bad: str) -> None:
    with pytest.raises(CatalogConfigError) as caught:
        CatalogClient(CatalogConfig(ckan_world.server.url), bad)
    assert bad not in str(caught.value) and "def" not in str(caught.value)


def test_surrounding_whitespace_of_a_pasted_token_is_trimmed(
        ckan_world: CatalogWorld) -> None:
    client = CatalogClient(CatalogConfig(ckan_world.server.url, "editor"),
                           f"  {ckan_world.editor_token}\n")
    assert client.api_token_list("editor")

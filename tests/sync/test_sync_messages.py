"""What a sync says (issue 21, item 9; errors of item 6): in the UI language, naming the
dataset, the catalog's own words quoted, the real waits, a wrong token stopped at once,
each record's failure counted once per run, and a failed ``--catalog`` not remembered.

Over real HTTP against the test catalog, the CLI through its real entry point; data
tests on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.sync.backoff import RetryPolicy, describe_wait
from desktop.sync.catalog_settings import load_catalog_settings, save_catalog_settings
from desktop.sync.client import CatalogClient
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogServerError,
    CatalogTimeoutError,
    CatalogTokenRejectedError,
)
from desktop.sync.runlog import recent_runs
from desktop.sync.token import TOKEN_ENV
from sync.conftest import SleepRecorder
from sync.engine_support import add_opd, full_dataset, make_engine

MakeClient = Callable[..., CatalogClient]


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


@pytest.fixture
def editor_env(monkeypatch: pytest.MonkeyPatch, ckan_world: CatalogWorld) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)


def _sync(desk: Desk, world: CatalogWorld, *extra: str, lang: str = "id") -> int:
    return main(["--database", desk.db.url, "--lang", lang, "sync", "--retries", "2",
                 "--catalog", world.server.url, "--user", "editor", *extra])


def _refused_pulls(desk: Desk, world: CatalogWorld, client: CatalogClient, count: int
                   ) -> list[str]:
    """``count`` catalog datasets this register refuses (their OPD was deleted here)."""
    gone = add_opd(desk)
    make_engine(desk, client).run()  # maps "diskominfo" to that OPD
    desk.opd.delete(gone)
    world.server.seed_packages(count, org="diskominfo")
    return [p["title"] for p in world.server.store.packages.values()]


# -- item 6: errors counted once per record, each naming the dataset ------------------------
def test_a_refused_pull_counts_once_per_run_within_the_overlap_window(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    titles = _refused_pulls(desk, ckan_world, catalog_client, 6)
    first = make_engine(desk, catalog_client, overlap=timedelta(minutes=5)).run()
    assert first.errors == 6
    # the next run asks for them again (failed pulls) and meets them again in the overlap
    again = make_engine(desk, catalog_client, overlap=timedelta(minutes=5)).run()
    assert again.errors == 6, again.error_messages
    assert sorted(m.split('"')[1] for m in again.error_messages) == sorted(titles)
    run = recent_runs(desk.db, 1)[0]
    assert run.errors == 6 and len(run.record_errors) == 6
    assert desk.datasets.ids() == []


def test_the_cli_reports_six_errors_for_six_refused_records(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    titles = _refused_pulls(desk, ckan_world, catalog_client, 6)
    assert _sync(desk, ckan_world) == 1
    assert _sync(desk, ckan_world) == 1  # within the CLI's five-minute overlap window
    out = capsys.readouterr().out.split("Sinkronisasi:")[-1]
    assert "6 galat" in out and "12 galat" not in out
    for title in titles:
        assert out.count(f'"{title}"') == 1


def test_a_push_refusal_names_the_dataset_and_quotes_the_catalog(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.sync import api

    opd_id = add_opd(desk)
    desk.datasets.create(full_dataset(opd_id))
    # mapped to an organization the portal has since removed
    api.set_org_mapping(desk, opd_id, "org-yang-dihapus", "org-yang-dihapus")
    assert _sync(desk, ckan_world) == 1
    out = capsys.readouterr().out
    assert ('  - Katalog menolak "Jumlah Penduduk Menurut Kecamatan": organisasi: organisasi '
            'tidak ada di katalog («Organization does not exist»)\n') in out
    assert _sync(desk, ckan_world, lang="en") == 1
    out = capsys.readouterr().out
    assert ('  - The catalog refused "Jumlah Penduduk Menurut Kecamatan": organization: '
            '«Organization does not exist»\n') in out
    assert "menolak" not in out and "galat" not in out


def test_a_delete_the_catalog_refuses_names_the_deleted_dataset(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    record = desk.datasets.create(full_dataset(add_opd(desk)))
    assert _sync(desk, ckan_world) == 0
    desk.datasets.delete(record["id"])
    ckan_world.server.fail_with("Authorization Error", 403,
                                "Access denied: User editor not authorized to delete package",
                                action="package_delete")
    assert _sync(desk, ckan_world) == 1
    out = capsys.readouterr().out
    assert ('  - Katalog menolak "Jumlah Penduduk Menurut Kecamatan": pengguna editor tidak '
            'berhak mengubah dataset ini atau organisasinya («Access denied: User editor not '
            'authorized to delete package»).\n') in out
    assert "1 galat" in out
    assert _sync(desk, ckan_world) == 0  # the delete goes through once allowed
    assert all(p["state"] == "deleted" for p in ckan_world.server.store.packages.values())


def test_catalog_import_names_a_dataset_it_skips_by_its_title(
        desk: Desk, ckan_world: CatalogWorld, capsys: pytest.CaptureFixture[str]) -> None:
    [package_id] = ckan_world.server.seed_packages(1, org="diskominfo")
    package = ckan_world.server.store.packages[package_id]  # a portal dataset with no org
    package.update(owner_org=None, organization=None, title="Data Tanpa Organisasi")
    assert main(["--database", desk.db.url, "catalog-import", ckan_world.server.url]) == 1
    out = capsys.readouterr().out
    assert "1 galat" in out
    assert '  - "Data Tanpa Organisasi": Dataset tanpa organisasi di portal; dilewati.' in out


def test_a_name_in_use_is_explained_and_quoted(make_client: MakeClient) -> None:
    from desktop.sync.errors import CatalogValidationError

    client = make_client()
    client.package_create({"name": "data-z", "title": "Z", "owner_org": "diskominfo"})
    with pytest.raises(CatalogValidationError) as caught:
        client.package_create({"name": "data-z", "title": "Z", "owner_org": "diskominfo"})
    assert caught.value.about("Data Z") == (
        'Katalog menolak "Data Z": alamat (nama) dataset: alamat dataset ini sudah dipakai '
        'dataset lain di katalog («That URL is already in use.»)')
    set_language("en")
    assert caught.value.about("Data Z") == (
        'The catalog refused "Data Z": dataset address (name): «That URL is already in use.»')


def test_a_wrong_token_stops_the_run_at_the_first_write(
        desk: Desk, ckan_world: CatalogWorld, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    opd_id = add_opd(desk)
    for i in range(5):
        desk.datasets.create(full_dataset(opd_id, judul=f"Dataset nomor {i}"))
    monkeypatch.setenv(TOKEN_ENV, "token-yang-salah-0123456789")
    assert _sync(desk, ckan_world) == 2
    captured = capsys.readouterr()
    assert ckan_world.server.count("package_create") == 1  # not one per dataset
    [line] = captured.err.strip().splitlines()
    assert line.startswith("diskominfo-desk: Katalog menolak token")
    assert "Pengaturan > Katalog" in line
    assert "«Access denied: User  not authorized to create packages»" in line  # as said
    assert captured.out == ""
    assert all(d["version"] == 1 for d in desk.datasets.rows(desk.datasets.ids()))
    assert recent_runs(desk.db, 1)[0].status == "failed"
    assert _sync(desk, ckan_world, lang="en") == 2
    err = capsys.readouterr().err
    assert err.startswith("diskominfo-desk: The catalog refused the token") and "menolak" not in err
    assert ckan_world.server.count("package_create") == 2


def test_a_token_of_another_user_is_refused_as_a_token_problem(
        make_client: MakeClient) -> None:
    with pytest.raises(CatalogTokenRejectedError) as caught:
        make_client("outsider", user_name="editor").package_create(
            {"name": "data-x", "title": "X", "owner_org": "diskominfo"})
    assert "outsider" in caught.value.message and "token" in caught.value.message


def test_a_user_without_rights_in_an_organization_is_told_so_in_indonesian(
        make_client: MakeClient) -> None:
    """The right token, the wrong organization: that dataset fails, the run goes on."""
    with pytest.raises(CatalogAuthorizationError) as caught:
        make_client("outsider", user_name="outsider").package_create(
            {"name": "data-x", "title": "X", "owner_org": "diskominfo"})
    assert not isinstance(caught.value, CatalogTokenRejectedError)
    message = caught.value.message
    assert message.startswith("Pengguna katalog outsider tidak berhak")
    assert ("«Access denied: User outsider not authorized to add dataset to this "
            "organization»") in message
    assert caught.value.about("Data X").startswith('Katalog menolak "Data X": pengguna outsider')


# -- item 9: retries and waits in the UI language, with the real wait ----------------------
def test_retry_lines_are_in_the_ui_language(desk: Desk, ckan_world: CatalogWorld,
                                            editor_env: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    ckan_world.server.fail(503, times=1, action="status_show")
    assert _sync(desk, ckan_world) == 0
    err = capsys.readouterr().err
    [line] = err.strip().splitlines()
    assert line.startswith("diskominfo-desk: Katalog belum bisa melayani (HTTP 503); "
                           "mencoba lagi dalam ")
    assert line.endswith("detik (percobaan 2 dari 2).") and "retry" not in err
    ckan_world.server.fail(503, times=1, action="status_show")
    assert _sync(desk, ckan_world, lang="en") == 0
    err = capsys.readouterr().err
    assert "The catalog cannot serve us yet (HTTP 503); trying again in " in err
    assert "seconds (attempt 2 of 2)." in err and "detik" not in err


def test_the_window_hears_each_retry_as_progress(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    """``run_sync`` with a progress callback (the Sinkronisasi page) gets the retry line."""
    from desktop.sync import api

    save_catalog_settings(desk.db, catalog_url=ckan_world.server.url, catalog_user="editor")
    seen: list[str] = []
    ckan_world.server.fail(503, times=1, action="status_show")
    summary = api.run_sync(desk, lambda _done, _total, message: seen.append(message),
                           client=catalog_client)
    assert summary.clean
    [line] = [m for m in seen if "mencoba lagi" in m]
    assert line.startswith("Katalog belum bisa melayani (HTTP 503); mencoba lagi dalam ")
    assert line.endswith("(percobaan 2 dari 4).")


@pytest.mark.parametrize(("header", "wait", "said"), [
    ("3", 3.0, "3 detik"), ("100", 100.0, "100 detik"), ("300", 300.0, "5 menit")])
def test_retry_after_is_honoured_and_the_wait_announced_is_the_real_one(
        make_client: MakeClient, ckan_world: CatalogWorld, header: str, wait: float,
        said: str) -> None:
    sleep = SleepRecorder()
    client = make_client(sleep=sleep, retry=RetryPolicy(attempts=3, base_delay=0.001,
                                                        max_retry_after=600, jitter=False))
    heard: list[str] = []
    client.on_retry = heard.append
    ckan_world.server.fail(503, retry_after=header, action="status_show")
    client.status_show()
    assert sleep.waits == [wait]
    assert heard == [f"Katalog belum bisa melayani (HTTP 503) dan meminta menunggu; mencoba "
                     f"lagi dalam {said} (percobaan 2 dari 3)."]


def test_a_wait_longer_than_we_sit_through_is_reported_as_asked(
        make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    sleep = SleepRecorder()
    ckan_world.server.fail(503, retry_after="300", action="status_show")
    with pytest.raises(CatalogServerError) as caught:
        make_client(sleep=sleep).status_show()
    assert sleep.waits == []
    assert "meminta menunggu 5 menit" in caught.value.message


def test_giving_up_says_how_long_it_tried_in_all(ckan_world: CatalogWorld) -> None:
    """Three timeouts of 0.3 s each over five minutes (the clock says so): the message
    says five minutes and three tries, not only the per-try limit."""
    from desktop.sync.config import CatalogConfig

    clock = iter([0.0, 301.0])
    client = CatalogClient(
        CatalogConfig(ckan_world.server.url, "editor", read_timeout=0.3, write_interval=0,
                      retry=RetryPolicy(attempts=3, base_delay=0.001, jitter=False)),
        ckan_world.editor_token, sleep=SleepRecorder(), monotonic=lambda: next(clock))
    ckan_world.server.delay(1.0, times=3, action="status_show")
    try:
        with pytest.raises(CatalogTimeoutError) as caught:
            client.status_show()
    finally:
        client.close()
    assert caught.value.message == ("Server katalog tidak menjawab dalam 0.3 detik. "
                                    "Sudah dicoba 3 kali selama 5 menit 1 detik.")


def test_waits_read_as_a_person_says_them() -> None:
    assert [describe_wait(s) for s in (0.25, 3, 45, 119.4, 120, 300, 150)] == [
        "0,2 detik", "3 detik", "45 detik", "119 detik", "2 menit", "5 menit",
        "2 menit 30 detik"]
    set_language("en")
    assert describe_wait(0.5) == "0.5 seconds" and describe_wait(300) == "5 minutes"


# -- item 9: the catalog's text quoted, the known ones explained ---------------------------
def test_catalog_text_is_quoted_inside_our_own_words(make_client: MakeClient,
                                                     ckan_world: CatalogWorld) -> None:
    from desktop.sync.errors import CatalogNotFoundError, CatalogValidationError

    client = make_client()
    with pytest.raises(CatalogNotFoundError) as missing:
        client.package_show("tidak-ada")
    assert missing.value.message == "Tidak ditemukan di katalog: «Not found»"
    with pytest.raises(CatalogValidationError) as refused:
        client.package_create({"owner_org": "diskominfo"})
    assert refused.value.message == ("Server katalog menolak data: alamat (nama) dataset: "
                                     "wajib diisi («Missing value»)")
    from desktop.sync.errors import CatalogProxyError

    ckan_world.server.proxy_html(200)
    with pytest.raises(CatalogProxyError) as page:
        client.status_show()
    assert "halaman web (HTTP 200: «502 Bad Gateway»)" in page.value.message


# -- item 9: a --catalog that did not work is not remembered ---------------------------------
def test_a_failed_catalog_address_is_not_remembered(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    save_catalog_settings(desk.db, catalog_url=ckan_world.server.url, catalog_user="editor")
    desk.datasets.create(full_dataset(add_opd(desk)))
    ckan_world.server.drop_connection(times=100)
    wrong = ckan_world.server.url + "/lama"
    assert main(["--database", desk.db.url, "sync", "--retries", "1", "--catalog", wrong,
                 "--user", "orang-lain"]) == 2
    assert capsys.readouterr().err.startswith("diskominfo-desk: ")
    settings = load_catalog_settings(desk.db)
    assert (settings.catalog_url, settings.catalog_user) == (ckan_world.server.url, "editor")
    ckan_world.server.clear_faults()
    assert main(["--database", desk.db.url, "sync", "--retries", "1"]) == 0  # the old one
    assert ckan_world.server.count("package_create") == 1


def test_a_catalog_address_is_remembered_after_a_run_that_worked(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    desk.datasets.create(full_dataset(add_opd(desk, "Dinas Tanpa Organisasi", "9.99")))
    assert main(["--database", desk.db.url, "sync", "--catalog", ckan_world.server.url,
                 "--user", "editor"]) == 1  # it ran: one record waits for a person
    assert "Dinas Tanpa Organisasi" in capsys.readouterr().out
    settings = load_catalog_settings(desk.db)
    assert (settings.catalog_url, settings.catalog_user) == (ckan_world.server.url, "editor")

"""Full-text search: the same answers on SQLite (FTS5) and PostgreSQL (tsvector).

Every test runs on both engines with the same expected hits, so passing on both is the
proof of parity.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.core.desk import Desk


@dataclass
class Corpus:
    ids: dict[str, tuple[str, str]]  # label -> (kind, id)

    def hits(self, *labels: str) -> set[tuple[str, str]]:
        return {self.ids[label] for label in labels}


def build_corpus(desk: Desk) -> Corpus:
    ids: dict[str, tuple[str, str]] = {}

    def add(label: str, kind: str, data: dict[str, object]) -> str:
        record_id = desk.service(kind).create(data)["id"]
        ids[label] = (kind, record_id)
        return record_id

    dinkes = add("opd_dinkes", "opd", {"kode": "35.10.01", "nama": "Dinas Kesehatan",
                                       "singkatan": "Dinkes"})
    add("opd_kominfo", "opd", {"kode": "35.10.02",
                               "nama": "Dinas Komunikasi dan Informatika Kabupaten KARANGANYAR",
                               "singkatan": "Diskominfo"})
    bappeda = add("opd_bappeda", "opd", {"kode": "33.74.01",
                                         "nama": "Badan Perencanaan Sémarang",
                                         "singkatan": "BAPPEDA"})
    simpus = add("app_simpus", "apps", {"nama": "SIMPUS Karang", "opd_pemilik_id": dinkes})
    add("app_portal", "apps", {"nama": "Portal Kota Bàndung", "opd_pemilik_id": bappeda,
                               "singkatan": "PKB"})
    add("ds_puskesmas", "datasets", {"judul": "Jumlah Puskesmas", "opd_id": dinkes,
                                     "tags": ["fasilitas"]})
    add("visit_semarang", "visits", {"tanggal_mulai": "2024-05-21",
                                     "instansi": "Pemerintah Kota Sémarang",
                                     "region_kode": "33.74", "peserta": [{"nama": "Ñoño Wibowo"}]})
    add("kb_satu_data", "agreements", {
        "judul": "Pengembangan Satu Data", "tanggal_ttd": "2024-08-01",
        "pihak": [{"nama_instansi": "Pemerintah Kabupaten Banyuwangi", "region_kode": "35.10"},
                  {"nama_instansi": "Pemkab Mitra", "region_kode": "33.13"}],
    })
    add("deploy_simpus", "deployments", {"aplikasi_id": simpus, "versi": "2.1.0",
                                         "tanggal": "2024-06-12",
                                         "domain": "simpus.karanganyarkab.go.id"})
    return Corpus(ids)


@pytest.fixture
def corpus(desk: Desk) -> Corpus:
    return build_corpus(desk)


def found(desk: Desk, query: str, kinds: list[str] | None = None) -> set[tuple[str, str]]:
    return {(h.kind, h.id) for h in desk.search(query, kinds)}


QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # prefix: "karang" finds Karang, Karanganyar (party region), karanganyarkab (domain)
    ("karang", ("opd_kominfo", "app_simpus", "kb_satu_data", "deploy_simpus")),
    ("KARANGANYAR", ("opd_kominfo", "kb_satu_data", "deploy_simpus")),
    ("Karanganyar", ("opd_kominfo", "kb_satu_data", "deploy_simpus")),
    # accents are folded on both sides
    ("semarang", ("opd_bappeda", "app_portal", "visit_semarang")),
    ("Sémarang", ("opd_bappeda", "app_portal", "visit_semarang")),
    ("SEMÄRANG", ("opd_bappeda", "app_portal", "visit_semarang")),
    ("bandung", ("app_portal",)),
    ("kota bàndung", ("app_portal",)),
    ("nono", ("visit_semarang",)),
    # every word must match, each as a prefix, in any order
    ("dinas kes", ("opd_dinkes", "app_simpus", "ds_puskesmas")),
    ("kes dinas", ("opd_dinkes", "app_simpus", "ds_puskesmas")),
    ("dinas", ("opd_dinkes", "opd_kominfo", "app_simpus", "ds_puskesmas")),
    ("dinas karanganyar", ("opd_kominfo",)),
    # codes: punctuation splits words, digits are words
    ("35.10", ("opd_dinkes", "opd_kominfo")),
    ("35.10.02", ("opd_kominfo",)),
    ("33.74", ("opd_bappeda",)),
    ("2.1.0", ("deploy_simpus",)),
    ("simpus", ("app_simpus", "deploy_simpus")),
    ("puskes", ("ds_puskesmas",)),
    ("fasilitas", ("ds_puskesmas",)),
    ("banyuwangi", ("kb_satu_data",)),
    ("kesepakatan bersama", ("kb_satu_data",)),
    # nothing to search for, or nothing found
    ("", ()),
    ("   ", ()),
    ("!!!", ()),
    ("*", ()),
    ('"', ()),
    ("zzz", ()),
    ("kesmas", ()),  # no infix matching
    ("dinas zzz", ()),
    ("karang OR zzz", ()),  # no query syntax leaks through
    ("NOT karang", ()),
    ("karang*", ("opd_kominfo", "app_simpus", "kb_satu_data", "deploy_simpus")),
]


def test_search_hits_for_every_query(desk: Desk, corpus: Corpus) -> None:
    """One corpus, many queries; a mismatch names the query and the labels on each side."""
    label_of = {hit: label for label, hit in corpus.ids.items()}
    wrong = {}
    for query, labels in QUERIES:
        got = sorted(label_of.get(hit, str(hit)) for hit in found(desk, query))
        if got != sorted(labels):
            wrong[query] = {"got": got, "expected": sorted(labels)}
    assert wrong == {}


def test_hits_carry_title_and_subtitle(desk: Desk, corpus: Corpus) -> None:
    hits = {h.id: h for h in desk.search("dinkes")}
    opd = hits[corpus.ids["opd_dinkes"][1]]
    app = hits[corpus.ids["app_simpus"][1]]
    assert (opd.kind, opd.title, opd.subtitle) == ("opd", "Dinas Kesehatan", "35.10.01 Dinkes")
    assert (app.kind, app.title, app.subtitle) == ("apps", "SIMPUS Karang", "Dinas Kesehatan")
    assert opd.as_json() == {"kind": "opd", "id": opd.id, "title": "Dinas Kesehatan",
                             "subtitle": "35.10.01 Dinkes"}


def test_hits_are_grouped_by_kind(desk: Desk, corpus: Corpus) -> None:
    kinds = [h.kind for h in desk.search("karang")]
    assert kinds == sorted(kinds)


def test_kinds_filter(desk: Desk, corpus: Corpus) -> None:
    assert found(desk, "karang", ["apps"]) == corpus.hits("app_simpus")
    assert found(desk, "karang", ["opd", "agreements"]) == corpus.hits("opd_kominfo",
                                                                       "kb_satu_data")
    assert found(desk, "karang", ["visits"]) == set()
    assert found(desk, "karang", []) == found(desk, "karang")


def test_limit(desk: Desk, corpus: Corpus) -> None:
    assert len(desk.search("karang", limit=2)) == 2
    assert {(h.kind, h.id) for h in desk.search("karang", limit=2)} <= found(desk, "karang")


def test_soft_deleted_records_disappear_from_search(desk: Desk, corpus: Corpus) -> None:
    deploy_id = corpus.ids["deploy_simpus"][1]
    kominfo_id = corpus.ids["opd_kominfo"][1]
    desk.deployments.delete(deploy_id)
    desk.opd.delete(kominfo_id)
    assert found(desk, "karang") == corpus.hits("app_simpus", "kb_satu_data")
    assert found(desk, "karanganyarkab") == set()


def test_changed_text_is_found_by_its_new_words_only(desk: Desk, corpus: Corpus) -> None:
    kind, ds_id = corpus.ids["ds_puskesmas"]
    desk.datasets.update(ds_id, {"judul": "Jumlah Posyandu"}, expected_version=1)
    assert found(desk, "posyandu") == {(kind, ds_id)}
    assert found(desk, "puskes") == set()


def test_owned_rows_are_searchable(desk: Desk, corpus: Corpus) -> None:
    kind, visit_id = corpus.ids["visit_semarang"]
    visit = desk.visits.get(visit_id)
    desk.visits.update(visit_id, {"peserta": [*visit["peserta"], {"nama": "Wiryawan"}]},
                       expected_version=1)
    assert found(desk, "wiryawan") == {(kind, visit_id)}


def test_renaming_an_opd_reindexes_its_apps_and_datasets(desk: Desk, corpus: Corpus) -> None:
    dinkes = corpus.ids["opd_dinkes"][1]
    desk.opd.update(dinkes, {"nama": "Dinas Kesehatan dan Keluarga Berencana"},
                    expected_version=1)
    assert found(desk, "keluarga berencana") == corpus.hits("opd_dinkes", "app_simpus",
                                                             "ds_puskesmas")
    subtitle = {h.id: h.subtitle for h in desk.search("simpus", ["apps"])}
    assert subtitle == {corpus.ids["app_simpus"][1]: "Dinas Kesehatan dan Keluarga Berencana"}


def test_renaming_an_opd_drops_its_old_name_from_its_apps(desk: Desk, corpus: Corpus) -> None:
    bappeda = corpus.ids["opd_bappeda"][1]
    desk.opd.update(bappeda, {"nama": "Badan Perencanaan Surakarta"}, expected_version=1)
    assert found(desk, "surakarta") == corpus.hits("opd_bappeda", "app_portal")
    assert found(desk, "semarang") == corpus.hits("visit_semarang")


def test_renaming_an_app_reindexes_its_deployments(desk: Desk, corpus: Corpus) -> None:
    simpus = corpus.ids["app_simpus"][1]
    desk.apps.update(simpus, {"nama": "ePuskesmas"}, expected_version=1)
    assert found(desk, "epuskesmas") == corpus.hits("app_simpus", "deploy_simpus")
    assert found(desk, "simpus") == corpus.hits("deploy_simpus")  # its domain still says so


def test_changing_an_opd_abbreviation_reindexes_its_apps(desk: Desk, corpus: Corpus) -> None:
    dinkes = corpus.ids["opd_dinkes"][1]
    desk.opd.update(dinkes, {"singkatan": "DKK"}, expected_version=1)
    assert found(desk, "dkk") == corpus.hits("opd_dinkes", "app_simpus", "ds_puskesmas")
    assert found(desk, "dinkes") == set()


def test_search_of_an_empty_database_finds_nothing(desk: Desk) -> None:
    assert desk.search("dinas") == []


@pytest.mark.parametrize("text", ["Dataset seed 12 Dinas Komunikasi", "ÜMBUL-ümbul Café 2025",
                                  "tab\tand  spaces", "", "Ωmega ﬁle ½", "a_b-c.d",
                                  "Jumlah_Penduduk 2024 (JIWA)"])
def test_fold_of_plain_ascii_folds_like_the_unicode_way(text: str) -> None:
    from desktop.core.search import _fold_unicode, fold

    assert fold(text) == _fold_unicode(text)
    assert fold(text.encode("ascii", "ignore").decode()) == _fold_unicode(
        text.encode("ascii", "ignore").decode())

"""A save's search entry reads the record as saved: a dataset moved to another OPD is
found under the new OPD's name (and subtitle), no longer under the old one; its new
resources and tags are searchable at once (``RecordService._index`` expires only the
many-to-one links, not the whole record)."""

from __future__ import annotations

from desktop.core.desk import Desk


def test_a_dataset_moved_to_another_opd_is_indexed_under_the_new_one(desk: Desk) -> None:
    old = desk.opd.create({"kode": "1.01", "nama": "Dinas Pendidikan"})
    new = desk.opd.create({"kode": "1.02", "nama": "Dinas Perhubungan", "singkatan": "Dishub"})
    record = desk.datasets.create({"judul": "Jumlah Sekolah", "opd_id": old["id"]})
    desk.datasets.update(record["id"], {"opd_id": new["id"], "tags": ["angkutan"]},
                         expected_version=record["version"])
    hits = {h.id: h.subtitle for h in desk.search("perhubungan", ["datasets"])}
    assert hits == {record["id"]: "Dinas Perhubungan"}
    assert [h.id for h in desk.search("dishub angkutan", ["datasets"])] == [record["id"]]
    assert desk.search("pendidikan", ["datasets"]) == []

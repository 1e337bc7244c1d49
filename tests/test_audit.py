"""The audit log: who changed what, field by field, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from desktop.core.desk import Desk
from desktop.core.errors import StaleRecordError, ValidationError

OS_USER_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


def make_opd(desk: Desk, **extra: Any) -> dict[str, Any]:
    return desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan", **extra})


def make_visit(desk: Desk, **extra: Any) -> dict[str, Any]:
    return desk.visits.create({
        "tanggal_mulai": "21/05/2024", "instansi": "Diskominfo Banyuwangi",
        "peserta": [{"nama": "Ani", "jabatan": "Kabid"}, {"nama": "Budi"}], **extra,
    })


def test_create_writes_one_entry_with_the_filled_fields(desk: Desk) -> None:
    opd = make_opd(desk, singkatan="Dinkes", kepala_nip="197001011990031001")
    history = desk.opd.history(opd["id"])
    assert len(history) == 1
    entry = history[0]
    assert (entry["aksi"], entry["pengguna"]) == ("create", "penguji")
    assert isinstance(entry["waktu"], datetime)
    assert entry["perubahan"] == {
        "kode": [None, "1.01"],
        "nama": [None, "Dinas Kesehatan"],
        "singkatan": [None, "Dinkes"],
        "jenis": [None, "dinas"],
        "kepala_nip": [None, "197001011990031001"],
    }


def test_create_entry_has_dates_as_iso_text_and_owned_rows(desk: Desk) -> None:
    visit = make_visit(desk, tanggal_selesai="23/05/2024", jumlah_peserta=0)
    (entry,) = desk.visits.history(visit["id"])
    assert entry["perubahan"] == {
        "arah": [None, "masuk"],
        "tanggal_mulai": [None, "2024-05-21"],
        "tanggal_selesai": [None, "2024-05-23"],
        "instansi": [None, "Diskominfo Banyuwangi"],
        "jumlah_peserta": [None, 0],
        "peserta": [None, [{"nama": "Ani", "jabatan": "Kabid", "instansi": None},
                           {"nama": "Budi", "jabatan": None, "instansi": None}]],
    }


def test_update_records_only_the_changed_fields_before_and_after(desk: Desk) -> None:
    visit = make_visit(desk, ketua_nama="Drs. Joko")
    desk.visits.update(visit["id"], {
        "tanggal_selesai": "2024-05-23", "ketua_nama": "Dra. Sri", "instansi":
        "Diskominfo Banyuwangi", "tanggal_mulai": "2024-05-21", "lokasi": None,
    }, expected_version=1)
    history = desk.visits.history(visit["id"])
    assert [h["aksi"] for h in history] == ["update", "create"]
    assert history[0]["perubahan"] == {
        "tanggal_selesai": [None, "2024-05-23"],
        "ketua_nama": ["Drs. Joko", "Dra. Sri"],
    }


def test_changed_date_is_recorded_as_iso_text(desk: Desk) -> None:
    visit = make_visit(desk)
    desk.visits.update(visit["id"], {"tanggal_mulai": "01/06/2024"}, expected_version=1)
    assert desk.visits.history(visit["id"])[0]["perubahan"] == {
        "tanggal_mulai": ["2024-05-21", "2024-06-01"]
    }


def test_owned_row_change_appears_with_the_rows_before_and_after(desk: Desk) -> None:
    visit = make_visit(desk)
    ani, budi = visit["peserta"]
    desk.visits.update(visit["id"], {"peserta": [budi, {**ani, "jabatan": "Kepala Bidang"}]},
                       expected_version=1)
    assert desk.visits.history(visit["id"])[0]["perubahan"] == {
        "peserta": [
            [{"nama": "Ani", "jabatan": "Kabid", "instansi": None},
             {"nama": "Budi", "jabatan": None, "instansi": None}],
            [{"nama": "Budi", "jabatan": None, "instansi": None},
             {"nama": "Ani", "jabatan": "Kepala Bidang", "instansi": None}],
        ]
    }


def test_linked_records_change_appears(desk: Desk) -> None:
    kb = desk.agreements.create({"judul": "KB SPBE"})["id"]
    visit = make_visit(desk)
    desk.visits.update(visit["id"], {"kerjasama_ids": [kb]}, expected_version=1)
    assert desk.visits.history(visit["id"])[0]["perubahan"] == {"kerjasama_ids": [[], [kb]]}


def test_delete_writes_a_delete_entry(desk: Desk) -> None:
    opd = make_opd(desk)
    desk.opd.delete(opd["id"])
    history = desk.opd.history(opd["id"])
    assert [h["aksi"] for h in history] == ["delete", "create"]
    changes = history[0]["perubahan"]
    assert list(changes) == ["deleted_at"]
    before, after = changes["deleted_at"]
    assert before is None
    assert datetime.fromisoformat(after) == desk.opd.get(opd["id"], include_deleted=True)[
        "deleted_at"].replace(microsecond=0)


def test_history_is_newest_first_and_per_record(desk: Desk) -> None:
    opd = make_opd(desk)
    other = desk.opd.create({"kode": "1.02", "nama": "Dinas Pendidikan"})
    desk.opd.update(opd["id"], {"singkatan": "A"}, expected_version=1)
    desk.opd.update(opd["id"], {"singkatan": "B"}, expected_version=2)
    desk.opd.delete(opd["id"])
    history = desk.opd.history(opd["id"])
    assert [h["aksi"] for h in history] == ["delete", "update", "update", "create"]
    assert [h["perubahan"].get("singkatan") for h in history[1:3]] == [["A", "B"], [None, "A"]]
    assert [h["aksi"] for h in desk.opd.history(other["id"])] == ["create"]
    assert desk.apps.history(opd["id"]) == []


def test_no_op_update_writes_no_entry(desk: Desk) -> None:
    visit = make_visit(desk)
    desk.visits.update(visit["id"], desk.visits.get(visit["id"]), expected_version=1)
    desk.visits.update(visit["id"], {"instansi": " Diskominfo Banyuwangi "}, expected_version=1)
    assert [h["aksi"] for h in desk.visits.history(visit["id"])] == ["create"]


def test_refused_or_stale_saves_write_no_entry(desk: Desk) -> None:
    opd = make_opd(desk)
    with pytest.raises(ValidationError):
        desk.opd.update(opd["id"], {"nama": ""}, expected_version=1)
    desk.opd.update(opd["id"], {"singkatan": "Dinkes"}, expected_version=1)
    with pytest.raises(StaleRecordError):
        desk.opd.update(opd["id"], {"singkatan": "Lain"}, expected_version=1)
    assert [h["aksi"] for h in desk.opd.history(opd["id"])] == ["update", "create"]


# --------------------------------------------------------------------------- who acted
@pytest.fixture
def no_configured_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> pytest.MonkeyPatch:
    """No user given, none in the environment, none in the (empty) settings file."""
    monkeypatch.delenv("DISKOMINFO_DESK_USER", raising=False)
    monkeypatch.setenv("DISKOMINFO_DESK_CONFIG", str(tmp_path / "tidak-ada.ini"))
    return monkeypatch


def actor_of_a_new_record(database_url: str, user: str | None = None) -> str:
    desk = Desk.open(database_url, user=user)
    try:
        opd = make_opd(desk)
        return desk.opd.history(opd["id"])[0]["pengguna"]
    finally:
        desk.close()


def test_actor_is_the_desk_user(database_url: str, no_configured_user: pytest.MonkeyPatch
                                ) -> None:
    no_configured_user.setenv("DISKOMINFO_DESK_USER", "dari_env")
    assert actor_of_a_new_record(database_url, user="  operator1  ") == "operator1"


def test_actor_falls_back_to_the_environment_variable(
    database_url: str, no_configured_user: pytest.MonkeyPatch
) -> None:
    no_configured_user.setenv("DISKOMINFO_DESK_USER", "dari_env")
    for name in OS_USER_VARIABLES:
        no_configured_user.setenv(name, "akun_os")
    assert actor_of_a_new_record(database_url) == "dari_env"


def test_actor_falls_back_to_the_os_account(database_url: str,
                                            no_configured_user: pytest.MonkeyPatch) -> None:
    for name in OS_USER_VARIABLES:
        no_configured_user.setenv(name, "akun_os")
    assert actor_of_a_new_record(database_url, user="   ") == "akun_os"


def test_actor_name_is_cut_to_the_column_width(database_url: str) -> None:
    assert actor_of_a_new_record(database_url, user="x" * 300) == "x" * 120


def test_every_action_names_its_actor(desk: Desk, database_url: str) -> None:
    opd = make_opd(desk)
    other = Desk.open(database_url, user="lain")
    try:
        other.opd.update(opd["id"], {"singkatan": "Dinkes"}, expected_version=1)
        other.opd.delete(opd["id"])
    finally:
        other.close()
    assert [(h["aksi"], h["pengguna"]) for h in desk.opd.history(opd["id"])] == [
        ("delete", "lain"), ("update", "lain"), ("create", "penguji")
    ]

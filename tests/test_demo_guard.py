"""Loading the demo never replaces an office profile nor mixes with records silently
(issue 16: "loading the demo replaced an office profile without asking"). The core
refuses; the CLI says so in one line with exit 2 unless given ``--force``."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.core.demo import DemoRefused, demo_target, load_demo
from desktop.core.desk import Desk
from desktop.core.errors import DeskError

OUR_OFFICE = {"region_kode": "33.13", "nama": "Diskominfo Kabupaten Karanganyar"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_office_profile_is_kept_unless_replacing_it_is_asked_for(desk: Desk) -> None:
    desk.office.save(OUR_OFFICE)
    target = demo_target(desk)
    assert (target.office, target.records, target.empty) == (OUR_OFFICE["nama"], 0, False)
    with pytest.raises(DemoRefused, match="Karanganyar"):
        load_demo(desk)
    assert desk.office.get()["nama"] == OUR_OFFICE["nama"]  # type: ignore[index]
    assert desk.opd.count() == 0  # nothing written
    load_demo(desk, replace_office=True)
    assert "Banyuwangi" in desk.office.get()["nama"]  # type: ignore[index]
    assert desk.opd.count() == 25


def test_records_refuse_the_demo_even_when_replacing_is_allowed(desk: Desk) -> None:
    desk.opd.create({"kode": "9.99.01", "nama": "Dinas Uji", "singkatan": "Uji",
                     "jenis": "dinas"})
    assert demo_target(desk).records == 1
    with pytest.raises(DeskError, match="sudah berisi data"):
        load_demo(desk, replace_office=True)
    assert desk.opd.count() == 1
    assert desk.office.get() is None


def test_cli_demo_refuses_an_office_profile_without_force(database_url: str, capsys) -> None:
    desk = Desk.open(database_url)
    desk.office.save(OUR_OFFICE)
    desk.close()
    code, out, err = run(capsys, "--database", database_url, "demo")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("diskominfo-desk: ")
    assert "profil kantor “Diskominfo Kabupaten Karanganyar”" in err and "--force" in err
    desk = Desk.open(database_url)
    try:
        assert desk.office.get()["nama"] == OUR_OFFICE["nama"]  # type: ignore[index]
        assert desk.opd.count() == 0
    finally:
        desk.close()

    code, out, err = run(capsys, "--database", database_url, "demo", "--force")
    assert code == 0, err
    assert "25 OPD" in out
    desk = Desk.open(database_url)
    try:
        assert "Banyuwangi" in desk.office.get()["nama"]  # type: ignore[index]
    finally:
        desk.close()


def test_cli_demo_twice_is_one_line_and_exit_2_even_with_force(database_url: str,
                                                               capsys) -> None:
    assert run(capsys, "--database", database_url, "demo")[0] == 0
    for extra in ([], ["--force"]):
        code, out, err = run(capsys, "--database", database_url, "demo", *extra)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and "basis data kosong" in err


def test_cli_demo_refusal_in_english(database_url: str, capsys) -> None:
    desk = Desk.open(database_url)
    desk.office.save(OUR_OFFICE)
    desk.close()
    code, _out, err = run(capsys, "--lang", "en", "--database", database_url, "demo")
    assert code == 2
    assert ("The database already holds the office profile “Diskominfo Kabupaten "
            "Karanganyar”; the demo data would replace it. Add --force") in err

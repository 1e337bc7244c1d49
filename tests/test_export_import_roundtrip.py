"""Export -> import keeps every record: the full export carries every importable field.

The probe exported the dataset list and imported it into a new database: 118 of 120 came
back, the two exempted datasets refused for want of their grounds (the list has no
column for them). ``export --full`` writes every importable field, so every record of
every importable kind of the demo comes back, field for field, through the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.importing.mapping import IMPORT_KINDS, importable_fields
from desktop.core.kinds import KINDS
from desktop.core.services import ListQuery

ORDER = ("opd", "apps", "datasets", "visits", "deployments")  # references first


def _empty_database(database_url: str, tmp_path: Path) -> str:
    if not database_url.startswith("postgresql"):
        return str(tmp_path / "tujuan.sqlite3")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "roundtrip_" + tmp_path.name.replace("-", "_")[-40:].lower()
    url = make_url(database_url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _records(desk: Desk, kind: str) -> list[dict[str, Any]]:
    """Every importable field of every live record, references by their target's title."""
    service = desk.service(kind)
    fields = importable_fields(KINDS[kind])
    out = []
    for record_id in service.ids(ListQuery()):
        record = service.get(record_id)
        row = {}
        for fld in fields:
            value = record.get(fld.name)
            if fld.ref:
                value = desk.service(fld.ref).title(value) if value else None
            row[fld.name] = value
        out.append(row)
    return sorted(out, key=repr)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_record_of_the_demo_survives_a_full_export_and_import(
        demo_desk: Desk, demo_url: str, tmp_path: Path, suffix: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    desk, database_url = demo_desk, demo_url  # the demo, loaded once per session
    assert set(ORDER) == set(IMPORT_KINDS)
    exempt = desk.datasets.count(ListQuery(filters={"sifat_data": "dikecualikan"}))
    assert exempt >= 2  # the records the list export lost
    for kind in ORDER:
        path = tmp_path / f"{kind}{suffix}"
        assert main(["--database", database_url, "export", kind, str(path), "--full"]) == 0
        assert f"{desk.service(kind).count()} baris diekspor" in capsys.readouterr().out
    target = _empty_database(database_url, tmp_path)
    for kind in ORDER:
        code = main(["--database", target, "--user", "pindah", "import", kind,
                     str(tmp_path / f"{kind}{suffix}")])
        output = capsys.readouterr().out
        assert code == 0, output[-2000:]
        count = desk.service(kind).count()
        assert f"{count} baris ditambahkan, 0 diperbarui, 0 dilewati." in output
    other = Desk.open(target)
    try:
        for kind in ORDER:
            assert other.service(kind).count() == desk.service(kind).count(), kind
            assert _records(other, kind) == _records(desk, kind), kind
        assert other.datasets.count(ListQuery(filters={"sifat_data": "dikecualikan"})) == exempt
    finally:
        other.close()


def test_the_full_export_refuses_a_pdf(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--database", str(tmp_path / "db.sqlite3"), "export", "datasets",
            str(tmp_path / "d.pdf"), "--full"]
    assert main(argv) == 1
    assert "Ekspor lengkap hanya ke .xlsx atau .csv" in capsys.readouterr().err
    assert not (tmp_path / "d.pdf").exists()

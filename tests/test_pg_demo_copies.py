"""The PostgreSQL demo copies the tests share (``tests/pg_demo_copies.py``): a reset puts
the demo back exactly, and a database whose schema a test changed is not handed out."""

from __future__ import annotations

import pytest
from conftest import DemoTemplates, postgres_admin_url
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from desktop.core.desk import Desk


def _last_audit_id(url: str) -> int:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        last = conn.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    engine.dispose()
    return int(last)


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
        counts = {t: conn.execute(text(f'SELECT count(*) FROM public."{t}"')).scalar_one()
                  for t in tables}
    engine.dispose()
    return counts


def test_a_reset_puts_the_demo_back_and_a_changed_schema_is_replaced(
        demo_templates: DemoTemplates) -> None:
    if postgres_admin_url() is None:
        pytest.skip("no PostgreSQL server")
    copies = demo_templates.copies()
    copy = copies.take()
    before = _counts(copy.url)
    assert before["dataset"] > 0 and before["audit_log"] > 0
    last_audit = _last_audit_id(copy.url)
    with Desk.open(copy.url, user="penguji") as desk:
        deployments = desk.service("deployments")
        first = deployments.ids()[0]
        deployments.delete(first, expected_version=deployments.get(first)["version"])
        desk.opd.create({"nama": "Dinas Baru", "singkatan": "DB", "kode": "9.99.01"})
    assert _last_audit_id(copy.url) == last_audit + 2
    changed = _counts(copy.url)
    assert changed != before
    copies.give_back(copy)

    again = copies.take()
    assert again is copy  # the same database, its rows put back
    assert _counts(again.url) == before
    engine = create_engine(again.url, poolclass=NullPool)
    with engine.connect() as conn:  # nothing of the copying in it (a backup holds it all)
        schemas = conn.execute(text(
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname <> 'information_schema'")).scalars().all()
    engine.dispose()
    assert schemas == ["public"]
    with Desk.open(again.url, user="penguji") as desk:
        assert desk.service("deployments").get(first)["id"] == first  # not deleted now
        desk.opd.create({"nama": "Dinas Baru", "singkatan": "DB", "kode": "9.99.01"})
    # the sequences were set back too: the next audit row numbers as on a fresh copy
    assert _last_audit_id(again.url) == last_audit + 1
    engine = create_engine(again.url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE dataset ADD COLUMN catatan_uji text"))
    engine.dispose()
    copies.give_back(again)

    fresh = copies.take()
    assert fresh is not again and fresh.name != again.name  # dropped, made anew
    assert _counts(fresh.url) == before
    copies.give_back(fresh)

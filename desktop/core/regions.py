"""Regions (Kemendagri codes): loaded from the shipped CSV, looked up by code or name."""

from __future__ import annotations

import csv
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.models import Region
from desktop.core.models.reference import is_autonomous_code
from desktop.core.resources import resource_path

__all__ = ["ensure_regions", "is_autonomous_code", "region_rows"]

REGIONS_CSV = ("data", "wilayah_kepmendagri_2025.csv")


@cache
def region_rows() -> tuple[dict[str, str | None], ...]:
    with resource_path(*REGIONS_CSV).open(encoding="utf-8", newline="") as fh:
        return tuple(
            {
                "kode": row["kode"].strip(),
                "nama": row["nama"].strip(),
                "jenis": row["jenis"].strip(),
                "kode_induk": (row.get("kode_induk") or "").strip() or None,
            }
            for row in csv.DictReader(fh)
        )


def ensure_regions(session: Session) -> int:
    """Insert any region of the CSV the database lacks; return how many were added."""
    rows = region_rows()
    if session.scalar(select(func.count()).select_from(Region)) == len(rows):
        return 0
    existing = set(session.scalars(select(Region.kode)))
    missing = [r for r in rows if r["kode"] not in existing]
    if missing:
        session.execute(Region.__table__.insert(), missing)
    return len(missing)

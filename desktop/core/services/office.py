"""This office's profile: one row that documents and reports read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select

from desktop.core.database import Database
from desktop.core.errors import StaleRecordError, ValidationError
from desktop.core.fields import Field, FieldType
from desktop.core.i18n import Label, t
from desktop.core.models import OfficeProfile
from desktop.core.services.audit import write_audit
from desktop.core.services.references import check_references
from desktop.core.services.snapshot import diff, jsonable
from desktop.core.validation import Errors, clean_fields

FIELDS = (
    Field("region_kode", Label("Daerah"), FieldType.REGION, required=True),
    Field("nama", Label("Nama kantor"), required=True),
    Field("alamat", Label("Alamat"), FieldType.LONGTEXT, max_length=1000),
    Field("telepon", Label("Telepon"), max_length=50),
    Field("email", Label("Email"), FieldType.EMAIL, max_length=120),
    Field("website", Label("Situs web"), FieldType.URL, max_length=300),
    Field("kepala_nama", Label("Nama kepala dinas"), max_length=120),
    Field("kepala_jabatan", Label("Jabatan kepala")),
    Field("kepala_pangkat", Label("Pangkat/golongan kepala"), max_length=120),
    Field("kepala_nip", Label("NIP kepala"), FieldType.NIP),
)
KIND_NAME = "office"


class OfficeService:
    def __init__(self, db: Database, actor: Callable[[], str]) -> None:
        self.db = db
        self.actor = actor

    def get(self) -> dict[str, Any] | None:
        with self.db.read_session() as s:
            row = s.scalar(select(OfficeProfile).where(OfficeProfile.deleted_at.is_(None)))
            return None if row is None else self._as_dict(row)

    def save(self, data: Mapping[str, Any], *, expected_version: int | None = None
             ) -> dict[str, Any]:
        """Create the profile the first time, update it afterwards (optimistically locked)."""
        with self.db.session() as s:
            row = s.scalar(select(OfficeProfile).where(OfficeProfile.deleted_at.is_(None)))
            errors: Errors = {}
            for key in set(data) - {f.name for f in FIELDS} - {"id", "version"}:
                errors.setdefault(str(key), []).append(t("Kolom tidak dikenal."))
            clean = clean_fields(FIELDS, data, errors, partial=row is not None)
            check_references(s, FIELDS, clean, errors)
            if errors:
                raise ValidationError(errors)
            before: dict[str, Any] = {}
            if row is None:
                row = OfficeProfile()
                s.add(row)
            else:
                if expected_version is not None and row.version != expected_version:
                    raise StaleRecordError(
                        t("Profil kantor telah diubah oleh pengguna lain. Muat ulang dulu."),
                        current_version=row.version,
                    )
                before = self._values(row)
            for key, value in clean.items():
                setattr(row, key, value)
            s.flush()
            changes = diff(before, self._values(row))
            if changes:
                write_audit(s, actor=self.actor(), kind=KIND_NAME, record_id=row.id,
                            action="update" if before else "create", changes=changes)
            return self._as_dict(row)

    @staticmethod
    def _values(row: OfficeProfile) -> dict[str, Any]:
        return jsonable({f.name: getattr(row, f.name) for f in FIELDS})

    def _as_dict(self, row: OfficeProfile) -> dict[str, Any]:
        out = {f.name: getattr(row, f.name) for f in FIELDS}
        out.update(id=row.id, version=row.version)
        return out

"""``Desk``: one open database and a service per record kind, the core's front door.

    with Desk.open() as desk:               # default SQLite file, migrated; closed after
        opd = desk.opd.create({...})
        desk.search("karanganyar")
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any

from sqlalchemy import select

from desktop.core.database import Database, open_database
from desktop.core.identity import current_user
from desktop.core.kinds import KINDS, RecordKind, kind_named
from desktop.core.models import Region
from desktop.core.roles import Access
from desktop.core.search import SearchHit, search
from desktop.core.services import OfficeService, RecordService

_UNREAD = object()  # Desk.access not read yet


class Desk:
    def __init__(self, db: Database, user: str | None = None) -> None:
        from desktop.core.settings import USER_NAME, current

        self.db = db
        self.user = user
        self.saved_user = current().get(USER_NAME)
        self.services = {name: RecordService(db, kind, self.actor) for name, kind in KINDS.items()}
        self.office = OfficeService(db, self.actor)
        self._all_regions: list[dict[str, Any]] | None = None
        self._access: Access | object | None = _UNREAD

    @classmethod
    def open(cls, database: str | os.PathLike[str] | None = None, *, user: str | None = None
             ) -> Desk:
        desk = cls(open_database(database), user=user)
        desk.refresh_access()
        return desk

    @property
    def access(self) -> Access | None:
        """What the person on this database may do (``desktop.core.roles``), read once:
        SQLite and the tables' owner are the administrator, a PostgreSQL login its
        ``desk_*`` roles, ``None`` a login with no Desk role. The database enforces the
        same rules; the window reads this to hide pages and disable actions."""
        if self._access is _UNREAD:
            self.refresh_access()
        return self._access  # type: ignore[return-value]

    def refresh_access(self) -> Access | None:
        from desktop.core.roles import SINGLE_USER, access_of

        if self.db.dialect != "postgresql":
            self._access = SINGLE_USER  # one user: no need to ask the file
            return SINGLE_USER
        with self.db.engine.connect() as conn:
            self._access = access_of(conn)
        return self._access  # type: ignore[return-value]

    def actor(self) -> str:
        return current_user(self.user, self.saved_user)

    def service(self, kind: str | RecordKind) -> RecordService:
        name = kind.name if isinstance(kind, RecordKind) else kind_named(kind).name
        return self.services[name]

    @property
    def opd(self) -> RecordService:
        return self.services["opd"]

    @property
    def apps(self) -> RecordService:
        return self.services["apps"]

    @property
    def datasets(self) -> RecordService:
        return self.services["datasets"]

    @property
    def visits(self) -> RecordService:
        return self.services["visits"]

    @property
    def agreements(self) -> RecordService:
        return self.services["agreements"]

    @property
    def deployments(self) -> RecordService:
        return self.services["deployments"]

    def search(self, text: str, kinds: list[str] | None = None, limit: int = 200
               ) -> list[SearchHit]:
        with self.db.read_session() as s:
            return search(s, text, kinds, limit)

    def regions(self, text: str = "", jenis: str | None = None) -> list[dict[str, Any]]:
        """Regions whose name or code contains ``text`` (case-insensitive).

        The whole list (no text, no jenis) is read once per Desk: it is reference data
        that only a migration changes, and every page with a region field asks for it.
        """
        if not text and not jenis and self._all_regions is not None:
            return [dict(r) for r in self._all_regions]
        from sqlalchemy import func, or_

        # plain rows, not ORM objects: a page's region editor reads every region, and
        # building ~550 instances took 60 ms of its opening
        stmt = select(Region.kode, Region.nama, Region.jenis, Region.kode_induk).order_by(
            Region.kode)
        if text:
            needle = text.strip().lower()
            stmt = stmt.where(or_(func.lower(Region.nama).contains(needle, autoescape=True),
                                  Region.kode.startswith(needle, autoescape=True)))
        if jenis:
            stmt = stmt.where(Region.jenis == jenis)
        with self.db.read_session() as s:
            regions = [dict(row) for row in s.execute(stmt).mappings()]
        if not text and not jenis:
            self._all_regions = [dict(r) for r in regions]
        return regions

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Close on the way out, also when the block raised (the error goes on up):
        a pool left open keeps a SQLite file locked on Windows and a server slot taken."""
        self.close()

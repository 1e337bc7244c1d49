"""Which catalog the register's links belong to: a catalog is an identity, not an address.

A link (``sync_record.remote_id``) only means something on the catalog that made it: a
sync against another catalog must never read "not found" there as "deleted", nor revise
packages through it. So the register remembers the catalog its links were made with
(a ``sync_setting`` row, :data:`IDENTITY_KEY`): the address, what ``status_show`` says
about the site and a local key that every link carries (``sync_record.catalog``).

How the catalog is recognised. CKAN publishes no site id over the API (``ckan.site_id``
stays in the server's config); ``status_show`` gives ``site_url``, ``site_title`` and
``ckan_version``. ``site_url`` + ``site_title`` are a cheap fingerprint, but a weak one:
two fresh installs share the defaults (``http://localhost:5000``, "CKAN"), and a move to
a new address usually changes ``site_url`` too. The proof is the data: package ids are
UUIDs the server made, so a catalog that answers ``package_show`` for ids we linked
(active, deleted or hidden from us) is the catalog that made them, and one that knows
none of a sample is not. Same address and same fingerprint: no probe at all. Anything
else: the probe decides. The version is kept for information only (upgrades change it).

When the answer is "another catalog", the run stops before it writes anything
(:class:`CatalogChangedError`); the user says what it is: the same catalog at a new
address (:func:`move_catalog`: links kept) or another catalog (:func:`start_fresh_links`:
links dropped, nothing deleted on either side).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select, update

from desktop.core.desk import Desk
from desktop.core.i18n import t
from desktop.core.models import utcnow
from desktop.core.models.sync import (
    SyncConflict,
    SyncOrgMap,
    SyncRecord,
    SyncSetting,
    SyncWatermark,
)
from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogAuthorizationError, CatalogError, CatalogNotFoundError

IDENTITY_KEY = "catalog_identity"  # sync_setting row: the JSON of CatalogIdentity
PROBE_SIZE = 5  # linked ids asked about when the address or the site changed
FRESH_START = "katalog_baru"  # resolution of conflicts dropped with the old catalog's links


class CatalogChangedError(CatalogError):
    """The catalog at this address is not the one the register's links belong to."""

    def __init__(self, message: str, *, linked_url: str, url: str) -> None:
        super().__init__(message, action="status_show")
        self.linked_url = linked_url
        self.url = url


@dataclass(frozen=True)
class CatalogIdentity:
    key: str  # carried by every link made with this catalog (sync_record.catalog)
    url: str
    site_url: str = ""
    site_title: str = ""
    ckan_version: str = ""

    def same_site(self, status: Mapping[str, Any]) -> bool:
        return (self.site_url, self.site_title) == _site(status)


def _site(status: Mapping[str, Any]) -> tuple[str, str]:
    return (str(status.get("site_url") or "").strip().rstrip("/").lower(),
            str(status.get("site_title") or "").strip())


def _new_key(url: str, status: Mapping[str, Any]) -> str:
    """The key for links to a catalog met for the first time: from where it was met and
    what it said, so two registers that meet one catalog alike give its links one key.
    (It only has to tell this register's catalogs apart; it never changes afterwards,
    and a fresh start drops every link before a key could repeat.)"""
    text = "\n".join((url, *_site(status)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def read_identity(desk: Desk) -> CatalogIdentity | None:
    with desk.db.session() as s:
        row = s.get(SyncSetting, IDENTITY_KEY)
        raw = row.value if row is not None else None
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return CatalogIdentity(**{k: str(v) for k, v in data.items()
                                  if k in CatalogIdentity.__dataclass_fields__})
    except (ValueError, TypeError):
        return None  # unreadable: treated as unknown, the probe decides again


def _store(s: Any, identity: CatalogIdentity | None) -> None:
    row = s.get(SyncSetting, IDENTITY_KEY)
    if identity is None:
        if row is not None:
            s.delete(row)
        return
    value = json.dumps(asdict(identity), ensure_ascii=False)
    if row is None:
        s.add(SyncSetting(key=IDENTITY_KEY, value=value))
    else:
        row.value = value


def _linked_sample(s: Any, key: str | None) -> list[str]:
    """Remote ids of links of this catalog (or made before identities were kept),
    the most recently synced first: the least likely to have been purged since."""
    owner = SyncRecord.catalog.is_(None) if key is None else (
        (SyncRecord.catalog == key) | SyncRecord.catalog.is_(None))
    return list(s.scalars(select(SyncRecord.remote_id).where(
        SyncRecord.remote_id.is_not(None), owner)
        .order_by(SyncRecord.changed_at.desc()).limit(PROBE_SIZE)))


def _sample(desk: Desk, stored: CatalogIdentity | None) -> list[str]:
    with desk.db.session() as s:
        return _linked_sample(s, stored.key if stored else None)


def knows_links(client: CatalogClient, remote_ids: list[str]) -> bool:
    """Whether the catalog knows any of these package or showcase ids (by ``package_show``:
    showcases are packages too). 403 means it has it but hides it from us."""
    for remote_id in remote_ids:
        try:
            client.package_show(remote_id)
        except CatalogNotFoundError:
            continue
        except CatalogAuthorizationError:
            return True
        return True
    return False


def stamp_links(desk: Desk, key: str) -> None:
    """Links made by this run carry no key yet: they belong to the confirmed catalog.
    (Found through the (catalog, remote_id) index: no walk over every link per run.)"""
    with desk.db.session() as s:
        s.execute(update(SyncRecord).where(SyncRecord.remote_id.is_not(None),
                                           SyncRecord.catalog.is_(None)).values(catalog=key))


def confirm_catalog(desk: Desk, client: CatalogClient,
                    status: Mapping[str, Any]) -> CatalogIdentity:
    """The identity of the catalog this run talks to, or :class:`CatalogChangedError`.

    Called before any push, pull or deletion check, so a run against another catalog
    changes nothing. Refreshes what is stored (address, site, version) once confirmed.
    """
    url = client.config.base_url
    stored = read_identity(desk)
    if stored is not None and stored.url == url and stored.same_site(status):
        identity = stored  # the usual run: nothing read but the setting
    elif not (sample := _sample(desk, stored)) or knows_links(client, sample):
        identity = CatalogIdentity(stored.key if stored else _new_key(url, status), url)
    else:
        linked_url = stored.url if stored else t("(katalog sebelumnya)")
        raise CatalogChangedError(
            t("Katalog di {url} bukan katalog tempat dataset register ini tertaut ({linked}): "
              "tidak satu pun dataset tertaut dikenalnya. Tidak ada yang diubah. Jika ini "
              "katalog yang sama di alamat baru, pilih \"katalog yang sama\" (tautan "
              "dipertahankan); jika katalog lain, pilih \"katalog lain\" (tautan baru, tidak "
              "ada yang dihapus).", url=url, linked=linked_url),
            linked_url=linked_url, url=url)
    site_url, site_title = _site(status)
    confirmed = CatalogIdentity(identity.key, url, site_url, site_title,
                                str(status.get("ckan_version") or ""))
    with desk.db.session() as s:
        if stored is not None and stored.url != url:
            _move_watermarks(s, stored.url, url)
        if confirmed != stored:
            _store(s, confirmed)
    stamp_links(desk, confirmed.key)
    return confirmed


def _move_watermarks(s: Any, old_url: str, new_url: str) -> None:
    """The pull's progress follows the catalog to its new address (else the next pull
    walks the whole catalog again: harmless, only slow)."""
    if old_url == new_url:
        return
    for row in list(s.scalars(select(SyncWatermark).where(SyncWatermark.catalog_url == old_url))):
        if s.get(SyncWatermark, (new_url, row.kind)) is None:
            s.add(SyncWatermark(catalog_url=new_url, kind=row.kind, modified=row.modified))
        s.delete(row)


def has_links(desk: Desk) -> bool:
    with desk.db.session() as s:
        return s.scalar(select(SyncRecord.record_id).where(
            SyncRecord.remote_id.is_not(None)).limit(1)) is not None


def address_change_needs_answer(desk: Desk, new_url: str) -> bool:
    """Whether saving this address must first ask "same catalog or another?": the
    address differs from the one the links were made with, and links exist."""
    identity = read_identity(desk)
    if not has_links(desk):
        return False
    if identity is None:
        from desktop.sync.catalog_settings import load_catalog_settings

        current = load_catalog_settings(desk.db).catalog_url
        return bool(current) and current != new_url
    return identity.url != new_url


def move_catalog(desk: Desk, new_url: str, *, save_url: bool = True) -> None:
    """The same catalog at a new address: links kept, the pull's progress moved along.

    The next sync still checks the claim: a catalog that knows none of the linked
    datasets stops the run rather than deleting them here.
    """
    identity = read_identity(desk)
    with desk.db.session() as s:
        if identity is not None and identity.url != new_url:
            _move_watermarks(s, identity.url, new_url)
            _store(s, CatalogIdentity(identity.key, new_url))  # site re-read next run
    if save_url:
        _save_url(desk, new_url)


def start_fresh_links(desk: Desk, new_url: str, *, save_url: bool = True) -> int:
    """Another catalog: every link to the old one is dropped, nothing is deleted.

    Records that were published there become pending, so the next sync publishes them
    to the new catalog (adopting what it already holds of them, by ``desk_id``); the
    pull starts from the beginning. Open conflicts with the old catalog no longer have a
    counterpart and are closed as ``katalog_baru``. The OPD -> organization mappings name
    the old catalog's organizations: dropped too, the next sync matches OPDs again by name
    (a choice made by hand must be made again). Returns the number of links dropped.
    ``save_url`` False: the caller remembers the address itself (the CLI, once the run
    with it worked).
    """
    now = utcnow()
    with desk.db.session() as s:
        states = list(s.scalars(select(SyncRecord).where(SyncRecord.remote_id.is_not(None))))
        for state in states:
            state.remote_id = state.remote_name = state.remote_modified = None
            state.base, state.error, state.catalog = None, None, None
            state.dirty = not _deleted(s, state)
            state.changed_at = now
        for conflict in s.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))):
            conflict.resolved_at, conflict.resolution = now, FRESH_START
        for row in list(s.scalars(select(SyncWatermark))):
            s.delete(row)
        for mapping in list(s.scalars(select(SyncOrgMap))):
            s.delete(mapping)  # organization ids are the old catalog's too
        _store(s, None)
    if save_url:
        _save_url(desk, new_url)
    return len(states)


def _deleted(s: Any, state: SyncRecord) -> bool:
    from desktop.core.kinds import kind_named

    obj = s.get(kind_named(state.kind).model, state.record_id)
    return obj is None or obj.deleted_at is not None


def _save_url(desk: Desk, url: str) -> None:
    from desktop.sync.catalog_settings import save_catalog_settings

    save_catalog_settings(desk.db, catalog_url=url)

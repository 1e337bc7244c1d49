"""``catalog-import``: seed the register from any CKAN portal, reading only.

Unlike a sync, nothing is linked or pushed back: the portal may not be the office's own
catalog (the province's, a neighbour's), so imported datasets are plain local records.
A dataset already here (same ``desk_id``, or same title under the same OPD) is skipped,
so running the import twice adds nothing. Organizations become OPDs when none matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.jobs import Progress, report
from desktop.core.models import Dataset, PerangkatDaerah
from desktop.sync.cancel import SyncCancelled, check_cancel
from desktop.sync.client import SEARCH_ROWS_MAX, CatalogClient
from desktop.sync.errors import CatalogError, describe
from desktop.sync.liveness import owner_label
from desktop.sync.local import create_local, opd_from_organization, remote_session
from desktop.sync.mapping import package_to_dataset
from desktop.sync.naming import slugify
from desktop.sync.paging import iter_modified_pages
from desktop.sync.runlog import SyncSummary, finish_run, record_error, start_run
from desktop.sync.stale_runs import end_interrupted_runs


def _opd_for(desk: Desk, s: Session, org: Mapping[str, Any] | None,
             cache: dict[str, str]) -> str:
    if not org:
        raise DeskError(t("Dataset tanpa organisasi di portal; dilewati."))
    if org["id"] in cache:
        return cache[org["id"]]
    wanted = {slugify(org.get("title") or "", 200), slugify(org.get("name") or "", 200)}
    for opd_id, nama, singkatan in s.execute(select(
            PerangkatDaerah.id, PerangkatDaerah.nama, PerangkatDaerah.singkatan)
            .where(PerangkatDaerah.deleted_at.is_(None))):
        if {slugify(nama, 200), slugify(singkatan or "", 200)} & wanted - {""}:
            cache[org["id"]] = opd_id
            return opd_id
    cache[org["id"]] = opd_from_organization(desk, s, org)
    return cache[org["id"]]


def _already_here(s: Session, desk_id: str | None, title: str, opd_id: str) -> bool:
    if desk_id and s.get(Dataset, desk_id) is not None:
        return True
    return bool(s.scalar(select(func.count()).select_from(Dataset).where(
        Dataset.opd_id == opd_id, func.lower(Dataset.judul) == title.lower(),
        Dataset.deleted_at.is_(None))))


def catalog_import(desk: Desk, client: CatalogClient, *, organization: str | None = None,
                   page_size: int = SEARCH_ROWS_MAX, progress: Progress | None = None,
                   token: Any = None) -> SyncSummary:
    """Create local datasets for the portal's (public) datasets; ``organization`` limits
    it to one organization's (by name or id)."""
    summary = SyncSummary()
    end_interrupted_runs(desk.db)  # imports of this host killed before they finished
    run_id = start_run(desk.db, client.config.base_url, "import", owner=owner_label())
    summary.run_id = run_id
    fq = f"organization:{organization}" if organization else None
    cache: dict[str, str] = {}
    try:
        total = int(client.package_search(fq=fq, rows=0)["count"])
        seen = 0
        for page in iter_modified_pages(client, None, page_size=page_size,
                                        include_private=False):
            check_cancel(token)
            refused: list[tuple[str | None, str]] = []
            with remote_session(desk) as s:
                for package in page:
                    org = package.get("organization")
                    if organization and organization not in {(org or {}).get("name"),
                                                              (org or {}).get("id")}:
                        continue
                    try:
                        with s.begin_nested():
                            remote = package_to_dataset(package)
                            opd_id = _opd_for(desk, s, org, cache)
                            if _already_here(s, remote.desk_id, remote.values["judul"] or "",
                                             opd_id):
                                continue
                            create_local(desk, s, remote, opd_id)
                            summary.pulled += 1
                    except DeskError as error:
                        refused.append((package.get("id"), describe(  # by its title there
                            error, package.get("title") or package.get("name") or "-")))
            for remote_id, message in refused:  # counted once each, shown by the CLI
                record_error(desk.db, summary, run_id, "datasets", None, remote_id, message)
            seen += len(page)
            report(progress, min(seen, total), total,
                   t("Mengimpor dataset dari portal ({done}/{total})", done=min(seen, total),
                     total=total))
    except SyncCancelled:
        summary.cancelled = True
        finish_run(desk.db, run_id, summary)
        return summary
    except CatalogError as error:
        finish_run(desk.db, run_id, summary, status="failed", message=str(error))
        raise
    finish_run(desk.db, run_id, summary)
    return summary

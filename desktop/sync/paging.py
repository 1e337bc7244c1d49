"""Walking the catalog in pages without losing or repeating what matters.

Datasets modified since a watermark are read by *keyset* on ``metadata_modified`` (sorted
``metadata_modified asc, id asc``): after each page the lower bound moves to the last
timestamp seen, so a dataset edited mid-crawl (which jumps to the end of the order) never
shifts the pages still to come, as it would with a growing ``start``. Only a run of more
than one page of datasets sharing one millisecond falls back to ``start`` inside it.
Organizations and names are paged by ``offset`` until an empty page, whatever the cap.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from desktop.core.i18n import t
from desktop.sync.client import ORGANIZATION_PAGE_MAX, PULL_SORT, SEARCH_ROWS_MAX, CatalogClient
from desktop.sync.errors import CatalogFilterIgnoredError, CatalogResponseError


def index_millis(stamp: str) -> str:
    """A CKAN timestamp cut to the search index's precision (milliseconds)."""
    return stamp[:23] if "." in stamp else f"{stamp[:19]}.000"


def watermark_bound(since: str | datetime | None, overlap: timedelta) -> str | None:
    """``since`` minus the overlap, as the index compares it; None: from the beginning."""
    if since is None:
        return None
    moment = datetime.fromisoformat(since.rstrip("Z")) if isinstance(since, str) else since
    moment = moment.replace(tzinfo=None) - overlap
    return index_millis(moment.strftime("%Y-%m-%dT%H:%M:%S.%f"))


def iter_modified_pages(client: CatalogClient, since: str | datetime | None = None, *,
                        overlap: timedelta = timedelta(0), page_size: int = SEARCH_ROWS_MAX,
                        include_private: bool = True) -> Iterator[list[dict[str, Any]]]:
    """Pages (lists of package dicts) of datasets modified at or after ``since``.

    Every dataset in range is yielded at least once (at its newest version seen); one
    edited during the walk may come twice, so apply pages as idempotent upserts.
    """
    rows = min(page_size, SEARCH_ROWS_MAX)
    bound = watermark_bound(since, overlap)
    start = 0
    seen_at_bound: set[str] = set()
    while True:
        fq = f"metadata_modified:[{bound}Z TO *]" if bound else None
        page = client.package_search(fq=fq, sort=PULL_SORT, rows=rows, start=start,
                                     include_private=include_private)
        results = page.get("results") or []
        fresh = [p for p in results if p["id"] not in seen_at_bound]
        if bound and any(index_millis(p["metadata_modified"]) < bound for p in results):
            raise CatalogFilterIgnoredError(
                t("Server katalog mengabaikan filter pencarian (fq); kemungkinan proksi di "
                  "depannya membuangnya. Sinkronisasi dihentikan agar tidak salah baca."),
                action="package_search")
        if fresh:
            yield fresh
        if len(results) < rows:
            return
        last = index_millis(results[-1]["metadata_modified"])
        if last == bound:
            start += len(results)
        else:
            bound, start, seen_at_bound = last, 0, set()
        seen_at_bound.update(p["id"] for p in results
                             if index_millis(p["metadata_modified"]) == bound)


def iter_modified_since(client: CatalogClient, since: str | datetime | None = None,
                        **kwargs: Any) -> Iterator[dict[str, Any]]:
    """The datasets of :func:`iter_modified_pages`, one at a time."""
    for page in iter_modified_pages(client, since, **kwargs):
        yield from page


def _offset_pages(fetch: Any, limit: int, what: str) -> Iterator[Any]:
    offset = 0
    first_of_previous: Any = object()
    while True:
        page = fetch(limit=limit, offset=offset)
        if not page:
            return
        if page[0] == first_of_previous:  # a server that ignores offset would loop forever
            raise CatalogResponseError(
                t("Server katalog mengabaikan offset saat membaca {what}.", what=what))
        first_of_previous = page[0]
        yield from page
        offset += len(page)


def iter_organizations(client: CatalogClient,
                       page_size: int = ORGANIZATION_PAGE_MAX) -> Iterator[dict[str, Any]]:
    """Every organization with its fields (servers give 25 per call at most)."""
    return _offset_pages(lambda **kw: client.organization_list(all_fields=True, **kw),
                         page_size, "organization_list")


def iter_package_names(client: CatalogClient, page_size: int = 1000) -> Iterator[str]:
    """Names of active public datasets (from the database, so right even when the search
    index is broken): the reconciliation list for deletions."""
    return _offset_pages(client.package_list, page_size, "package_list")

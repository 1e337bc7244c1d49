"""A list, as shown (filter and sort), to the file format its name asks for.

The one entry point for "export this list" from the window and from ``diskominfo-desk
export``: CSV and XLSX are written by the core (:mod:`desktop.core.export`), the PDF report
by this layer (:mod:`desktop.documents.list_report`, reportlab). It lives here, above both,
so that the core never reaches up into the documents layer.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import DeskError
from desktop.core.export import SUFFIXES, write_csv, write_xlsx
from desktop.core.i18n import t
from desktop.core.jobs import Progress
from desktop.core.safe_write import write_atomic
from desktop.core.services import ListQuery, OfficeService, RecordService
from desktop.documents.list_report import render_list_report

__all__ = ["SUFFIXES", "write_list"]


def write_list(service: RecordService, query: ListQuery, path: str | Path,
               progress: Progress | None = None, *, title: str | None = None,
               delimiter: str | None = None) -> int:
    """Export by the file's suffix (.csv, .xlsx, .pdf); return how many rows went out.

    ``title`` is the PDF report's heading (the kind's plural label by default);
    ``delimiter`` the CSV's column separator (None: the setting, "auto" by default).
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_csv(service, query, path, progress, delimiter=delimiter)
    if suffix == ".xlsx":
        return write_xlsx(service, query, path, progress)
    if suffix == ".pdf":
        office = OfficeService(service.db, service.actor).get()
        counted: list[int] = []

        def track(done: int, total: int, message: str) -> None:
            counted[:] = [total]
            if progress is not None:
                progress(done, total, message)

        data = render_list_report(service, query, office, title=title, progress=track)
        # a file open in Excel or a PDF reader: retried, then a clear message
        write_atomic(path, lambda tmp: tmp.write_bytes(data))
        return counted[0] if counted else 0
    raise DeskError(t("Format ekspor tidak dikenal: {suffix}. Pilih .csv, .xlsx atau .pdf.",
                      suffix=suffix or Path(path).name))

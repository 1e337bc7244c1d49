"""Writing a list, as shown (filter and sort), to CSV.

Cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR at
the start) are prefixed with an apostrophe: an exported register must never execute.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from desktop.core.formatting import display
from desktop.core.services import ListQuery, RecordService

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1000


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(service: RecordService, query: ListQuery, path: str | Path,
              progress: Callable[[int, int, str], None] | None = None) -> int:
    """Write every row the query matches; return how many were written."""
    kind = service.kind
    ids = service.ids(query)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([str(c.label) for c in kind.columns])
            for start in range(0, len(ids), BATCH):
                for row in service.rows(ids[start:start + BATCH]):
                    writer.writerow([neutralise(display(row.get(c.key), c.choices))
                                     for c in kind.columns])
                if progress is not None:
                    progress(min(start + BATCH, len(ids)), len(ids), "")
    except BaseException:
        tmp.unlink(missing_ok=True)  # a cancelled or failed export leaves no half file
        raise
    tmp.replace(target)
    return len(ids)

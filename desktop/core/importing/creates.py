"""The rows of a sheet that add records, written together through ``create_many``.

One savepoint and a dozen round trips per new record made a 10,000-row sheet take a
minute; gathered and handed to the record service's bulk path they go in a batch at a
time, with the same checks, messages and audit rows. A row whose natural key repeats a
row still waiting first lets the batch be written: whether the earlier row was taken
decides whether the later one is a duplicate, exactly as row by row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.core.errors import DeskError, ValidationError
from desktop.core.kinds import RecordKind

if TYPE_CHECKING:
    from desktop.core.importing.run import RowResult
    from desktop.core.services.records import RecordService

BATCH = 1000

Key = tuple[Any, ...]


def row_errors(kind: RecordKind, error: DeskError) -> list[str]:
    """A refused row's messages as the import report shows them (field label: message)."""
    if isinstance(error, ValidationError):
        labels = {f.name: str(f.label) for f in kind.fields}
        return [f"{labels.get(k, k)}: {' '.join(v)}" for k, v in error.errors.items()]
    return [error.message]


class PendingRows:
    """Rows waiting for their batch, a batch of ``size`` written by :meth:`_write`;
    ``keys``: the natural keys waiting (a row that repeats one first lets them be written).
    """

    def __init__(self, session: Session, service: RecordService, size: int = BATCH) -> None:
        self.session = session
        self.service = service
        self.size = size
        self.rows: list[tuple[RowResult, Any, Key | None]] = []
        self.keys: set[Key] = set()

    def add(self, result: RowResult, payload: Any, key: Key | None) -> None:
        self.rows.append((result, payload, key))
        if key is not None:
            self.keys.add(key)
        if len(self.rows) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write the waiting rows; each result learns its record id or its messages."""
        if not self.rows:
            return
        self._write(self.rows)
        self.rows, self.keys = [], set()
        self.session.expunge_all()  # written already; a small session keeps batches fast

    def _write(self, rows: list[tuple[RowResult, Any, Key | None]]) -> None:
        raise NotImplementedError

    def _refused(self, result: RowResult, error: DeskError) -> None:
        result.action, result.record_id = "error", None
        result.errors = row_errors(self.service.kind, error)


class PendingCreates(PendingRows):
    """New records waiting for their batch; ``seen`` and ``existing_keys`` as ``import_rows``
    keeps them (a key taken by an imported row, and the record a key names)."""

    def __init__(self, session: Session, service: RecordService, seen: dict[Key, int],
                 existing_keys: dict[Key, tuple[str, int]], size: int = BATCH) -> None:
        super().__init__(session, service, size)
        self.seen = seen
        self.existing_keys = existing_keys

    def _write(self, rows: list[tuple[RowResult, Any, Key | None]]) -> None:
        made = self.service.create_many([data for _, data, _ in rows],
                                        session=self.session, batch=self.size)
        for (result, _, key), outcome in zip(rows, made, strict=True):
            if isinstance(outcome, DeskError):
                self._refused(result, outcome)
                continue
            result.record_id = outcome
            if key is not None:
                self.seen[key] = result.row  # a later row with this key repeats this one
                self.existing_keys[key] = (outcome, 1)

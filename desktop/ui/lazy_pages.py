"""Record pages built the first time they are needed.

Building a record page (its form, editors and table) costs 30–60 ms; six of them made
up a fifth of the start-up. The window starts with the first page only and builds the
others when they are opened, or one at a time while the user is idle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pages load the database layer: not before the first paint
    from desktop.ui.record.page import RecordPage


class LazyPages(Mapping[str, "RecordPage"]):
    """Record pages by kind; reading one builds it if it was not built yet.

    Iteration and ``in`` see every kind without building anything; ``built()`` gives
    only the pages that exist (what closing or restoring must visit).
    """

    def __init__(self, kinds: Sequence[str], build: Callable[[str], RecordPage]) -> None:
        self._kinds = list(kinds)
        self._build = build
        self._built: dict[str, RecordPage] = {}

    def __getitem__(self, kind: str) -> RecordPage:
        if kind not in self._kinds:
            raise KeyError(kind)
        page = self._built.get(kind)
        if page is None:
            page = self._built[kind] = self._build(kind)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    def is_built(self, kind: str) -> bool:
        return kind in self._built

    def built(self) -> dict[str, RecordPage]:
        return dict(self._built)

    def next_unbuilt(self) -> str | None:
        return next((kind for kind in self._kinds if kind not in self._built), None)

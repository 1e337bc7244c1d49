"""Fetch the next page while the current one is written to the database.

The network wait (the server building and sending a page) and the local work (mapping
and writing it) overlap, so a pull costs about the larger of the two rather than their
sum. One page ahead at most: memory stays bounded and a cancel wastes little.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
_DONE = object()


class Prefetched(Generic[T]):
    """Iterate ``source`` in a worker thread, ``depth`` items ahead; always :meth:`close`."""

    def __init__(self, source: Iterator[T], depth: int = 1) -> None:
        self._source = source
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-prefetch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for item in self._source:
                while not self._stop.is_set():
                    try:
                        self._queue.put(("item", item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    return
            self._put_final(("done", None))
        except BaseException as exc:  # handed to the consumer, raised there
            self._put_final(("error", exc))

    def _put_final(self, entry: tuple[str, object]) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(entry, timeout=0.1)
                return
            except queue.Full:
                continue

    def __iter__(self) -> Iterator[T]:
        while True:
            kind, value = self._queue.get()  # type: ignore[misc]
            if kind == "done":
                return
            if kind == "error":
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

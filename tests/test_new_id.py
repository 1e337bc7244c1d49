"""Record ids: random version-4 UUIDs, unique across threads and across a fork (the bytes
are read from the OS in blocks, per thread; a forked child reads its own)."""

from __future__ import annotations

import os
import threading
import uuid

import pytest

from desktop.core.models.base import new_id


def test_ids_are_version_4_uuids_and_never_repeat() -> None:
    ids = [new_id() for _ in range(5000)]  # several blocks of random bytes
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 and str(uuid.UUID(i)) == i for i in ids)


def test_threads_get_ids_of_their_own() -> None:
    made: list[list[str]] = [[] for _ in range(4)]

    def make(out: list[str]) -> None:
        out.extend(new_id() for _ in range(1000))

    threads = [threading.Thread(target=make, args=(out,)) for out in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [i for out in made for i in out]
    assert len(set(every)) == 4000


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")
def test_a_forked_child_does_not_repeat_its_parents_next_ids() -> None:
    new_id()  # the parent holds a block of random bytes now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next ids, then out
        os.write(write, ",".join(new_id() for _ in range(10)).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    with os.fdopen(read) as pipe:
        child = set(pipe.read().split(","))
    parent = {new_id() for _ in range(10)}
    assert len(child) == 10 and not child & parent

"""``settle_all``: before a database goes away, every job has run and every result that
starts another job has been delivered (a list's refresh starts its tinted-row count; left
queued, it ran in the next test against a dropped database: an unexpected-error box)."""

from __future__ import annotations

import time

from desktop.ui.tasks import TaskManager, settle_all


def test_a_result_that_starts_the_next_job_is_delivered_and_that_job_run(qtbot) -> None:
    tasks = TaskManager()
    ran: list[str] = []

    def second() -> None:
        time.sleep(0.05)
        ran.append("second")

    def first() -> str:
        time.sleep(0.05)
        ran.append("first")
        return "done"

    tasks.run_db(first, on_done=lambda _r: tasks.run_db(second))
    tasks.wait()  # the first job has ended, its result is still queued
    assert ran == ["first"]
    assert settle_all()
    assert ran == ["first", "second"] and tasks._running == 0

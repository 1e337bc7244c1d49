"""One background-work helper for the whole application.

Database work runs on a single serial worker (writes never race each other, and a
SQLite file sees one writer); network work runs on a small pool. Results come back to
the GUI thread through queued signals, so widgets are only ever touched there. A job
that runs longer than ~0.5 s gets a progress dialog with a Cancel button.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

# The one job protocol (also the sync's, import's and export's): a job handed ``token``
# polls ``token.cancelled`` / ``token.check()`` and reports through ``token.progress``.
from desktop.core.jobs import Cancelled, CancelToken

__all__ = ["PROGRESS_DELAY_MS", "CancelToken", "Cancelled", "DelayedProgress", "Task",
           "TaskManager", "TaskSignals"]

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500
PROGRESS_CHARS = 50  # the progress message's width, in average characters


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


def _wants_token(fn: Callable[..., Any]) -> bool:
    """A job receives the CancelToken when it names a parameter ``token``.

    An explicit name rather than a parameter count, so ``lambda n=n: ...`` keeps its
    default and a partial keeps its bound arguments.
    """
    try:
        return "token" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], token: CancelToken, signals: TaskSignals,
                 wants_token: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.token, self.signals, self.wants_token = fn, token, signals, wants_token

    def run(self) -> None:
        # The runnable is destroyed on this worker thread once run() returns. It must not
        # hold the last reference to anything Qt then: the job (whose closure may hold
        # widgets or models) and the signals are also held by the Task, which the GUI
        # thread deletes. Both are dropped here before the last emit, so the GUI thread
        # always releases them last (see ``Task._finish``).
        fn, token, signals = self.fn, self.token, self.signals
        self.fn = self.token = self.signals = None  # type: ignore[assignment]
        try:
            result = fn(token=token) if self.wants_token else fn()
        except Cancelled:
            signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, shown there
            log.debug("background job failed", exc_info=True)
            signals.failed.emit(exc)
        else:
            if token.cancelled:
                signals.cancelled.emit()
            else:
                signals.succeeded.emit(result)
            del result
        del fn
        signals.finished.emit()


class Task(QObject):
    """A submitted job; keep it to cancel it or to follow its signals."""

    def __init__(self, parent: QObject, label: str, fn: Callable[..., Any]) -> None:
        super().__init__(parent)
        self.label = label
        # A child of the task: deleted with it, on the GUI thread. A parentless signals
        # object was released by whichever thread dropped the last reference, sometimes
        # the worker while the GUI thread was delivering its queued signals (a segfault
        # under load, seen in the quick suite).
        self.signals = TaskSignals(self)
        self.token = CancelToken(self.signals.progress.emit)
        self.job: Callable[..., Any] | None = fn  # released here, on the GUI thread
        self.done = False
        self.after: list[Callable[[], None]] = []  # run once the job ended, however
        self.signals.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self.token.cancel()

    def _finish(self) -> None:
        """Everything that must happen once the job ended runs here, from ``after``.

        Other queued slots on ``finished`` were lost now and then in the long test run
        (the task's ``_finish`` ran and the task was deleted, but the manager's count and
        a second slot on the same emit never ran: "Bekerja…" stayed on and idle page
        building waited for ever; a progress dialog would have stayed open). This slot,
        the task's own and connected first, is the one that arrives; the manager's count
        and the progress dialog's close are ``after`` callbacks, each run even when
        another raised."""
        self.done = True
        self.job = None
        callbacks, self.after = self.after, []
        try:
            for callback in callbacks:
                try:
                    _unless_gone(lambda _none, c=callback: c())(None)
                except Exception as exc:  # shown; the rest still run
                    _report_error(exc)
        finally:
            self.deleteLater()


class TaskManager(QObject):
    """``run_db`` for database work (serial), ``run_report`` for read-only summaries that
    may take a while (the Beranda's figures, reminders: kept off the serial queue so a
    list opened meanwhile is not stuck behind them), ``run_net`` for the network."""

    busy_changed = Signal(bool)
    # every manager alive, for ``settle_all`` (a database about to go away)
    instances: weakref.WeakSet[TaskManager] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        TaskManager.instances.add(self)
        self.db_pool = QThreadPool(self)
        self.db_pool.setMaxThreadCount(1)
        self.report_pool = QThreadPool(self)
        self.report_pool.setMaxThreadCount(1)
        self.net_pool = QThreadPool(self)
        self.net_pool.setMaxThreadCount(4)
        self._running = 0

    @property
    def busy(self) -> bool:
        """A job is running or its result is still to be delivered."""
        return self._running > 0

    def run_db(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None,
               label: str = "", parent_widget: QWidget | None = None,
               cancellable: bool = False,
               on_finished: Callable[[], None] | None = None) -> Task:
        """``on_finished`` runs after the job whatever its end (done, failed, cancelled):
        connected before the job starts, so a quick job cannot finish unheard."""
        return self._submit(self.db_pool, fn, on_done, on_error, label, parent_widget,
                            cancellable, on_finished)

    def run_report(self, fn: Callable[..., Any], *,
                   on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[Exception], None] | None = None) -> Task:
        return self._submit(self.report_pool, fn, on_done, on_error, "", None, False)

    def run_net(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[Exception], None] | None = None,
                label: str = "", parent_widget: QWidget | None = None,
                cancellable: bool = True) -> Task:
        return self._submit(self.net_pool, fn, on_done, on_error, label, parent_widget,
                            cancellable)

    def _submit(self, pool: QThreadPool, fn: Callable[..., Any],
                on_done: Callable[[Any], None] | None,
                on_error: Callable[[Exception], None] | None, label: str,
                parent_widget: QWidget | None, cancellable: bool,
                on_finished: Callable[[], None] | None = None) -> Task:
        task = Task(self, label, fn)
        if on_done is not None:
            task.signals.succeeded.connect(_unless_gone(on_done),
                                           Qt.ConnectionType.QueuedConnection)
        if on_finished is not None:
            task.after.append(on_finished)
        task.signals.failed.connect(_unless_gone(on_error or _report_error),
                                    Qt.ConnectionType.QueuedConnection)
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        task.after.append(self._one_done)  # last: after the caller's on_finished
        if label:
            DelayedProgress(task, parent_widget, cancellable)
        pool.start(_Runnable(fn, task.token, task.signals, _wants_token(fn)))
        return task

    def _one_done(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """For shutdown and tests: wait until every submitted job has finished."""
        return (self.db_pool.waitForDone(msecs) and self.report_pool.waitForDone(msecs)
                and self.net_pool.waitForDone(msecs))


def settle_all(msecs: int = 10_000) -> bool:
    """Wait until no manager has a job running or a result still to deliver.

    ``wait()`` alone is not enough before a database goes away (the tests drop theirs;
    an office restores over one): a finished job's result is still queued for the GUI
    thread, and delivering it may start the next job (a list's refresh starts its tinted
    -row count). So deliver and wait in turns until everything is quiet.
    """
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + msecs / 1000
    while time.monotonic() < deadline:
        managers = list(TaskManager.instances)
        for manager in managers:
            manager.wait(max(1, int((deadline - time.monotonic()) * 1000)))
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        if not any(m.busy for m in managers):
            return True
    return False


# what PySide6 raises for a Qt object destroyed under its Python wrapper: a method called
# on it ("Internal C++ object (…) already deleted."), or one of its signals emitted (a
# list's model deleted with its page while its id query ran: CI run of 2026-12-06)
GONE_WORDS = ("already deleted", "Signal source has been deleted")


def _unless_gone(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """The callback, except when the widget it updates was destroyed meanwhile.

    A job outlives the window that asked for it (closed, or rebuilt in another
    language); its result has nobody to show it to. Only that case is passed over:
    every other error still reaches the error hook.
    """
    def deliver(value: Any) -> None:
        try:
            callback(value)
        except RuntimeError as error:
            if not any(words in str(error) for words in GONE_WORDS):
                raise
            log.debug("result of a background job for a closed window dropped: %s", error)
    return deliver


def _report_error(exc: Exception) -> None:
    from desktop.ui.errors import show_error

    show_error(exc)


class DelayedProgress(QObject):
    """Shows a progress dialog only if the job is still running after the delay."""

    def __init__(self, task: Task, parent_widget: QWidget | None, cancellable: bool) -> None:
        super().__init__(task)
        self.task = task
        self.parent_widget = parent_widget
        self.cancellable = cancellable
        self.dialog: QProgressDialog | None = None
        self.last: tuple[int, int, str] = (0, 0, "")
        task.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        task.after.append(self._close)  # see Task._finish
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show)

    def _show(self) -> None:
        if self.task.done or self.dialog is not None:
            return
        dialog = QProgressDialog(self.task.label, self.tr("Batal"), 0, 0, self.parent_widget)
        # a message naming a long dataset title wraps: on one line it made the dialog
        # 1400 px wide, past a laptop's screen
        label = QLabel(self.task.label, dialog)
        label.setWordWrap(True)
        label.setMinimumWidth(label.fontMetrics().averageCharWidth() * PROGRESS_CHARS)
        dialog.setLabel(label)
        dialog.setWindowTitle(self.task.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self.cancellable:
            dialog.canceled.connect(self.task.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        self._progress(*self.last)
        dialog.show()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.last = (done, total, message)
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if message:
            self.dialog.setLabelText(message)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

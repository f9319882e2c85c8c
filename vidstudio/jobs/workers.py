"""Background work: the app's named thread pools, made in one place and drained at quit.

Every piece of work that must not run on the UI thread goes through here:

- ``render``: one thread; render jobs (the encoder itself is a child process);
- ``publish``: one thread; publishes run one at a time, in order;
- ``network``: two threads; short calls a button starts (Copy link, Test connection,
  Find Lambda functions), so a slow check never waits behind an upload.

:func:`submit` runs ``work`` on a pool and hands its result to ``done`` on the thread
that called :func:`submit` (the UI thread), through a queued signal: the one way results
reach the UI.  With a ``context`` QObject, ``done`` is not called once the context has
been deleted (a Settings dialog closed before its check came back).  :func:`drain`
waits for every pool at quit; :func:`active_threads` lets tests see that nothing is
left running.

Why not qasync (asyncio on the Qt loop)?  Every network call here goes through
blocking libraries (boto3's transfer manager, supabase-py's sync client, botocore's
Lambda client), so an asyncio loop would still hand them to threads; the one thing it
would add is a second way of delivering results.  The UI stalls during a publish came
from the status updates (History asked SQLite per row on every progress tick, 141 ms a
tick with 500 videos), not from how the work is scheduled: ``bench/ui_publish.py``
measures that.  The dependency was dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

POOLS: dict[str, int] = {"render": 1, "publish": 1, "network": 2}

_pools: dict[str, QThreadPool] = {}
_lock = threading.Lock()


def pool(name: str) -> QThreadPool:
    """The named pool (made on first use; never parented, so it lives until :func:`drain`)."""
    with _lock:
        found = _pools.get(name)
        if found is None:
            found = QThreadPool()
            found.setObjectName(f"vidstudio-{name}")
            found.setMaxThreadCount(POOLS[name])
            # Idle threads end after 2 s: a closed dialog's check leaves no thread behind for long.
            found.setExpiryTimeout(2_000)
            _pools[name] = found
        return found


class _Relay(QObject):
    """Carries one result from a worker thread to the thread that made it.

    Its signals are connected to its own slots, so Qt queues them onto the relay's thread
    (the caller's) whatever thread emits them.
    """

    result = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        done: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None] | None,
        context: QObject | None,
    ) -> None:
        super().__init__()
        self._done, self._failed, self._context = done, failed, context
        self.result.connect(self._on_result)
        self.error.connect(self._on_error)

    @Slot(object)
    def _on_result(self, value: Any) -> None:
        self._deliver(self._done, value)

    @Slot(object)
    def _on_error(self, exc: Any) -> None:
        self._deliver(self._failed, exc)

    def _deliver(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        _in_flight.discard(self)
        self.deleteLater()
        context = self._context
        if callback is None or (context is not None and not shiboken6.isValid(context)):
            return
        callback(value)


_in_flight: set[_Relay] = set()


def submit(
    name: str,
    work: Callable[[], Any],
    done: Callable[[Any], None] | None = None,
    *,
    context: QObject | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``work()`` on pool ``name``; then ``done(result)`` (or ``failed(exc)``) on this thread."""
    relay = _Relay(done, failed, context)
    _in_flight.add(relay)  # kept alive until delivered

    def run() -> None:
        try:
            value = work()
        except BaseException as exc:  # a worker must never die silently
            log.error("background work on %s failed: %s", name, type(exc).__name__, exc_info=exc)
            with contextlib.suppress(RuntimeError):  # the app is quitting
                relay.error.emit(exc)
            return
        with contextlib.suppress(RuntimeError):
            relay.result.emit(value)

    pool(name).start(run)


def start(name: str, work: Callable[[], None]) -> None:
    """Run ``work()`` on pool ``name`` with no result (it reports through its own signals)."""
    pool(name).start(work)


def drain(timeout_ms: int = 10_000) -> bool:
    """Drop queued work and wait for what is running, in every pool: call at quit."""
    with _lock:
        pools = list(_pools.values())
    for each in pools:
        each.clear()
    return all(each.waitForDone(timeout_ms) for each in pools)


def active_threads() -> int:
    """Threads running work now, in every pool."""
    with _lock:
        return sum(each.activeThreadCount() for each in _pools.values())

"""The one publish lifecycle of the desktop app: a queue that publishes, and the status it shows.

- :class:`PublishQueue` runs :func:`~vidstudio.jobs.publish.publish` for one render at a
  time on the ``publish`` worker pool, resumes what a quit or crash interrupted, and
  retries failures worth retrying.
- The :class:`~vidstudio.jobs.outbox.PublishOutbox` is the one record of publishing:
  every step's result is committed there first.
- :class:`PublishBoard` is what the window observes: every render's publishing status in
  memory (read from the outbox once, then kept up to date by the worker), so the result
  card and a History of 500 videos never ask SQLite on the UI thread.  Its ``changed``
  signal fires at most every :data:`BOARD_INTERVAL_MS` with the render ids that moved:
  a 12 MiB upload reports ~50 progress ticks, and each used to redraw History with a
  query per row (141 ms a tick with 500 videos).

Nothing here imports QtWidgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from vidstudio.cloud.errors import PublishError
from vidstudio.jobs import workers
from vidstudio.jobs.outbox import OutboxEntry, PublishOutbox, PublishRequest
from vidstudio.jobs.publish import (
    CloudClients,
    PublishProgress,
    RetryPolicy,
    clients_from_settings,
    missing_media,
    publish,
)
from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, message, unexpected
from vidstudio.render.pipeline import CancelToken

log = logging.getLogger(__name__)

ClientsFactory = Callable[[], CloudClients]
BOARD_INTERVAL_MS = 100  # ≤ 10 status updates a second reach the UI

VIDEO_GONE = QT_TRANSLATE_NOOP("Message", "The video {name} is no longer on this computer. Render it again.")


@dataclass(frozen=True)
class PublishStatus:
    """What the result card and History show about one render's publishing.

    ``state``: "none" (never published), "waiting", "uploading", "retrying", "published"
    or "failed"; ``error`` says why it failed, or, while retrying, what went wrong;
    ``retry_in`` the seconds until the next try.
    """

    state: str = "none"
    fraction: float = 0.0
    error: Message | None = None
    retry_in: float | None = None

    @classmethod
    def of(cls, entry: OutboxEntry) -> PublishStatus:
        if entry.state == "published":
            return cls("published", 1.0)
        if entry.state == "failed":
            return cls("failed", error=entry.error)
        return cls("waiting")  # waiting or uploading when read: resumed at start


class PublishBoard(QObject):
    """Every render's :class:`PublishStatus`, in memory.  Thread-safe: the publish worker
    writes, the UI reads.

    Signals:
        changed(render_ids: list): statuses moved; emitted on the board's (UI) thread, at
            most every ``interval_ms``.
    """

    changed = Signal(list)
    _wake = Signal()

    def __init__(self, interval_ms: int = BOARD_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._status: dict[str, PublishStatus] = {}
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._wake.connect(self._arm)  # queued from worker threads onto the board's thread

    def load(self, entries: list[OutboxEntry]) -> None:
        """Take what the outbox says (at start); live statuses already set win."""
        with self._lock:
            for entry in entries:
                self._status.setdefault(entry.render_id, PublishStatus.of(entry))
                self._dirty.add(entry.render_id)
        self._wake.emit()

    def get(self, render_id: str) -> PublishStatus:
        with self._lock:
            return self._status.get(render_id, PublishStatus())

    def set(self, render_id: str, status: PublishStatus) -> None:
        """Record ``status`` (any thread); the UI hears of it within ``interval_ms``."""
        with self._lock:
            if self._status.get(render_id) == status:
                return
            self._status[render_id] = status
            first = not self._dirty
            self._dirty.add(render_id)
        if first:
            self._wake.emit()

    @Slot()
    def _arm(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            ids, self._dirty = sorted(self._dirty), set()
        if ids:
            self.changed.emit(ids)


class _PublishSignals(QObject):
    """How a publish ends, for one job or the whole queue.

    Signals:
        finished(render_id: str, video_url: str)
        failed(render_id: str, message: object): a :class:`~vidstudio.messages.Message`
    """

    finished = Signal(str, str)
    failed = Signal(str, object)


class PublishJob(_PublishSignals):
    """Publishes one render (DESIGN.md 8.2: ``prepare``, ``cancel``, typed signals ``finished``
    and ``failed``)."""

    def __init__(
        self,
        request: PublishRequest,
        clients_factory: ClientsFactory,
        store: PublishOutbox,
        board: PublishBoard,
        policy: RetryPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.render_id = request.render_id
        self._clients_factory = clients_factory
        self._store = store
        self._board = board
        self._policy = policy
        self._cancel = CancelToken()

    def prepare(self) -> Message | None:
        """Why this job cannot start, or None when it can: the video, or a photo or clip not
        uploaded yet, gone from disk (those already uploaded are not needed again)."""
        video = Path(self.request.video)
        if not video.is_file():
            return message(VIDEO_GONE, Kind.FILE_MISSING, name=video.name)
        entry = self._store.get(self.render_id)
        gone = missing_media(entry.request if entry else self.request, entry.step if entry else "video")
        return gone.sentence if gone is not None else None

    def cancel(self) -> None:
        self._cancel.cancel()

    def run(self) -> None:
        """Publish (blocking): runs on the ``publish`` pool."""

        def report(p: PublishProgress) -> None:
            if p.step == "published":
                status = PublishStatus("published", 1.0)
            elif p.error is not None:
                status = PublishStatus("retrying", p.fraction, p.error.sentence, p.retry_in)
            else:
                status = PublishStatus("uploading", p.fraction)
            self._board.set(self.render_id, status)

        clients: CloudClients | None = None
        url: str | None = None
        try:
            clients = self._clients_factory()
            url = publish(
                self.request, clients, self._store, report, self._cancel, policy=self._policy
            ).video_url
            status = PublishStatus("published", 1.0)
        except PublishError as exc:
            if clients is None:  # not set up, or settings unusable: History shows the reason
                self._store.add(self.request)
                self._store.set_state(self.render_id, "failed", error=exc.sentence)
            status = PublishStatus("failed", error=exc.sentence)
        except Exception as exc:  # never let a worker die silently
            log.error("publish job %s crashed: %s", self.render_id, type(exc).__name__)
            status = PublishStatus("failed", error=unexpected())
        finally:
            if clients is not None:
                clients.close()  # before anyone hears the end: nothing is left open then
        self._board.set(self.render_id, status)
        if url is not None:
            self.finished.emit(self.render_id, url)
        else:
            assert status.error is not None
            self.failed.emit(self.render_id, status.error)


class PublishQueue(_PublishSignals):
    """Runs publishes one at a time, resumes unfinished ones and retries failed ones; its
    ``finished`` and ``failed`` repeat each job's."""

    def __init__(
        self,
        store: PublishOutbox | None = None,
        clients_factory: ClientsFactory = clients_from_settings,
        *,
        policy: RetryPolicy | None = None,
        retry_check_ms: int = 30_000,
        board: PublishBoard | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store or PublishOutbox()
        self.board = board or PublishBoard(parent=self)
        self._clients_factory = clients_factory
        self._policy = policy
        self._jobs: dict[str, PublishJob] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(retry_check_ms)
        self._timer.timeout.connect(self.retry_due)
        self._timer.start()

    def is_active(self, render_id: str) -> bool:
        return render_id in self._jobs

    def submit(self, request: PublishRequest) -> PublishJob | None:
        """Queue ``request``; None when it is already queued (or cannot start: ``failed``)."""
        if request.render_id in self._jobs:
            return None
        job = PublishJob(request, self._clients_factory, self.store, self.board, self._policy, self)
        problem = job.prepare()
        self.store.add(request)
        if problem is not None:
            self.store.set_state(request.render_id, "failed", error=problem)
            self.board.set(request.render_id, PublishStatus("failed", error=problem))
            self.failed.emit(request.render_id, problem)
            job.deleteLater()
            return None
        self.board.set(request.render_id, PublishStatus("waiting"))
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self._jobs[request.render_id] = job
        workers.start("publish", job.run)
        return job

    def retry(self, render_id: str) -> PublishJob | None:
        """The user's Retry button: run again from the step that failed."""
        entry = self.store.get(render_id)
        if entry is None or entry.published:
            return None
        return self.submit(entry.request)

    def retry_due(self) -> int:
        """Start every interrupted publish and every failed one whose retry time has come."""
        started = 0
        for entry in self.store.due(time.time()):
            if self.submit(entry.request) is not None:
                started += 1
        return started

    def cancel(self, render_id: str) -> None:
        job = self._jobs.get(render_id)
        if job is not None:
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything and wait for the worker: call at quit.  What was under way is
        put back to ``waiting``, so the next start resumes it."""
        self._timer.stop()
        active = list(self._jobs)
        for job in self._jobs.values():
            job.cancel()
        workers.pool("publish").clear()
        done = bool(workers.pool("publish").waitForDone(timeout_ms))
        for render_id in active:
            entry = self.store.get(render_id)
            if entry is not None and not entry.published:
                self.store.set_state(render_id, "waiting")
        return done

    def _forget(self, render_id: str) -> None:
        job = self._jobs.pop(render_id, None)
        if job is not None:
            job.deleteLater()

    def _on_finished(self, render_id: str, url: str) -> None:
        self._forget(render_id)
        self.finished.emit(render_id, url)

    def _on_failed(self, render_id: str, error: Message) -> None:
        self._forget(render_id)
        self.failed.emit(render_id, error)

"""Qt side of publishing: a job per render, a queue that retries, connection checks.

Work runs in named single-thread pools; results reach the UI only through
signals (queued across threads).  Nothing here imports QtWidgets.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from vidstudio.cloud.errors import PublishCancelled, PublishError
from vidstudio.cloud.factory import CloudClients
from vidstudio.cloud.settings import PublishSettings, Secrets
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import UNEXPECTED, PublishProgress, RetryPolicy, publish

log = logging.getLogger(__name__)

ClientsFactory = Callable[[], CloudClients]


def _translated(error: PublishError) -> str:
    """``error``'s sentence in the UI language (English when no translation is installed)."""
    return error.translated(QCoreApplication.translate)


class CancelFlag:
    """A cancel token for :func:`publish`: cancelled once set, and waits wake up at once."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


def default_clients() -> CloudClients:
    """Clients from the settings file and the keyring (call it off the UI thread)."""
    from vidstudio.cloud.factory import make_clients
    from vidstudio.cloud.settings import load_secrets, load_settings

    return make_clients(load_settings(), load_secrets())


class PublishJob(QObject):
    """Publishes one render.

    Signals:
        progress(render_id: str, fraction: float, step: str, message: str)
        finished(render_id: str, video_url: str)
        failed(render_id: str, message: str, retryable: bool)
    """

    progress = Signal(str, float, str, str)
    finished = Signal(str, str)
    failed = Signal(str, str, bool)

    def __init__(
        self,
        request: PublishRequest,
        clients_factory: ClientsFactory,
        store: PublishOutbox,
        policy: RetryPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.render_id = request.render_id
        self._clients_factory = clients_factory
        self._store = store
        self._policy = policy
        self._cancel = CancelFlag()

    def prepare(self) -> str | None:
        """A message saying why this job cannot start, or None when it can."""
        video, photo = Path(self.request.video), Path(self.request.photo)
        if not video.is_file():
            return self.tr("The video {0} is no longer on this computer. Render it again.").format(
                video.name
            )
        if not photo.is_file():
            return self.tr("The photo {0} is no longer on this computer. Render it again.").format(
                photo.name
            )
        return None

    def cancel(self) -> None:
        self._cancel.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancel.cancelled

    def run(self) -> None:
        """Publish (blocking): call in a worker thread."""

        def report(p: PublishProgress) -> None:
            message = p.message
            if p.error is not None and p.retry_in is not None:
                message = self.tr("{0} Trying again in {1} s.").format(
                    _translated(p.error), round(p.retry_in)
                )
            elif p.step == "published":
                message = self.tr("Published.")
            self.progress.emit(p.render_id, p.fraction, p.step, message)

        clients: CloudClients | None = None
        try:
            clients = self._clients_factory()
            result = publish(
                self.request, clients, self._store, report, self._cancel, policy=self._policy
            )
        except PublishCancelled as exc:
            self.failed.emit(self.render_id, _translated(exc), False)
        except PublishError as exc:
            if clients is None:  # settings incomplete: record it so history shows the reason
                self._store.add(self.request)
                self._store.set_state(self.render_id, "failed", error=exc.message, kind=exc.kind)
            self.failed.emit(self.render_id, _translated(exc), exc.retryable)
        except Exception as exc:  # never let a worker die silently
            log.error("publish job %s crashed: %s", self.render_id, type(exc).__name__)
            error = PublishError(UNEXPECTED, "failed", error=type(exc).__name__)
            self.failed.emit(self.render_id, _translated(error), False)
        else:
            self.finished.emit(self.render_id, result.video_url)
        finally:
            if clients is not None:
                clients.close()


class PublishQueue(QObject):
    """Runs publishes one at a time, resumes unfinished ones and retries failed ones.

    Signals:
        progress(render_id: str, fraction: float, step: str, message: str)
        finished(render_id: str, video_url: str)
        failed(render_id: str, message: str, retryable: bool)
    """

    progress = Signal(str, float, str, str)
    finished = Signal(str, str)
    failed = Signal(str, str, bool)

    def __init__(
        self,
        store: PublishOutbox | None = None,
        clients_factory: ClientsFactory = default_clients,
        *,
        policy: RetryPolicy | None = None,
        retry_check_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store or PublishOutbox()
        self._clients_factory = clients_factory
        self._policy = policy
        self._pool = QThreadPool(self)
        self._pool.setObjectName("vidstudio-publish")
        self._pool.setMaxThreadCount(1)
        self._jobs: dict[str, PublishJob] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(retry_check_ms)
        self._timer.timeout.connect(self.retry_due)
        self._timer.start()

    def is_active(self, render_id: str) -> bool:
        return render_id in self._jobs

    def submit(self, request: PublishRequest) -> PublishJob | None:
        """Queue ``request``; None when it is already queued (or cannot start, see ``failed``)."""
        if request.render_id in self._jobs:
            return None
        job = PublishJob(request, self._clients_factory, self.store, self._policy, self)
        problem = job.prepare()
        if problem is not None:
            self.store.add(request)
            self.store.set_state(request.render_id, "failed", error=problem, kind="file_missing")
            self.failed.emit(request.render_id, problem, False)
            job.deleteLater()
            return None
        self.store.add(request)
        job.progress.connect(self.progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self._jobs[request.render_id] = job
        self._pool.start(job.run)
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
        """Cancel everything and wait for the worker: call at quit."""
        self._timer.stop()
        for job in self._jobs.values():
            job.cancel()
        self._pool.clear()
        return bool(self._pool.waitForDone(timeout_ms))

    def _forget(self, render_id: str) -> None:
        job = self._jobs.pop(render_id, None)
        if job is not None:
            job.deleteLater()

    def _on_finished(self, render_id: str, url: str) -> None:
        self._forget(render_id)
        self.finished.emit(render_id, url)

    def _on_failed(self, render_id: str, message: str, retryable: bool) -> None:
        self._forget(render_id)
        self.failed.emit(render_id, message, retryable)


class ConnectionCheck(QObject):
    """Runs a "Test connection" off the UI thread.

    Signals:
        done(service: str, ok: bool, message: str)  -- service is "s3" or "supabase"
    """

    done = Signal(str, bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setObjectName("vidstudio-connection-check")
        self._pool.setMaxThreadCount(2)

    def start(self, service: str, settings: PublishSettings, typed: Secrets) -> None:
        """Check ``service`` with ``settings``; secrets typed in the form win over stored ones."""
        if service not in ("s3", "supabase"):
            raise ValueError(service)

        def work() -> None:
            from vidstudio.cloud.factory import check_s3, check_supabase
            from vidstudio.cloud.settings import load_secrets

            try:
                stored = load_secrets()
            except PublishError as exc:
                if not (typed.supabase_key or typed.aws_secret_access_key):
                    self.done.emit(service, False, _translated(exc))
                    return
                stored = Secrets()
            secrets = Secrets(
                aws_access_key_id=typed.aws_access_key_id or stored.aws_access_key_id,
                aws_secret_access_key=typed.aws_secret_access_key or stored.aws_secret_access_key,
                supabase_key=typed.supabase_key or stored.supabase_key,
            )
            check = check_s3 if service == "s3" else check_supabase
            result = check(settings, secrets)
            self.done.emit(
                service, result.ok, result.sentence.translated(QCoreApplication.translate)
            )

        self._pool.start(work)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

"""Run render jobs in a worker thread and report through Qt signals.

:class:`RenderJob` follows a fixed contract (DESIGN.md section 8.2): a QObject
with typed signals ``progress``, ``finished`` and ``failed``; ``prepare()``
checks everything it can up front and returns a message for the user instead
of starting; ``cancel()`` asks the worker to stop (honoured within a frame).

:class:`JobQueue` runs queued jobs one at a time on a named, single-thread
``QThreadPool`` and persists every state change in the :class:`JobStore`.  The
worker thread writes the final state to the store itself (so a quit during a
render loses nothing) and hands results to the UI only through signals.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage

from vidstudio.jobs import workers
from vidstudio.jobs.backends import make_backend
from vidstudio.jobs.publish import poster_dir, request_for_render
from vidstudio.jobs.store import Job, JobState, JobStore, new_job_id
from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, UserError, message, unexpected
from vidstudio.render.backends import BackendResult, RenderBackend, RenderRequest
from vidstudio.render.errors import CANCELLED, Cancelled, RenderError
from vidstudio.render.media import check_media
from vidstudio.render.paint import validate_props
from vidstudio.render.pipeline import CancelToken, Progress, canvas_size
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, Template, get_template

log = logging.getLogger(__name__)

# Called in the render worker with the size the local renderer should use (tests render small).
BackendFactory = Callable[[QSize], RenderBackend]


def saved_settings_backend(size: QSize) -> RenderBackend:
    """The backend the saved "Render on" setting asks for (read now: a change applies to the
    next render)."""
    from vidstudio.settings import load_settings

    settings = load_settings()
    return make_backend(settings.render.policy, size=size, settings=settings)


POSTER_WIDTH = 480
PROGRESS_INTERVAL = 0.1  # seconds between progress reports to the UI

# Share of the progress bar each stage ends at; the fraction only ever grows.
_RENDER_SHARE = 0.98
_FINISH_SHARE = 0.99


@dataclass(frozen=True)
class RenderProgress:
    """What the UI shows while a job renders.  ``fraction`` strictly increases per job."""

    job_id: str
    stage: str  # preparing | rendering | finishing | done
    done: int
    total: int
    fraction: float
    elapsed: float
    eta: float | None
    thumbnail: QImage | None = None
    message: Message | None = None  # the backend's line, e.g. "Lambda is busy …: rendering on this computer"


TemplateLookup = Callable[[str], Template]


def slugify(text: str, fallback: str = "video") -> str:
    """A file-name-safe slug: ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return slug[:60].strip("-") or fallback


def unique_output_path(directory: Path, title: str, aspect: str) -> Path:
    """``<slug>-<aspect>.mp4`` in ``directory``, numbered when the name is taken."""
    base = f"{slugify(title)}-{aspect.replace(':', 'x')}"
    candidate = directory / f"{base}.mp4"
    number = 2
    while candidate.exists():
        candidate = directory / f"{base}-{number}.mp4"
        number += 1
    return candidate


NO_TEMPLATE = QT_TRANSLATE_NOOP("Message", "The template is missing; choose another template.")
NO_VERSION = QT_TRANSLATE_NOOP("Message", "The template {template} has no {aspect} version.")
NO_PHOTO = QT_TRANSLATE_NOOP("Message", "Add a photo first.")
PHOTO_GONE = QT_TRANSLATE_NOOP("Message", "The photo {name} is no longer there; add it again.")
CLIP_GONE = QT_TRANSLATE_NOOP("Message", "The clip {name} is no longer there; add it again.")
MUSIC_GONE = QT_TRANSLATE_NOOP("Message", "The music file {name} is no longer there; choose it again.")
NO_FOLDER = QT_TRANSLATE_NOOP("Message", "The folder {folder} does not exist; choose another output folder.")
READ_ONLY_FOLDER = QT_TRANSLATE_NOOP(
    "Message", "vidstudio cannot save in {folder}; choose another output folder."
)
REMOVED = QT_TRANSLATE_NOOP("Message", "Removed from the queue.")


def check_request(template: Template | None, aspect: str, props: Props, output_dir: Path) -> Message | None:
    """Everything that can be checked before a render starts; a user message or None."""
    if template is None:
        return message(NO_TEMPLATE, Kind.TEMPLATE)
    if aspect not in ASPECTS or aspect not in template.aspects:
        return message(NO_VERSION, Kind.BAD_INPUT, template=template.display_name(), aspect=aspect)
    if not props.media:
        return message(NO_PHOTO, Kind.BAD_INPUT)
    # A file removed between the preview and the render: said plainly, before anything starts.
    for item in props.media:
        if not item.path.exists():
            return message(
                CLIP_GONE if item.kind == "clip" else PHOTO_GONE, Kind.FILE_MISSING, name=item.path.name
            )
    if props.music is not None and not props.music.path.exists():
        return message(MUSIC_GONE, Kind.FILE_MISSING, name=props.music.path.name)
    try:
        validate_props(props)
        check_media(props)
    except RenderError as exc:
        return exc.sentence
    if not output_dir.is_dir():
        return message(NO_FOLDER, Kind.OUTPUT, folder=output_dir)
    if not os.access(output_dir, os.W_OK):
        return message(READ_ONLY_FOLDER, Kind.OUTPUT, folder=output_dir)
    return None


class _Signals(QObject):
    """Carries the worker's reports to the UI thread (queued connections)."""

    progress = Signal(object)  # vidstudio.render.pipeline.Progress
    result = Signal(object)  # Job, in its final state


class _RenderTask(QRunnable):
    def __init__(
        self,
        store: JobStore,
        job: Job,
        template: Template,
        token: CancelToken,
        signals: _Signals,
        size: QSize,
        backend_factory: BackendFactory = saved_settings_backend,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._store = store
        self._job = job
        self._template = template
        self._token = token
        self._signals = signals
        self._size = size
        self._backend_factory = backend_factory
        self._last_message: Message | None = None
        self._last_stage = ""
        self._last_sent = 0.0
        self._thumbnail: QImage | None = None

    def run(self) -> None:
        job = self._job
        props = Props.from_json(job.props)
        assert job.output_path is not None
        output = Path(job.output_path)
        try:
            backend = self._backend_factory(self._size)
        except UserError as exc:
            self._signals.result.emit(self._finish(JobState.FAILED, error=exc.sentence))
            return
        try:
            request = RenderRequest(self._template, props, output, aspect=job.aspect, quality=job.quality)
            problem = backend.prepare(request)
            if problem is not None:
                raise RenderError(problem)
            result = backend.render(request, self._report, self._token)
        except Cancelled:
            final = self._finish(JobState.CANCELLED, error=message(CANCELLED, Kind.CANCELLED))
        except UserError as exc:
            final = self._finish(JobState.FAILED, error=exc.sentence)
        except Exception as exc:  # a bug: still a plain line for the user, never a traceback
            log.error("render %s crashed", job.id, exc_info=exc)
            final = self._finish(JobState.FAILED, error=unexpected())
        else:
            final = self._finish_rendered(props, result)
        finally:
            backend.close()
        self._signals.result.emit(final)

    def _report(self, report: Progress) -> None:
        """Forward progress at most every PROGRESS_INTERVAL (stage changes always).

        Every report wakes the UI thread, which then competes with this thread
        for the GIL; a few a second keep the progress bar smooth and the UI free.
        """
        time.sleep(0)  # between frames: let a waiting UI thread take the GIL now
        now = time.perf_counter()
        if report.thumbnail is not None:
            self._thumbnail = report.thumbnail
        changed = report.stage != self._last_stage or report.message != self._last_message
        if not changed and now - self._last_sent < PROGRESS_INTERVAL:
            return
        if report.thumbnail is None and self._thumbnail is not None:
            report = replace(report, thumbnail=self._thumbnail)
        self._thumbnail = None
        self._last_stage = report.stage
        self._last_message = report.message
        self._last_sent = now
        self._signals.progress.emit(report)

    def _finish(self, state: JobState, **fields: Any) -> Job:
        return self._store.transition(self._job.id, state, finished_at=time.time(), **fields)

    def _finish_rendered(self, props: Props, outcome: BackendResult) -> Job:
        result = outcome.render
        extra = dict(self._job.extra)
        extra["backend"] = outcome.backend
        if outcome.cost is not None:
            extra["cost"] = outcome.cost
            extra["currency"] = outcome.currency
        if outcome.fallback_reason:
            extra["fallback"] = outcome.fallback_reason.to_json()
        poster: Path | None = None
        try:  # ready to publish: the request with its full-size poster, made here off the UI thread
            request = request_for_render(
                self._template, props, self._job.aspect, outcome, render_id=self._job.id
            )
            extra["publish_request"] = json.loads(request.to_json())
            assert request.poster is not None
            poster = history_thumbnail(Path(request.poster), poster_dir() / f"{self._job.id}.jpg")
        except Exception as exc:  # publishing then builds the request again; History shows no poster
            log.warning("no poster for %s: %s", self._job.id, type(exc).__name__)
        return self._finish(
            JobState.RENDERED,
            output_path=str(result.path),
            poster_path=str(poster) if poster else None,
            wall_time=result.wall_time,
            duration=result.duration,
            size_bytes=result.size_bytes,
            width=result.width,
            height=result.height,
            error=None,
            extra=extra,
        )


def history_thumbnail(poster: Path, target: Path) -> Path:
    """History's small poster, scaled from the full-size one (not painted a second time)."""
    image = QImage(str(poster))
    if image.isNull():
        raise OSError(f"cannot read {poster.name}")
    small = image.scaledToWidth(POSTER_WIDTH, Qt.TransformationMode.SmoothTransformation)
    temp = target.with_name(f".{target.name}.part")
    if not small.save(str(temp), "JPEG", 88):  # type: ignore[call-overload]
        raise OSError(f"cannot write {target.name}")
    os.replace(temp, target)
    return target


class RenderJob(QObject):
    """One render in a worker thread.

    Signals:
        progress(RenderProgress): while rendering; ``fraction`` strictly increases.
        finished(Job): the video is written; the job is ``rendered``.
        failed(Job): the job ended ``failed`` (``job.error`` says why) or ``cancelled``.
    """

    progress = Signal(RenderProgress)
    finished = Signal(Job)
    failed = Signal(Job)

    def __init__(
        self,
        store: JobStore,
        job: Job,
        *,
        templates: TemplateLookup = get_template,
        scale: float = 1.0,
        backend_factory: BackendFactory = saved_settings_backend,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.job = job
        self._backend_factory = backend_factory
        self._message: Message | None = None
        self._templates = templates
        self._scale = scale
        self._token = CancelToken()
        self._template: Template | None = None
        self._last_fraction = -1.0
        self._pending_thumbnail: QImage | None = None
        self._task: _RenderTask | None = None
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self.running = False

    def prepare(self) -> Message | None:
        """Check the job can run; a plain message for the user when it cannot."""
        try:
            self._template = self._templates(self.job.template)
        except RenderError as exc:
            return exc.sentence
        return check_request(
            self._template,
            self.job.aspect,
            Props.from_json(self.job.props),
            Path(self.job.output_dir),
        )

    def _size(self) -> QSize:
        full = canvas_size(self.job.aspect)
        if self._scale == 1.0:
            return full

        def even(value: int) -> int:
            return max(16, round(value * self._scale / 2) * 2)

        return QSize(even(full.width()), even(full.height()))

    def start(self, pool: QThreadPool) -> None:
        """Mark the job rendering and run it on ``pool``.  Call :meth:`prepare` first."""
        if self._template is None:
            raise RuntimeError("prepare() must succeed before start()")
        output = unique_output_path(Path(self.job.output_dir), self.job.title, self.job.aspect)
        self.job = self.store.transition(
            self.job.id, JobState.RENDERING, started_at=time.time(), output_path=str(output)
        )
        self.running = True
        self._task = _RenderTask(
            self.store,
            self.job,
            self._template,
            self._token,
            self._signals,
            self._size(),
            self._backend_factory,
        )
        pool.start(self._task)

    def cancel(self) -> None:
        """Ask the worker to stop; ``failed`` follows with the job ``cancelled``."""
        self._token.cancel()

    @Slot(object)
    def _on_progress(self, report: Progress) -> None:
        if not self.running:
            return
        if report.stage == "done":
            fraction = 1.0
        elif report.stage == "finishing":
            fraction = _FINISH_SHARE
        elif report.stage == "rendering" and report.total:
            fraction = _RENDER_SHARE * report.done / report.total
        else:
            fraction = 0.0
        thumbnail = report.thumbnail or self._pending_thumbnail
        if report.message:  # kept until the backend says something else
            self._message = report.message
        if fraction <= self._last_fraction:
            self._pending_thumbnail = thumbnail  # shown with the next report
            return
        self._last_fraction = fraction
        self._pending_thumbnail = None
        self.progress.emit(
            RenderProgress(
                job_id=self.job.id,
                stage=report.stage,
                done=report.done,
                total=report.total,
                fraction=fraction,
                elapsed=report.elapsed,
                eta=report.eta,
                thumbnail=thumbnail,
                message=self._message,
            )
        )

    @Slot(object)
    def _on_result(self, job: Job) -> None:
        self.running = False
        self.job = job
        if job.state is JobState.RENDERED:
            self.finished.emit(job)
        else:
            self.failed.emit(job)


class JobQueue(QObject):
    """Queued renders, run one at a time.

    Signals:
        job_added(Job): a job joined the queue.
        job_changed(Job): a job's state changed (started, removed, finished, failed).
        progress(RenderProgress): the running job's progress.
        job_finished(Job): a job rendered.
        job_failed(Job): a job failed or was cancelled.
        idle(): nothing is running and nothing is queued.
    """

    job_added = Signal(Job)
    job_changed = Signal(Job)
    progress = Signal(RenderProgress)
    job_finished = Signal(Job)
    job_failed = Signal(Job)
    idle = Signal()

    def __init__(
        self,
        store: JobStore,
        *,
        templates_dir: Path | None = None,
        scale: float = 1.0,
        backend_factory: BackendFactory = saved_settings_backend,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.templates_dir = templates_dir
        self.scale = scale
        self.backend_factory = backend_factory
        self.pool = workers.pool("render")
        self.current: RenderJob | None = None
        self._paused = False

    def template(self, template_id: str) -> Template:
        return get_template(template_id, self.templates_dir)

    @property
    def busy(self) -> bool:
        return self.current is not None

    @property
    def stopped(self) -> bool:
        """True after :meth:`shutdown`: nothing runs or starts any more."""
        return self._paused

    def submit(
        self,
        template: str,
        aspect: str,
        quality: str,
        props: Props,
        output_dir: Path,
        extra: dict[str, Any] | None = None,
    ) -> Job | Message:
        """Queue a render; returns the job, or a message when it cannot be queued.  ``extra`` is
        stored with the job and kept when it ends (the platform it is meant for)."""
        try:
            found: Template | None = self.template(template)
        except RenderError:
            found = None
        problem = check_request(found, aspect, props, output_dir)
        if problem is not None:
            return problem
        job = self.store.add(
            Job(
                id=new_job_id(),
                template=template,
                aspect=aspect,
                quality=quality,
                props=props.to_json(),
                output_dir=str(output_dir),
                extra=dict(extra or {}),
            )
        )
        self.job_added.emit(job)
        self._run_next()
        return job

    def resume(self) -> None:
        """Start queued jobs left from an earlier session."""
        self._run_next()

    def remove(self, job_id: str) -> bool:
        """Take a queued (not yet running) job out of the queue."""
        job = self.store.get(job_id)
        if job is None or job.state is not JobState.QUEUED:
            return False
        job = self.store.transition(
            job_id, JobState.CANCELLED, error=message(REMOVED, Kind.CANCELLED), finished_at=time.time()
        )
        self.job_changed.emit(job)
        return True

    def cancel_current(self) -> None:
        if self.current is not None:
            self.current.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything (queued jobs too) and wait for the worker; True when it stopped."""
        self._paused = True
        for job in self.store.queued():
            self.remove(job.id)
        self.cancel_current()
        stopped = self.pool.waitForDone(timeout_ms)
        return bool(stopped)

    def _run_next(self) -> None:
        while self.current is None and not self._paused:
            waiting = self.store.queued()
            if not waiting:
                self.idle.emit()
                return
            job = waiting[0]
            runner = RenderJob(
                self.store,
                job,
                templates=self.template,
                scale=self.scale,
                backend_factory=self.backend_factory,
                parent=self,
            )
            problem = runner.prepare()
            if problem is not None:
                failed = self.store.transition(
                    job.id, JobState.FAILED, error=problem, finished_at=time.time()
                )
                runner.deleteLater()
                self.job_changed.emit(failed)
                self.job_failed.emit(failed)
                continue
            runner.progress.connect(self.progress)
            runner.finished.connect(self._on_done)
            runner.failed.connect(self._on_done)
            self.current = runner
            runner.start(self.pool)
            self.job_changed.emit(runner.job)

    @Slot(Job)
    def _on_done(self, job: Job) -> None:
        runner = self.current
        self.current = None
        if runner is not None:
            runner.deleteLater()
        self.job_changed.emit(job)
        if job.state is JobState.RENDERED:
            self.job_finished.emit(job)
        else:
            self.job_failed.emit(job)
        with contextlib.suppress(RuntimeError):  # the queue may be gone at quit
            self._run_next()

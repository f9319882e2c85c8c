"""From a finished render to a :class:`PublishRequest`: shared by the CLI and the desktop app.

The poster JPEG is drawn with :func:`render_still` at the video's size (the same
picture as the template's poster frame), so publishing never has to cut one from
the video.  Needs a QGuiApplication (fonts); call it off the UI thread in the app.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from vidstudio import __version__, paths
from vidstudio.jobs.outbox import OutboxEntry, PublishRequest
from vidstudio.jobs.store import Job
from vidstudio.render.paint import Props
from vidstudio.render.pipeline import RenderResult, render_still
from vidstudio.render.template import Template


def publish_poster_path(render_id: str, name: str | None = None) -> Path:
    folder = paths.data_dir() / "posters"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / (name or f"{render_id}.jpg")


def request_for_render(
    template: Template,
    props: Props,
    aspect: str,
    result: RenderResult,
    *,
    render_id: str,
    poster_name: str | None = None,
    backend: str = "local",
    cost_estimate: float | None = None,
) -> PublishRequest:
    """The publish request for ``result``, with a full-size poster JPEG rendered now.

    ``backend`` is where the video was really rendered ("lambda" or "local");
    ``cost_estimate`` the Lambda cost (None for local renders).
    """
    if props.photo is None:
        raise ValueError("a render without a photo cannot be published")
    poster = render_still(template, props, publish_poster_path(render_id, poster_name), aspect=aspect)
    return PublishRequest(
        render_id=render_id,
        video=str(Path(result.path).resolve()),
        photo=str(Path(props.photo).resolve()),
        poster=str(poster),
        title=props.title,
        subtitle=props.subtitle,
        template=template.id,
        aspect=aspect,
        width=result.width,
        height=result.height,
        fps=result.fps,
        duration_seconds=round(result.duration, 3),
        size_bytes=result.size_bytes,
        rendered_at=time.time(),
        backend="lambda" if backend == "lambda" else "local",
        render_seconds=round(result.wall_time, 3),
        cost_estimate=cost_estimate if backend == "lambda" else None,
        app_version=__version__,
    )


def publish_after_render() -> bool:
    """The user's "Publish every video as soon as it is rendered" (publish settings)."""
    from vidstudio.cloud.settings import load_settings

    try:
        return bool(load_settings().publish_after_render)
    except Exception:  # an unreadable settings file: never publish by surprise
        return False


def request_for_job(job: Job, fps: int) -> PublishRequest | None:
    """The publish request of a rendered job: the one made at render time, else one from
    the job's fields (the poster is then cut from the video).  None: nothing to publish."""
    stored = job.extra.get("publish_request")
    if isinstance(stored, dict):
        with contextlib.suppress(TypeError, ValueError):
            return PublishRequest.from_json(json.dumps(stored))
    props = Props.from_json(job.props)
    if not job.output_path or props.photo is None:
        return None
    return PublishRequest(
        render_id=job.id,
        video=str(Path(job.output_path).resolve()),
        photo=str(Path(props.photo).resolve()),
        title=props.title,
        subtitle=props.subtitle,
        template=job.template,
        aspect=job.aspect,
        width=job.width or 0,
        height=job.height or 0,
        fps=fps,
        duration_seconds=round(job.duration or 0.0, 3),
        size_bytes=job.size_bytes or 0,
        rendered_at=job.finished_at or time.time(),
        backend="lambda" if job.extra.get("backend") == "lambda" else "local",
        render_seconds=round(job.wall_time, 3) if job.wall_time else None,
        cost_estimate=job.extra.get("cost") if job.extra.get("backend") == "lambda" else None,
        app_version=__version__,
    )


@dataclass(frozen=True)
class PublishStatus:
    """What the result card and the history show about one render's publishing.

    ``state``: "none" (never published), "waiting", "uploading", "published", "failed".
    """

    state: str = "none"
    fraction: float = 0.0
    error: str = ""


class LinkFetcher(QObject):
    """Copy link's URL off the UI thread: ``current_link`` (a fresh presigned URL when the
    bucket is private).

    Signals:
        done(render_id: str, url: str, error: str): ``url`` empty when ``error`` says why.
    """

    done = Signal(str, str, str)

    def __init__(self, clients_factory: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = clients_factory
        self._pool = QThreadPool(self)
        self._pool.setObjectName("vidstudio-link")
        self._pool.setMaxThreadCount(1)

    def fetch(self, entry: OutboxEntry) -> None:
        def work() -> None:
            from vidstudio.cloud.errors import PublishError
            from vidstudio.jobs.publish import current_link

            clients = None
            try:
                clients = self._factory()
                url = current_link(entry, clients)
            except PublishError as exc:
                self.done.emit(entry.render_id, "", exc.translated(QCoreApplication.translate))
                return
            except Exception as exc:
                self.done.emit(entry.render_id, "", type(exc).__name__)
                return
            finally:
                if clients is not None:
                    clients.close()
            self.done.emit(entry.render_id, url, "")

        self._pool.start(work)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

"""The render backend contract, and the backend that renders on this computer.

Every backend has the contract of :func:`render_video`: it reports
:class:`Progress` through the callback, honours a :class:`CancelToken`, raises a
:class:`~vidstudio.messages.UserError` with a plain message, and leaves a
complete MP4 at the output path or nothing.

This module stays inside render/ (no cloud): the Lambda and Automatic backends
and the one factory that picks a backend live in :mod:`vidstudio.jobs.backends`,
the only place that sees both render and cloud.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QSize

from vidstudio.messages import QT_TRANSLATE_NOOP, Message, message
from vidstudio.render.encoder import check_output_path
from vidstudio.render.errors import RenderError
from vidstudio.render.paint import validate_props
from vidstudio.render.pipeline import (
    CancelToken,
    ProgressCallback,
    RenderResult,
    canvas_size,
    render_video,
)
from vidstudio.render.props import Props
from vidstudio.render.template import Template
from vidstudio.render.timeline import frame_count

NO_SUCH_ASPECT = QT_TRANSLATE_NOOP("Message", "Template {template} has no {aspect} version.")


@dataclass(frozen=True)
class RenderRequest:
    template: Template
    props: Props
    output: Path
    aspect: str = "16:9"
    quality: str = "standard"


@dataclass(frozen=True)
class BackendResult:
    """The render, where it ran, and for Lambda its cost and S3 location."""

    render: RenderResult
    backend: str  # "local", "lambda" or "remotion-local": where the video was really rendered
    cost: float | None = None
    currency: str | None = None
    remote_bucket: str | None = None
    remote_key: str | None = None
    remote_url: str | None = None
    render_id: str | None = None
    fallback_reason: Message | None = None  # why Auto rendered locally

    def publish_fields(self) -> dict[str, Any]:
        """The ``PublishRequest`` fields this render sets (``generated_videos``: backend, cost).

        The table knows two backends: where the video was rendered, "lambda" or this
        computer ("local", also for Remotion on this computer).
        """
        return {
            "backend": "lambda" if self.backend == "lambda" else "local",
            "render_seconds": round(self.render.wall_time, 3),
            "cost_estimate": self.cost if self.backend == "lambda" else None,
        }


@dataclass
class Started:
    """What every backend's ``render`` starts with: the clock, the cancel token, the reporter."""

    at: float
    cancel: CancelToken
    report: ProgressCallback

    def elapsed(self) -> float:
        return time.perf_counter() - self.at

    def result(self, request: RenderRequest, path: Path, size_bytes: int) -> RenderResult:
        """The :class:`RenderResult` of a video another renderer made for ``request``."""
        template, size = request.template, canvas_size(request.aspect)
        total = frame_count(template, request.props)
        return RenderResult(
            path=path,
            frames=total,
            width=size.width(),
            height=size.height(),
            fps=template.fps,
            duration=total / template.fps,
            size_bytes=size_bytes,
            wall_time=self.elapsed(),
        )


class RenderBackend(ABC):
    """A way to render.  ``prepare`` validates (a message, or None); ``render`` renders;
    ``close`` lets go of any client the backend holds (called once the render is over).

    ``render`` starts the clock, checks the words and the output path, then hands over to the
    backend's own ``_render`` with the :class:`Started` it made.
    """

    name: ClassVar[str]

    def prepare(self, request: RenderRequest) -> Message | None:
        try:
            validate_props(request.props)
            if request.aspect not in request.template.aspects:
                return message(NO_SUCH_ASPECT, template=request.template.id, aspect=request.aspect)
        except RenderError as exc:
            return exc.sentence
        return None

    def render(
        self,
        request: RenderRequest,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackendResult:
        return self._render(request, self.begin(request, progress, cancel))

    @abstractmethod
    def _render(self, request: RenderRequest, run: Started) -> BackendResult: ...

    def close(self) -> None:  # noqa: B027 - most backends hold nothing
        """Let go of any client the backend holds (nothing by default)."""

    @staticmethod
    def begin(
        request: RenderRequest, progress: ProgressCallback | None, cancel: CancelToken | None
    ) -> Started:
        """Start the clock and check the words and the output path before any work."""
        started = Started(time.perf_counter(), cancel or CancelToken(), progress or (lambda _p: None))
        validate_props(request.props)
        check_output_path(request.output)
        return started


class LocalBackend(RenderBackend):
    """This computer, at ``size`` (None: the aspect's full size; tests and previews use less)."""

    name = "local"

    def __init__(self, size: QSize | None = None) -> None:
        self.size = size

    def _render(self, request: RenderRequest, run: Started) -> BackendResult:
        result = render_video(
            request.template,
            request.props,
            request.output,
            aspect=request.aspect,
            quality=request.quality,
            progress=run.report,
            cancel=run.cancel,
            size=self.size,
        )
        return BackendResult(render=result, backend="local")

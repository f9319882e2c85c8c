"""Render backends: this computer, Remotion Lambda, or Auto (Lambda, else this computer).

Every backend has the contract of :func:`render_video`: it reports
:class:`Progress` through the callback, honours a :class:`CancelToken`, raises a
:class:`RenderError` with a plain message, and leaves a complete MP4 at the
output path or nothing.

The Lambda backend is handed a renderer from ``vidstudio.cloud`` (this package
never imports boto3 or the cloud package): anything with the
:class:`LambdaRendererLike` shape.  Its failures carry ``can_render_locally``;
Auto renders on this computer when that is true (Lambda busy, unreachable, too
slow) and shows the error otherwise (version mismatch, access denied, bad props,
a photo URL that does not load, a render that failed on Lambda).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QSize

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.encoder import check_output_path
from vidstudio.render.errors import Cancelled, RenderError
from vidstudio.render.paint import Props, validate_props
from vidstudio.render.pipeline import (
    CancelToken,
    Progress,
    ProgressCallback,
    RenderResult,
    canvas_size,
    render_video,
)
from vidstudio.render.remotion_props import ImageRef, image_ref, remotion_input_props
from vidstudio.render.template import Template

POLICIES = ("local", "lambda", "auto")
BUSY_MESSAGE = "Lambda is busy (concurrency limit): rendering on this computer"
UNREACHABLE_MESSAGE = "Lambda is not reachable: rendering on this computer"
SLOW_MESSAGE = "Lambda did not answer in time: rendering on this computer"


class RemoteRenderError(RenderError):
    """A Lambda render failed.  ``kind`` is the cloud error kind ("throttled", ...)."""

    def __init__(self, message: str, kind: str, can_render_locally: bool) -> None:
        super().__init__(message)
        self.kind = kind
        self.can_render_locally = can_render_locally


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
    backend: str  # "local" or "lambda": where the video was really rendered
    cost: float | None = None
    currency: str | None = None
    remote_bucket: str | None = None
    remote_key: str | None = None
    remote_url: str | None = None
    render_id: str | None = None
    fallback_reason: str | None = None  # why Auto rendered locally

    def publish_fields(self) -> dict[str, Any]:
        """The ``PublishRequest`` fields this render sets (``generated_videos``: backend, cost).

        Use: ``replace(request_for_video(video, ...), **result.publish_fields())``.
        The table knows two backends: where the video was rendered, "lambda" or this
        computer ("local", also for Remotion on this computer).
        """
        return {
            "backend": "lambda" if self.backend == "lambda" else "local",
            "render_seconds": round(self.render.wall_time, 3),
            "cost_estimate": self.cost if self.backend == "lambda" else None,
        }


class LambdaProgressLike(Protocol):
    stage: str
    fraction: float
    frames_rendered: int
    total_frames: int
    lambdas: int
    cost: float
    currency: str
    elapsed: float
    message: str


class LambdaOutcomeLike(Protocol):
    path: Path
    render_id: str
    bucket: str
    key: str
    url: str | None
    cost: float
    currency: str
    size_bytes: int
    wall_time: float


class LambdaRendererLike(Protocol):
    """``vidstudio.cloud.lambda_render.LambdaRenderer``, seen from here."""

    def render(
        self,
        *,
        composition: str,
        photo: Path | None,
        make_props: Callable[[str | None], dict[str, Any]],
        frame_count: int,
        output: Path,
        progress: Callable[[Any], None],
        cancelled: Callable[[], bool],
        wait: Callable[[float], bool],
        out_name: str | None = None,
    ) -> LambdaOutcomeLike: ...


class RenderBackend(ABC):
    """A way to render.  ``prepare`` validates (a message, or None); ``render`` renders."""

    name: ClassVar[str]

    def prepare(self, request: RenderRequest) -> str | None:
        try:
            validate_props(request.props)
            if request.aspect not in request.template.aspects:
                return f"Template {request.template.id} has no {request.aspect} version."
        except RenderError as exc:
            return str(exc)
        return None

    @abstractmethod
    def render(
        self,
        request: RenderRequest,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackendResult: ...


class LocalBackend(RenderBackend):
    """This computer, at ``size`` (None: the aspect's full size; tests and previews use less)."""

    name = "local"

    def __init__(self, size: QSize | None = None) -> None:
        self.size = size

    def render(
        self,
        request: RenderRequest,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackendResult:
        result = render_video(
            request.template,
            request.props,
            request.output,
            aspect=request.aspect,
            quality=request.quality,
            progress=progress,
            cancel=cancel,
            size=self.size,
        )
        return BackendResult(render=result, backend="local")


def _money(value: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€"}.get(currency, "")
    return f"{symbol}{value:.4f}" if symbol else f"{value:.4f} {currency}"


def lambda_progress_message(p: LambdaProgressLike) -> str:
    """What the progress panel shows for a Lambda render: %, frames, Lambdas, cost so far."""
    if p.stage != "rendering":
        return p.message
    return (
        f"Lambda: {round(p.fraction * 100)} % · {p.frames_rendered}/{p.total_frames} frames · "
        f"{p.lambdas} Lambdas · {_money(p.cost, p.currency)} so far"
    )


class LambdaBackend(RenderBackend):
    """Renders through a :class:`LambdaRendererLike` (Remotion Lambda)."""

    name = "lambda"

    def __init__(self, renderer: LambdaRendererLike) -> None:
        self.renderer = renderer

    def render(
        self,
        request: RenderRequest,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackendResult:
        started = time.perf_counter()
        cancel = cancel or CancelToken()
        report = progress or (lambda _p: None)
        template, props = request.template, request.props
        total = template.frame_count
        validate_props(props)
        check_output_path(request.output)
        report(Progress("preparing", 0, total, 0.0, message="Connecting to Lambda"))
        # The layout is checked here, before anything is uploaded or invoked.
        photo_size: ImageRef | None = image_ref(props.photo, "") if props.photo else None

        def make_props(url: str | None) -> dict[str, Any]:
            photo = ImageRef(url, photo_size.width, photo_size.height) if url and photo_size else None
            return remotion_input_props(template, props, request.aspect, photo=photo)

        make_props(None)  # fail on bad props before any network call

        def on_progress(p: LambdaProgressLike) -> None:
            done = p.frames_rendered or round(p.fraction * total)
            elapsed = time.perf_counter() - started
            eta = elapsed / p.fraction * (1 - p.fraction) if p.fraction > 0.02 else None
            stage = "rendering" if p.stage == "rendering" else "preparing"
            if p.stage == "downloading":
                stage = "finishing"
            report(Progress(stage, min(done, total), total, elapsed, eta, None, lambda_progress_message(p)))

        try:
            outcome = self.renderer.render(
                composition=template.id,
                photo=props.photo,
                make_props=make_props,
                frame_count=total,
                output=request.output,
                progress=on_progress,
                cancelled=lambda: cancel.cancelled,
                wait=cancel.wait,
            )
        except RenderError:
            raise
        except Exception as exc:
            kind = getattr(getattr(exc, "kind", None), "value", None)
            if kind is None:
                raise
            if kind == "cancelled":
                raise Cancelled() from None
            raise RemoteRenderError(str(exc), kind, bool(getattr(exc, "can_render_locally", False))) from None
        size = canvas_size(request.aspect)
        wall = time.perf_counter() - started
        result = RenderResult(
            path=outcome.path,
            frames=total,
            width=size.width(),
            height=size.height(),
            fps=template.fps,
            duration=total / template.fps,
            size_bytes=outcome.size_bytes,
            wall_time=wall,
        )
        report(
            Progress(
                "done",
                total,
                total,
                wall,
                0.0,
                message=f"Rendered on Lambda ({_money(outcome.cost, outcome.currency)})",
            )
        )
        return BackendResult(
            render=result,
            backend="lambda",
            cost=outcome.cost,
            currency=outcome.currency,
            remote_bucket=outcome.bucket,
            remote_key=outcome.key,
            remote_url=outcome.url,
            render_id=outcome.render_id,
        )


def fallback_message(error: RemoteRenderError) -> str | None:
    """The progress line when Auto renders locally after ``error``; None: show the error."""
    if not error.can_render_locally:
        return None
    if error.kind == "throttled":
        return BUSY_MESSAGE
    if error.kind == "timeout":
        return SLOW_MESSAGE
    return UNREACHABLE_MESSAGE


class AutoBackend(RenderBackend):
    """Lambda when configured; this computer when Lambda is busy, unreachable or too slow."""

    name = "auto"

    def __init__(self, lambda_backend: LambdaBackend | None, local: LocalBackend | None = None) -> None:
        self.lambda_backend = lambda_backend
        self.local = local or LocalBackend()

    def render(
        self,
        request: RenderRequest,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> BackendResult:
        if self.lambda_backend is None:
            return self.local.render(request, progress, cancel)
        try:
            return self.lambda_backend.render(request, progress, cancel)
        except RemoteRenderError as exc:
            message = fallback_message(exc)
            if message is None:
                raise
        report = progress or (lambda _p: None)

        def tagged(p: Progress) -> None:
            report(p if p.message else replace(p, message=message))

        report(Progress("preparing", 0, request.template.frame_count, 0.0, message=message))
        result = self.local.render(request, tagged, cancel)
        return replace(result, fallback_reason=message)


def make_backend(policy: str, lambda_renderer: LambdaRendererLike | None) -> RenderBackend:
    """The backend for the setting ``policy`` (local, lambda, auto)."""
    if policy == "local":
        return LocalBackend()
    if policy == "lambda":
        if lambda_renderer is None:
            raise RenderError(
                QT_TRANSLATE_NOOP("Message", "Lambda rendering is not set up; fill in the Lambda settings.")
            )
        return LambdaBackend(lambda_renderer)
    if policy == "auto":
        return AutoBackend(LambdaBackend(lambda_renderer) if lambda_renderer else None)
    raise RenderError(
        QT_TRANSLATE_NOOP("Message", "Unknown render policy {policy} (use one of {items})"),
        policy=repr(policy),
        items=", ".join(POLICIES),
    )

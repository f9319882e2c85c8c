"""The local render pipeline: paint frames and encode them at the same time.

The calling thread paints each frame (``Scene.paint``, what :func:`paint_frame` runs) into a canvas in
shared memory; the encoder process converts it to yuv420p and feeds x264 while
the next frame is painted.  A few canvases in a ring keep memory flat and both
cores busy.  Progress is reported as frames reach the encoder; a
:class:`CancelToken` stops the render within one frame (~15 ms) and removes the
partial file.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter

from vidstudio.messages import QT_TRANSLATE_NOOP, Message
from vidstudio.render.encoder import Encoder, check_output_path, output_error, temp_path_for
from vidstudio.render.errors import Cancelled, OutputError, RenderError
from vidstudio.render.media import check_media, soundtrack_for
from vidstudio.render.paint import Scene, render_frame_image, validate_props
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, Template
from vidstudio.render.timeline import frame_count, poster_frame

THUMBNAIL_EVERY = 10
THUMBNAIL_WIDTH = 320


class CancelToken:
    """A cooperative cancellation flag shared between the UI and a worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cancelled meanwhile."""
        return self._event.wait(seconds)


@dataclass(frozen=True)
class Progress:
    """A progress report: ``stage`` is preparing, rendering, finishing or done."""

    stage: str
    done: int
    total: int
    elapsed: float
    eta: float | None = None
    thumbnail: QImage | None = field(default=None, compare=False)
    message: Message | None = None  # a backend's line, e.g. "Lambda is busy …: rendering on this computer"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class RenderResult:
    path: Path
    frames: int
    width: int
    height: int
    fps: int
    duration: float  # seconds of video
    size_bytes: int
    wall_time: float  # seconds it took


def canvas_size(aspect: str) -> QSize:
    try:
        width, height = ASPECTS[aspect]
    except KeyError:
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Unknown aspect {aspect} (use one of {items})"),
            aspect=repr(aspect),
            items=", ".join(ASPECTS),
        ) from None
    return QSize(width, height)


def _thumbnail(image: QImage) -> QImage:
    return image.scaledToWidth(THUMBNAIL_WIDTH, Qt.TransformationMode.SmoothTransformation)


def render_video(
    template: Template,
    props: Props,
    output: Path,
    *,
    aspect: str = "16:9",
    quality: str = "standard",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    size: QSize | None = None,
) -> RenderResult:
    """Render ``template`` with ``props`` to an MP4 at ``output``.

    Raises :class:`RenderError` subclasses with user-facing messages; on any
    failure or cancellation no file is left at (or replaced at) ``output``.
    """
    started = time.perf_counter()
    cancel = cancel or CancelToken()
    output = Path(output)
    validate_props(props)
    size = size or canvas_size(aspect)
    total = frame_count(template, props)
    report = progress or (lambda _p: None)
    report(Progress("preparing", 0, total, 0.0))
    check_output_path(output)
    # Check every file and build the scene (lay out text, decode the first photo) before any file exists.
    # The render's own scene, not the preview's cached one: it streams (see Scene), and the
    # preview may paint the same template at the same size meanwhile.
    check_media(props)
    scene = Scene(template, props, size, streaming=True)
    try:
        scene.warm(0)
    except BaseException:
        scene.close()
        raise
    # The sound is made whole first (decode, mix, normalise: ~0.3 s for 30 s of music) so
    # the encoder can interleave it with the frames; a bad track fails before any file exists.
    soundtrack = soundtrack_for(template, props, cancel=lambda: cancel.cancelled)

    encoder = Encoder(output, size.width(), size.height(), template.fps, quality, soundtrack=soundtrack)
    last_thumbnail: QImage | None = None

    def emit(stage: str) -> None:
        nonlocal last_thumbnail
        done = encoder.frames
        elapsed = time.perf_counter() - started
        eta = elapsed / done * (total - done) if done else None
        report(Progress(stage, done, total, elapsed, eta, last_thumbnail))
        last_thumbnail = None

    try:
        encoder.open(cancel)
        last_reported = -1
        for index in range(total):
            cancel.raise_if_cancelled()
            slot, image = encoder.canvas(cancel)
            painter = QPainter(image)
            try:
                scene.paint(painter, index)
            finally:
                painter.end()
            if index % THUMBNAIL_EVERY == 0:
                last_thumbnail = _thumbnail(image)
            encoder.submit(slot)
            if encoder.frames != last_reported:
                last_reported = encoder.frames
                emit("rendering")
        emit("finishing")
        encoder.finish(cancel)
    except BaseException as exc:
        encoder.abort()
        scene.close()
        if isinstance(exc, OSError):
            raise output_error(output, exc) from None
        if isinstance(exc, MemoryError):
            raise RenderError(
                QT_TRANSLATE_NOOP("Message", "This computer ran out of memory while rendering.")
            ) from None
        raise
    scene.close()
    size_bytes = output.stat().st_size
    wall = time.perf_counter() - started
    report(Progress("done", total, total, wall, 0.0))
    return RenderResult(
        path=output,
        frames=encoder.frames,
        width=size.width(),
        height=size.height(),
        fps=template.fps,
        duration=encoder.frames / template.fps,
        size_bytes=size_bytes,
        wall_time=wall,
    )


STILL_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def render_still(
    template: Template,
    props: Props,
    output: Path,
    *,
    aspect: str = "16:9",
    frame: int | None = None,
    size: QSize | None = None,
    jpeg_quality: int = 90,
) -> Path:
    """Paint one frame to a PNG or JPEG file (written to a temp name, then renamed)."""
    output = Path(output)
    fmt = STILL_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise OutputError(
            QT_TRANSLATE_NOOP("Message", "{name}: a still must be a .png, .jpg or .jpeg file."),
            name=output.name,
        )
    validate_props(props)
    total = frame_count(template, props)
    if frame is None:
        frame = poster_frame(template, props)
    if not 0 <= frame < total:
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Frame {frame} is outside the video (0 to {value})."),
            frame=frame,
            value=total - 1,
        )
    check_output_path(output)
    image = render_frame_image(template, props, frame, size or canvas_size(aspect))
    temp = temp_path_for(output)
    try:
        # PySide6 wants the format as str at run time (its stubs say bytes).
        saved = image.save(str(temp), fmt, jpeg_quality if fmt == "JPEG" else -1)  # type: ignore[call-overload]
        if not saved:
            with contextlib.suppress(OSError):
                temp.unlink()
            # QImage.save gives no reason; find one for the user.
            try:
                temp.write_bytes(b"")
                temp.unlink()
            except OSError as exc:
                raise output_error(output, exc) from None
            raise OutputError(QT_TRANSLATE_NOOP("Message", "Cannot write {name}."), name=output.name)
        os.replace(temp, output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise output_error(output, exc) from None
    return output

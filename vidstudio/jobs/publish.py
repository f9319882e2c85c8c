"""Publish one render: video to S3, its photos and clips and the poster to Supabase Storage,
then the row.

:func:`publish` is plain Python (the CLI calls it directly; the Qt queue in
:mod:`vidstudio.jobs.publish_queue` runs it on the ``publish`` worker pool).
:func:`request_for_render` is the one builder of a :class:`PublishRequest`.  Every step's
result is committed to the :class:`~vidstudio.jobs.outbox.PublishOutbox`
before the next starts, each step can run twice without harm (objects are
overwritten with the same bytes under the same names; the row is inserted
with ``on_conflict=render_id`` and duplicates ignored), and failures worth
retrying are retried with exponential backoff.

The steps (:attr:`PublishRequest.steps`): ``video``; ``media:1`` … ``media:N``, one per photo
or clip in the video's order (a photo as it is, a clip as the JPEG of its first frame,
:func:`clip_picture`); ``poster``; ``row``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from vidstudio import __version__, paths
from vidstudio.cloud.errors import (
    QT_TRANSLATE_NOOP,
    PublishCancelled,
    PublishError,
    file_missing,
    local_file_error,
    redact,
)
from vidstudio.cloud.naming import image_kind, photo_path, poster_path, safe_id, video_key
from vidstudio.jobs.outbox import (
    DONE,
    OutboxEntry,
    PublishMedia,
    PublishOutbox,
    PublishRequest,
    media_number,
    media_step,
)
from vidstudio.jobs.store import Job
from vidstudio.messages import Kind, unexpected
from vidstudio.render.backends import BackendResult
from vidstudio.render.pipeline import RenderResult
from vidstudio.render.props import Props, is_clip
from vidstudio.render.template import Template
from vidstudio.settings import Settings

if TYPE_CHECKING:  # boto3 and supabase load only when publishing really starts
    from vidstudio.cloud.s3 import UploadedObject
    from vidstudio.secrets import Secrets
    from vidstudio.settings import S3Settings

log = logging.getLogger(__name__)

# The progress bar shares its length between the steps by what each sends: the file's bytes
# plus a fixed cost per request (a 200 KB photo takes a round trip more than its bytes).
STEP_OVERHEAD_BYTES = 256 * 1024
PICTURE_BYTES = 200 * 1024  # a poster or a clip's picture, made while publishing
MAX_BACKOFF = 60.0

NOT_A_VIDEO = QT_TRANSLATE_NOOP("Message", "{name} is not a video this app can read.")
NO_PHOTO = QT_TRANSLATE_NOOP("Message", "This render has no photo to publish.")
NO_VIDEO_YET = QT_TRANSLATE_NOOP("Message", "This render has no video yet.")
NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Message", "Publishing is not set up yet. Open Settings → Publishing to connect S3 and Supabase."
)
NO_POSTER = QT_TRANSLATE_NOOP("Message", "Cannot make a poster from {name}.")
CLIP_GONE = QT_TRANSLATE_NOOP("Message", "The clip {name} is no longer on this computer. Render it again.")
CLIP_UNREADABLE = QT_TRANSLATE_NOOP(
    "Message", "The clip {name} cannot be read: it is damaged or not a video this app can open."
)


class Cancel(Protocol):
    """What :func:`publish` needs of a cancel token (``render.pipeline.CancelToken`` fits)."""

    @property
    def cancelled(self) -> bool: ...

    def wait(self, seconds: float) -> bool: ...


class VideoStore(Protocol):
    """Where the MP4 goes (``vidstudio.cloud.s3.S3Storage``; an in-memory fake in unit tests)."""

    settings: S3Settings

    def upload_video(
        self,
        path: Path,
        key: str,
        progress: Callable[[int, int], None] | None = None,
        cancel: Cancel | None = None,
    ) -> UploadedObject: ...

    def abort_stale_uploads(self, key: str) -> int: ...

    def link(self, key: str) -> str: ...

    def close(self) -> None: ...


class AssetStore(Protocol):
    """Where the photo, the poster and the row go (``vidstudio.cloud.supabase_store.SupabaseStore``)."""

    def upload_file(self, local: Path, remote: str, content_type: str) -> str: ...

    def insert_row(self, row: dict[str, Any]) -> Any: ...

    def close(self) -> None: ...


class CloudClients(Protocol):
    """What :func:`publish` talks to (``vidstudio.cloud.factory.CloudClients``); ``secrets``
    only to mask them in messages."""

    @property
    def s3(self) -> VideoStore: ...

    @property
    def supabase(self) -> AssetStore: ...

    @property
    def secrets(self) -> Secrets: ...

    def close(self) -> None: ...


class _NeverCancelled:
    cancelled = False

    def wait(self, seconds: float) -> bool:
        time.sleep(seconds)
        return False


@dataclass(frozen=True)
class PublishProgress:
    """``step`` is one of video, media:1 … media:N, poster, row, retrying or published;
    ``items`` is N, the number of photos and clips (:func:`step_name` says it in words)."""

    render_id: str
    step: str
    fraction: float
    message: str = ""
    error: PublishError | None = None  # with step "retrying": what failed
    retry_in: float | None = None  # with step "retrying": seconds until the next try
    items: int = 0


def step_name(step: str, items: int = 0) -> str:
    """A step in English words, for the command line: "Uploading media 3 of 8"."""
    number = media_number(step)
    if number is not None:
        return f"Uploading media {number} of {max(items, number)}"
    names = {
        "video": "Uploading the video",
        "poster": "Uploading the poster",
        "row": "Adding the row",
        "retrying": "Retrying",
        "published": "Published",
    }
    return names.get(step, step)


ProgressCallback = Callable[[PublishProgress], None]


@dataclass(frozen=True)
class PublishResult:
    render_id: str
    video_url: str
    s3_bucket: str
    s3_key: str
    image_url: str
    poster_url: str
    row_id: Any
    steps_run: tuple[str, ...] = field(default=())
    already_published: bool = False
    media_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_seconds: float = 2.0

    def delay(self, attempt: int) -> float:
        """Seconds before attempt ``attempt + 1``: base * 2^(attempt-1), with jitter, capped."""
        raw = self.base_seconds * 2.0 ** (attempt - 1)
        return float(min(MAX_BACKOFF, raw * random.uniform(0.8, 1.2)))


# --------------------------------------------------------------------------- requests


def probe_video(path: Path) -> dict[str, Any]:
    """width, height, fps, duration_seconds, size_bytes and has_audio (an audio stream is
    there) of an MP4 (PyAV): the file's own facts, whatever the render was asked for."""
    import av

    try:
        size = path.stat().st_size
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            fps = stream.average_rate or stream.guessed_rate or 30
            frames = stream.frames
            if container.duration:
                duration = container.duration / 1_000_000
            elif stream.duration and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            else:
                duration = frames / float(fps) if frames else 0.0
            return {
                "width": int(stream.codec_context.width),
                "height": int(stream.codec_context.height),
                "fps": round(float(fps)),
                "duration_seconds": round(float(duration), 3),
                "size_bytes": size,
                "has_audio": bool(container.streams.audio),
            }
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise local_file_error(exc, path, "video") from None
        raise PublishError(NOT_A_VIDEO, "file_missing", name=path.name) from None
    except (IndexError, ValueError):
        raise PublishError(NOT_A_VIDEO, "file_missing", name=path.name) from None


def aspect_name(width: int, height: int) -> str:
    ratios = {"16:9": 16 / 9, "9:16": 9 / 16, "1:1": 1.0, "4:5": 4 / 5}
    value = width / height if height else 0
    return min(ratios, key=lambda name: abs(ratios[name] - value))


def content_render_id(video: Path) -> str:
    """A render id from the video's bytes: the same file always gets the same id."""
    digest = hashlib.sha256()
    try:
        with video.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise local_file_error(exc, video, "video") from None
    return digest.hexdigest()[:32]


def publish_media(paths: Sequence[Path]) -> tuple[PublishMedia, ...]:
    """The photos and clips of a video for its request, in order (a clip by its file's suffix)."""
    return tuple(PublishMedia(str(Path(p).resolve()), "clip" if is_clip(Path(p)) else "photo") for p in paths)


def first_photo(media: Sequence[PublishMedia]) -> str:
    """The request's ``photo``: the first photo's path, "" when there are only clips."""
    return next((item.path for item in media if item.kind == "photo"), "")


def request_for_video(
    video: Path,
    *,
    photo: Path | None = None,
    title: str,
    media: Sequence[Path] = (),
    music_name: str | None = None,
    subtitle: str = "",
    template: str = "promo",
    render_id: str | None = None,
    poster: Path | None = None,
    backend: str = "local",
    render_seconds: float | None = None,
    rendered_at: float | None = None,
) -> PublishRequest:
    """A request for an existing MP4; the video's facts (has_audio too) come from the file.

    ``media``: its photos and clips in order; ``photo`` alone is the one-photo shorthand.
    """
    items = publish_media(media or ([photo] if photo is not None else []))
    if not items:
        raise PublishError(NO_PHOTO, Kind.FILE_MISSING)
    video = Path(video).resolve()
    info = probe_video(video)
    return PublishRequest(
        render_id=safe_id(render_id) if render_id else content_render_id(video),
        video=str(video),
        photo=first_photo(items),
        media=items,
        has_audio=info["has_audio"],
        music_name=music_name,
        poster=str(Path(poster).resolve()) if poster else None,
        title=title,
        subtitle=subtitle,
        template=template,
        aspect=aspect_name(info["width"], info["height"]),
        width=info["width"],
        height=info["height"],
        fps=info["fps"],
        duration_seconds=info["duration_seconds"],
        size_bytes=info["size_bytes"],
        rendered_at=rendered_at if rendered_at is not None else video.stat().st_mtime,
        backend=backend,
        render_seconds=render_seconds,
        app_version=__version__,
    )


def poster_dir() -> Path:
    """Where posters live: History's thumbnails and the full-size ones publishing uploads."""
    folder = paths.data_dir() / "posters"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def publish_poster_path(render_id: str) -> Path:
    return poster_dir() / f"{safe_id(render_id)}-full.jpg"


def request_for_render(
    template: Template,
    props: Props,
    aspect: str,
    outcome: BackendResult,
    *,
    render_id: str,
    poster: Path | None = None,
) -> PublishRequest:
    """The one builder of a render's :class:`PublishRequest`: the desktop app's render worker,
    ``vidstudio render --publish`` and ``vidstudio publish RENDER_ID`` all come here.

    The poster is the template's poster frame at the video's own size, never History's
    thumbnail: drawn with :func:`render_still` right after a render (needs a QGuiApplication
    for the fonts; the app calls it in the render worker), or ``poster`` when the caller
    already has that frame; ``backend`` and the Lambda cost come from where the video was
    really rendered.
    """
    if not props.media:
        raise PublishError(NO_PHOTO, Kind.FILE_MISSING)
    result = outcome.render
    has_audio = probe_video(Path(result.path))["has_audio"]  # the file says, not the props
    media = tuple(PublishMedia(str(item.path.resolve()), item.kind) for item in props.media)
    if poster is None:
        from PySide6.QtCore import QSize

        from vidstudio.render.pipeline import render_still

        size = QSize(result.width, result.height) if result.width and result.height else None
        poster = render_still(template, props, publish_poster_path(render_id), aspect=aspect, size=size)
    return PublishRequest(
        render_id=render_id,
        video=str(Path(result.path).resolve()),
        photo=first_photo(media),
        media=media,
        has_audio=has_audio,
        music_name=props.music.name if props.music is not None else None,
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
        app_version=__version__,
        **outcome.publish_fields(),
    )


def request_for_job(job: Job, templates_dir: Path | None = None) -> PublishRequest:
    """The publish request of a rendered job of the app's job store.

    The one made when the render finished (:func:`request_for_render`, kept in the job),
    else the same builder run now from the job's own record and video (a job of an older
    version), so the CLI and the app always publish the same thing.  Call it off the UI thread.
    """
    stored = job.extra.get("publish_request")
    if isinstance(stored, dict):
        with contextlib.suppress(TypeError, ValueError):
            return PublishRequest.from_json(json.dumps(stored))
    if not job.output_path:
        raise PublishError(NO_VIDEO_YET, Kind.FILE_MISSING)
    from vidstudio.render.errors import TemplateError
    from vidstudio.render.template import get_template

    props = Props.from_json(job.props)
    try:
        template = get_template(job.template, templates_dir)
    except TemplateError as exc:
        raise PublishError(exc.sentence) from None
    output = Path(job.output_path)
    if not output.is_file():
        raise local_file_error(FileNotFoundError(), output, "video")
    info = probe_video(output)  # the video's own facts: a job of an older version may lack them
    render = RenderResult(
        path=output,
        frames=round(info["duration_seconds"] * info["fps"]),
        width=info["width"],
        height=info["height"],
        fps=info["fps"],
        duration=info["duration_seconds"],
        size_bytes=info["size_bytes"],
        wall_time=job.wall_time or 0.0,
    )
    backend = str(job.extra.get("backend") or "local")
    cost = job.extra.get("cost") if backend == "lambda" else None
    outcome = BackendResult(render=render, backend=backend, cost=cost)
    # The video holds the poster frame at its own size: taken from it (PyAV decodes without
    # the GIL), not painted again (PySide6 paints holding the GIL, which the UI thread of a
    # publishing window felt as a 130-230 ms stall in bench/ui_publish.py).
    frame = min(template.default_poster_frame, max(0, render.frames - 1))
    poster = cut_poster(output, publish_poster_path(job.id), frame)
    request = request_for_render(template, props, job.aspect, outcome, render_id=job.id, poster=poster)
    return replace(request, rendered_at=job.finished_at or request.rendered_at)


def clients_from_settings(settings: Settings | None = None) -> CloudClients:
    """The cloud clients for publishing, from the settings (with the environment's overrides)
    and the keyring, read once.  Publishing that is not set up is a state: NOT_SET_UP."""
    from vidstudio.cloud.factory import make_clients
    from vidstudio.secrets import load_secrets
    from vidstudio.settings import load_settings

    publish = (settings or load_settings()).publish.with_env()
    if not publish.is_set_up():
        raise PublishError(NOT_SET_UP, Kind.NOT_SET_UP)
    return make_clients(publish, load_secrets(publish))


def cut_poster(video: Path, target: Path, frame: int | None = None, quality: int = 88) -> Path:
    """Save one frame of ``video`` as a JPEG (frame ``frame``, else the middle one)."""
    import av

    try:
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            total = stream.frames or 0
            wanted = frame if frame is not None else max(0, total // 2)
            image = None
            for index, decoded in enumerate(container.decode(stream)):
                image = decoded
                if index >= wanted:
                    break
            if image is None:
                raise PublishError(NO_POSTER, "file_missing", name=video.name)
            picture = image.to_image()  # type: ignore[no-untyped-call]
    except FileNotFoundError as exc:
        raise local_file_error(exc, video, "video") from None
    except (OSError, ValueError, IndexError):  # IndexError: no video stream
        raise PublishError(NO_POSTER, "file_missing", name=video.name) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.part")
    picture.convert("RGB").save(temp, "JPEG", quality=quality, optimize=True, progressive=True)
    temp.replace(target)
    return target


def clip_picture(clip: Path, target: Path) -> Path:
    """The picture that stands for a clip in ``media_urls``: its first frame, upright, as a JPEG
    (the same first frame as the app's media strip shows: ``render.clips.clip_thumbnail``)."""
    from vidstudio.render.clips import clip_thumbnail, probe_clip
    from vidstudio.render.errors import RenderError

    if not clip.is_file():
        raise media_gone(PublishMedia(str(clip), "clip"))
    try:
        image = clip_thumbnail(clip, min(1920, probe_clip(clip).width))
    except (RenderError, OSError):
        raise PublishError(CLIP_UNREADABLE, Kind.BAD_INPUT, name=clip.name) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".part")
    if not image.save(str(temp), "JPEG", 88):  # type: ignore[call-overload]
        raise PublishError(CLIP_UNREADABLE, Kind.BAD_INPUT, name=clip.name)
    os.replace(temp, target)
    return target


def media_gone(item: PublishMedia) -> PublishError:
    """A photo or clip that is no longer where the render found it (Kind FILE_MISSING)."""
    path = Path(item.path)
    if item.kind == "clip":
        return PublishError(CLIP_GONE, Kind.FILE_MISSING, name=path.name)
    return file_missing(path, "photo")


def missing_media(request: PublishRequest, step: str = "video") -> PublishError | None:
    """The first photo or clip still to publish at ``step`` or later that is gone from disk;
    those already uploaded are not needed any more."""
    steps = request.steps
    if step not in steps:
        return None  # done
    start = steps.index(step)
    for number, item in enumerate(request.items, 1):
        if steps.index(media_step(number)) >= start and not Path(item.path).is_file():
            return media_gone(item)
    return None


def media_urls(request: PublishRequest, results: dict[str, Any]) -> list[str]:
    """The public URLs of the photos and clip pictures uploaded so far, in order."""
    found = (results.get(media_step(n)) for n in range(1, len(request.items) + 1))
    return [str(r["url"]) for r in found if isinstance(r, dict) and r.get("url")]


def image_url(request: PublishRequest, results: dict[str, Any]) -> str:
    """The row's ``image_url``: the first photo's URL (the web platform shows it), else the
    first clip's picture."""
    for number, item in enumerate(request.items, 1):
        uploaded = results.get(media_step(number))
        if item.kind == "photo" and isinstance(uploaded, dict) and uploaded.get("url"):
            return str(uploaded["url"])
    urls = media_urls(request, results)
    return urls[0] if urls else str(results.get("image_url", ""))


def step_weights(request: PublishRequest) -> dict[str, float]:
    """Each step's share of the progress bar (they add up to 1)."""

    def size(path: str) -> int:
        try:
            return Path(path).stat().st_size
        except OSError:
            return 0

    sent = {"video": max(request.size_bytes, 1)}
    for number, item in enumerate(request.items, 1):
        sent[media_step(number)] = size(item.path) if item.kind == "photo" else PICTURE_BYTES
    sent["poster"] = PICTURE_BYTES
    sent["row"] = 0
    total = sum(sent.values()) + STEP_OVERHEAD_BYTES * len(sent)
    return {step: (bytes_ + STEP_OVERHEAD_BYTES) / total for step, bytes_ in sent.items()}


# --------------------------------------------------------------------------- publishing


@dataclass
class _Run:
    """One run of :func:`publish` over the steps that remain."""

    entry: OutboxEntry
    clients: CloudClients
    store: PublishOutbox
    report: ProgressCallback
    cancel: Cancel
    policy: RetryPolicy
    steps_run: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.request = self.entry.request
        self.resumed = self.entry.state != "waiting" or self.entry.attempts > 0
        self.steps = self.request.steps
        self.weights = step_weights(self.request)

    def _progress(self, step: str, within: float, message: str = "") -> None:
        share = self.weights[step] * max(0.0, min(1.0, within))
        fraction = min(1.0, self._fraction_before(step) + share)
        items = len(self.request.items)
        self.report(PublishProgress(self.request.render_id, step, fraction, message, items=items))

    def _check_cancel(self) -> None:
        if self.cancel.cancelled:
            raise PublishCancelled()

    # ------------------------------------------------------------------ steps

    def step_video(self, attempt: int) -> dict[str, Any]:
        req = self.request
        when = datetime.fromtimestamp(req.rendered_at, tz=UTC)
        key = self.entry.results.get("s3_key") or video_key(
            req.render_id, req.title, when, self.clients.s3.settings.key_prefix
        )
        if attempt > 1 or self.resumed:  # an earlier try may have left parts behind
            self.clients.s3.abort_stale_uploads(key)
        uploaded = self.clients.s3.upload_video(
            Path(req.video),
            key,
            progress=lambda sent, total: self._progress("video", sent / total if total else 1.0),
            cancel=self.cancel,
        )
        return {
            "s3_bucket": uploaded.bucket,
            "s3_key": uploaded.key,
            "s3_etag": uploaded.etag,
            "video_url": self.clients.s3.link(uploaded.key),
        }

    def step_media(self, number: int) -> dict[str, Any]:
        """The ``number``-th photo as it is, or the ``number``-th clip's first frame."""
        req = self.request
        item = req.items[number - 1]
        local = Path(item.path)
        if not local.is_file():
            raise media_gone(item)
        if item.kind == "clip":
            target = poster_dir() / f"{safe_id(req.render_id)}-media-{number}.jpg"
            upload, (ext, content_type) = clip_picture(local, target), ("jpg", "image/jpeg")
        else:
            try:
                ext, content_type = image_kind(local)
            except OSError as exc:
                raise local_file_error(exc, local, "photo") from None
            upload = local
        remote = photo_path(req.render_id, req.title, ext, number)
        url = self.clients.supabase.upload_file(upload, remote, content_type)
        return {media_step(number): {"path": remote, "url": url, "kind": item.kind}}

    def step_poster(self, attempt: int) -> dict[str, Any]:
        req = self.request
        poster = Path(req.poster) if req.poster else None
        if poster is None or not poster.exists():
            poster = cut_poster(
                Path(req.video),
                poster_dir() / f"{safe_id(req.render_id)}.jpg",
                req.poster_frame,
            )
        remote = poster_path(req.render_id, req.title)
        url = self.clients.supabase.upload_file(poster, remote, "image/jpeg")
        return {"poster_path": remote, "poster_url": url}

    def step_row(self, attempt: int) -> dict[str, Any]:
        row_id = self.clients.supabase.insert_row(self.row())
        return {"row_id": row_id}

    def row(self) -> dict[str, Any]:
        req, res = self.request, self.entry.results
        return {
            "render_id": req.render_id,
            "title": req.title,
            "subtitle": req.subtitle,
            "template": req.template,
            "aspect": req.aspect,
            "width": req.width,
            "height": req.height,
            "duration_seconds": req.duration_seconds,
            "has_audio": req.has_audio,
            "music_name": req.music_name,
            "fps": req.fps,
            "size_bytes": req.size_bytes,
            "video_url": res["video_url"],
            "s3_bucket": res["s3_bucket"],
            "s3_key": res["s3_key"],
            "image_url": image_url(req, res),
            "media_urls": media_urls(req, res),
            "poster_url": res["poster_url"],
            "backend": req.backend,
            "render_seconds": req.render_seconds,
            "cost_estimate": req.cost_estimate,
            "app_version": req.app_version or __version__,
        }

    # ------------------------------------------------------------------ driving

    def _action(self, step: str) -> Callable[[int], dict[str, Any]]:
        number = media_number(step)
        if number is not None:
            return lambda _attempt: self.step_media(number)
        action: Callable[[int], dict[str, Any]] = getattr(self, f"step_{step}")
        return action

    def run_step(self, step: str) -> None:
        action = self._action(step)
        attempt = 0
        while True:
            attempt += 1
            self._progress(step, 0.0)
            self._check_cancel()
            try:
                result = action(attempt)
            except PublishError as exc:
                if isinstance(exc, PublishCancelled) or self.cancel.cancelled:
                    raise PublishCancelled() from None
                error = exc.redacted(self.clients.secrets.values())
                self.store.record_attempt_error(self.request.render_id, error.sentence)
                log.warning(
                    "publish %s: %s failed (attempt %d): %s",
                    self.request.render_id,
                    step,
                    attempt,
                    error.message,
                )
                if not error.retryable or attempt >= self.policy.max_attempts:
                    raise error from None
                delay = self.policy.delay(attempt)
                self.report(
                    PublishProgress(
                        self.request.render_id,
                        "retrying",
                        self._fraction_before(step),
                        f"{error.message} Trying again in {delay:.0f} s.",
                        error=error,
                        retry_in=delay,
                    )
                )
                if self.cancel.wait(delay):
                    raise PublishCancelled() from None
                continue
            self.entry = self.store.complete_step(self.request.render_id, step, result)
            self.steps_run.append(step)
            self._progress(step, 1.0)
            return

    def _fraction_before(self, step: str) -> float:
        return sum(self.weights[s] for s in self.steps[: self.steps.index(step)])


def _result(entry: OutboxEntry, steps_run: tuple[str, ...], already: bool) -> PublishResult:
    res = entry.results
    return PublishResult(
        render_id=entry.render_id,
        video_url=res.get("video_url", ""),
        s3_bucket=res.get("s3_bucket", ""),
        s3_key=res.get("s3_key", ""),
        image_url=image_url(entry.request, res),
        poster_url=res.get("poster_url", ""),
        row_id=res.get("row_id"),
        steps_run=steps_run,
        already_published=already,
        media_urls=tuple(media_urls(entry.request, res)),
    )


def publish(
    request: PublishRequest,
    clients: CloudClients,
    store: PublishOutbox,
    progress: ProgressCallback | None = None,
    cancel: Cancel | None = None,
    *,
    policy: RetryPolicy | None = None,
) -> PublishResult:
    """Publish ``request``, resuming at the first step not yet done for its render_id.

    Returns at once for a render already published.  Raises :class:`PublishError`
    (one plain sentence, no secret) when a step fails for good; the outbox then says
    ``failed`` with the reason, and for failures worth retrying, when to retry.
    """
    report = progress or (lambda _p: None)
    cancel = cancel or _NeverCancelled()
    policy = policy or RetryPolicy()
    entry = store.add(request)
    if entry.published or entry.step == DONE:
        if not entry.published:
            store.set_state(entry.render_id, "published")
        report(PublishProgress(entry.render_id, "published", 1.0))
        return _result(entry, (), True)
    store.set_state(entry.render_id, "uploading")
    run = _Run(entry, clients, store, report, cancel, policy)
    try:
        for step in run.steps[run.steps.index(entry.step) :]:
            run.run_step(step)
    except PublishCancelled as exc:
        store.set_state(entry.render_id, "failed", error=exc.sentence)
        raise
    except PublishError as exc:
        retry_at = time.time() + policy.delay(policy.max_attempts) if exc.retryable else None
        store.set_state(entry.render_id, "failed", error=exc.sentence, next_attempt_at=retry_at)
        raise
    except Exception as exc:  # a bug: still one sentence for the user, no secret
        error = PublishError(unexpected())
        log.error("publish %s crashed: %s", entry.render_id, redact(repr(exc), clients.secrets.values()))
        store.set_state(entry.render_id, "failed", error=error.sentence)
        raise error from None
    store.set_state(entry.render_id, "published")
    final = store.get(entry.render_id)
    assert final is not None
    report(PublishProgress(entry.render_id, "published", 1.0, "Published."))
    log.info("published %s: %s", entry.render_id, final.results.get("s3_key"))
    return _result(final, tuple(run.steps_run), False)


def current_link(entry: OutboxEntry, clients: CloudClients) -> str:
    """The link for Copy link: a fresh presigned URL when the bucket is private."""
    key = entry.results.get("s3_key")
    if not key:
        raise PublishError(QT_TRANSLATE_NOOP("Message", "This video has not been uploaded yet."), "failed")
    return clients.s3.link(str(key))

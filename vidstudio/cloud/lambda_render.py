"""One render on Remotion Lambda, start to finish (no Qt; clients passed in).

Order, each step failing with a plain :class:`LambdaError`:

1. ``info``: the function's Remotion version must be :data:`REMOTION_VERSION`.
2. Every file the render loads (each photo and clip, the logo, the brand's font
   files, the soundtrack WAV) is uploaded (an :class:`ImageHost`, e.g. Supabase Storage) under a name
   made from its content, so a retry reuses it, and its URL proven: a photo is
   fetched back with status 200, an image content type and the same bytes; a clip
   or the soundtrack with a ranged GET: a video or audio content type, the same
   size and the same first bytes.  Otherwise nothing is invoked (a render that
   cannot load a file dies halfway and still costs money).
3. ``start`` with ``framesPerLambda`` sized to the account's concurrency; props
   over Remotion's inline limit go to the Remotion bucket first, as the SDK does
   (:func:`~vidstudio.cloud.lambda_client.serialize_input_props`).
4. ``status`` polled into progress reports until done, a fatal error, a stall,
   the overall timeout, or cancel (which asks Remotion to stop the render).
5. The MP4 is downloaded from S3 to the output path (temp name, then renamed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError

from vidstudio.cloud.lambda_client import (
    LambdaError,
    LambdaErrorKind,
    RemotionLambda,
    RenderStatus,
    StartedRender,
    remotion_bucket,
    status_error,
)
from vidstudio.messages import QT_TRANSLATE_NOOP


class ImageHost(Protocol):
    """Where the media go so Lambda's browser can load them (Supabase Storage in the app)."""

    def upload_image(self, path: Path) -> str:
        """Upload ``path`` (a photo, a clip or a sound) under :func:`hosted_name`; the URL a
        browser can GET it from."""
        ...

    def close(self) -> None:
        """Let go of the host's connections."""


@dataclass(frozen=True)
class LambdaProgress:
    """A progress report: ``stage`` is checking, uploading, starting, rendering or downloading."""

    stage: str
    fraction: float
    frames_rendered: int
    total_frames: int
    lambdas: int
    cost: float
    currency: str
    elapsed: float
    message: str = ""  # an English template marked for translation (vidstudio.messages)


@dataclass(frozen=True)
class LambdaOutcome:
    path: Path
    render_id: str
    bucket: str
    key: str
    url: str | None
    cost: float
    currency: str
    lambdas: int
    frames_per_lambda: int
    size_bytes: int
    wall_time: float


UPLOADING = QT_TRANSLATE_NOOP("Message", "Uploading the photos, clips and music")

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff")


def prove_image_url(url: str, expected: bytes, *, timeout: float = 20.0) -> None:
    """GET ``url``: status 200, an image content type and exactly ``expected``; else LambdaError."""
    name = url.rsplit("/", 1)[-1].split("?", 1)[0] or url
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "vidstudio"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            body = response.read(len(expected) + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the response's socket
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The uploaded photo cannot be loaded back (HTTP {code}); the render was not started.",
            ),
            f"{url}: {exc}",
            code=exc.code,
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The uploaded photo cannot be loaded back (no connection); the render was not started.",
            ),
            f"{url}: {exc}",
        ) from None
    if status != 200:
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The uploaded photo cannot be loaded back (HTTP {status}); the render was not started.",
            ),
            url,
            status=status,
        )
    if not content_type.startswith("image/"):
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message", "The photo's link does not serve an image ({value}); the render was not started."
            ),
            url,
            value=content_type or "no type",
        )
    if body != expected:
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message", "The photo at {name} is not the one uploaded; the render was not started."
            ),
            url,
            name=name,
        )


# How much of a clip or a soundtrack is fetched back to prove its URL (its size comes from
# Content-Range): enough to see the container's header, not the whole file.
PROOF_BYTES = 64 * 1024
MEDIA_TYPES = ("video/", "audio/")
FONT_TYPES = ("font/",)


def prove_media_url(url: str, path: Path, *, timeout: float = 20.0) -> None:
    """Prove that ``url`` serves the file at ``path`` before a render loads it.

    A photo: :func:`prove_image_url` (the whole file).  A clip, a sound or a font: a ranged
    GET of the first :data:`PROOF_BYTES`: status 200 or 206, a video, audio or font content
    type, the file's size (Content-Range, else Content-Length) and its first bytes.
    """
    path = Path(path)
    if _content_type(path).startswith("image/"):
        prove_image_url(url, path.read_bytes(), timeout=timeout)
        return
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(PROOF_BYTES)
    name = path.name
    request = urllib.request.Request(
        url, method="GET", headers={"User-Agent": "vidstudio", "Range": f"bytes=0-{len(head) - 1}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            content_range = response.headers.get("Content-Range", "")
            length = response.headers.get("Content-Length")
            body = response.read(len(head))
    except urllib.error.HTTPError as exc:
        exc.close()
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The uploaded file {name} cannot be loaded back (HTTP {code}); the render was not started.",
            ),
            f"{url}: {exc}",
            name=name,
            code=exc.code,
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The uploaded file {name} cannot be loaded back (no connection); the render was not started.",
            ),
            f"{url}: {exc}",
            name=name,
        ) from None
    if _content_type(path).startswith(FONT_TYPES):
        # A brand's font file (Chromium loads it through FontFace).
        if not content_type.startswith(FONT_TYPES):
            raise LambdaError(
                LambdaErrorKind.IMAGE_URL,
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The link of {name} does not serve a font ({value}); the render was not started.",
                ),
                url,
                name=name,
                value=content_type or "no type",
            )
    elif not content_type.startswith(MEDIA_TYPES):
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message",
                "The link of {name} does not serve a video or a sound ({value}); the render was not started.",
            ),
            url,
            name=name,
            value=content_type or "no type",
        )
    total: int | None = None
    if status == 206 and "/" in content_range:
        with contextlib.suppress(ValueError):
            total = int(content_range.rsplit("/", 1)[1])
    elif status == 200 and length is not None:
        with contextlib.suppress(ValueError):
            total = int(length)
    if status not in (200, 206) or total != size or body != head:
        raise LambdaError(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP(
                "Message", "The file at {name} is not the one uploaded; the render was not started."
            ),
            f"{url}: status {status}, {total} bytes of {size}",
            name=name,
        )


class LambdaRenderer:
    """Renders one composition on Remotion Lambda and brings the MP4 home."""

    def __init__(
        self,
        remotion: RemotionLambda,
        s3_client: Any,
        image_host: ImageHost,
        *,
        poll_interval: float = 1.0,
        render_timeout: float = 900.0,
        stall_timeout: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.remotion = remotion
        self._s3 = s3_client
        self._images = image_host
        self.poll_interval = poll_interval
        self.render_timeout = render_timeout
        self.stall_timeout = stall_timeout
        self._clock = clock

    @property
    def function_name(self) -> str:
        return self.remotion.settings.function_name

    def close(self) -> None:
        """Close the clients this renderer was given (once the render is over)."""
        self.remotion.close()
        close = getattr(self._s3, "close", None)  # botocore clients have close()
        if close is not None:
            with contextlib.suppress(Exception):
                close()
        self._images.close()

    def test_connection(self) -> str:
        """Settings' "Test connection": the version, or a LambdaError saying what is wrong."""
        return self.remotion.check_version()

    def upload_media(self, path: Path) -> str:
        """Upload one photo, clip or sound and prove its URL (:func:`prove_media_url`)."""
        url = self._images.upload_image(path)
        prove_media_url(url, Path(path))
        return url

    upload_photo = upload_media

    def store_props(self, key: str, body: str) -> str:
        """Put props too large to travel inline in the Remotion bucket (as the SDK does); its name."""
        bucket = self.remotion.settings.bucket_name or remotion_bucket(
            self._s3, self.remotion.settings.region
        )
        with s3_transfer(
            LambdaErrorKind.FAILED,
            QT_TRANSLATE_NOOP(
                "Message", "The render request is too large for Lambda and could not be stored in S3."
            ),
            QT_TRANSLATE_NOOP(
                "Message", "The render request could not be stored in S3 for Lambda (connection lost)."
            ),
        ):
            self._s3.put_object(
                Bucket=bucket, Key=key, Body=body.encode("utf-8"), ContentType="application/json"
            )
        return bucket

    def render(
        self,
        *,
        composition: str,
        uploads: Sequence[Path],
        make_props: Callable[[Mapping[Path, str]], dict[str, Any]],
        frame_count: int,
        output: Path,
        progress: Callable[[LambdaProgress], None],
        cancelled: Callable[[], bool],
        wait: Callable[[float], bool],
        out_name: str | None = None,
    ) -> LambdaOutcome:
        """Render and download to ``output``; ``wait(s)`` sleeps and returns True on cancel."""
        started = self._clock()

        def report(stage: str, status: RenderStatus | None = None, message: str = "") -> None:
            progress(
                LambdaProgress(
                    stage=stage,
                    fraction=status.overall_progress if status else 0.0,
                    frames_rendered=status.frames_rendered if status else 0,
                    total_frames=frame_count,
                    lambdas=status.lambdas_invoked if status else 0,
                    cost=status.cost if status else 0.0,
                    currency=status.currency if status else "USD",
                    elapsed=self._clock() - started,
                    message=message,
                )
            )

        def check_cancel(render: StartedRender | None = None) -> None:
            if cancelled():
                if render is not None:
                    self.request_cancel(render)
                raise LambdaError(
                    LambdaErrorKind.CANCELLED, QT_TRANSLATE_NOOP("Message", "Render cancelled.")
                )

        report("checking", message=QT_TRANSLATE_NOOP("Message", "Connecting to Lambda"))
        self.remotion.check_version()
        check_cancel()
        urls: dict[Path, str] = {}
        for path in uploads:
            if path in urls:
                continue
            report("uploading", message=UPLOADING)
            urls[path] = self.upload_media(path)
            check_cancel()
        input_props = make_props(urls)
        report("starting", message=QT_TRANSLATE_NOOP("Message", "Starting the render on Lambda"))
        render, fpl = self.remotion.start(
            composition=self.remotion.settings.composition_for(composition),
            input_props=input_props,
            frame_count=frame_count,
            out_name=out_name,
            store_props=self.store_props,
        )
        status = self._poll(render, started, report, check_cancel, wait)
        report("downloading", status, QT_TRANSLATE_NOOP("Message", "Downloading the video"))
        bucket = status.out_bucket or render.bucket_name
        key = status.out_key or f"renders/{render.render_id}/out.mp4"
        size = self._download(bucket, key, Path(output), check_cancel)
        return LambdaOutcome(
            path=Path(output),
            render_id=render.render_id,
            bucket=bucket,
            key=key,
            url=status.output_file,
            cost=status.cost,
            currency=status.currency,
            lambdas=status.lambdas_invoked,
            frames_per_lambda=fpl,
            size_bytes=size,
            wall_time=self._clock() - started,
        )

    def _poll(
        self,
        render: StartedRender,
        started: float,
        report: Callable[[str, RenderStatus | None, str], None],
        check_cancel: Callable[[StartedRender | None], None],
        wait: Callable[[float], bool],
    ) -> RenderStatus:
        last_progress = -1.0
        last_change = self._clock()
        failures = 0
        while True:
            check_cancel(render)
            try:
                status = self.remotion.status(render)
                failures = 0
            except LambdaError as exc:
                # A lost poll is not a lost render: try a few times before giving up.
                failures += 1
                if exc.kind not in (LambdaErrorKind.NETWORK, LambdaErrorKind.TIMEOUT) or failures >= 3:
                    raise
                status = None
            if status is not None:
                error = status_error(status, self.function_name)
                if error is not None:
                    raise error
                report("rendering", status, "")
                if status.done:
                    return status
                if status.overall_progress > last_progress:
                    last_progress = status.overall_progress
                    last_change = self._clock()
            now = self._clock()
            if now - last_change > self.stall_timeout or now - started > self.render_timeout:
                self.request_cancel(render)
                raise LambdaError(
                    LambdaErrorKind.TIMEOUT,
                    QT_TRANSLATE_NOOP("Message", "The Lambda render stopped making progress."),
                    f"render {render.render_id}",
                )
            if wait(self.poll_interval):
                check_cancel(render)

    def request_cancel(self, render: StartedRender) -> None:
        """Ask Remotion to stop ``render`` (best effort: the render was started cancellable)."""
        with contextlib.suppress(ClientError, BotoCoreError, OSError):
            self._s3.put_object(
                Bucket=render.bucket_name,
                Key=f"renders/{render.render_id}/cancel.json",
                Body=f'{{"cancelledAt": {int(time.time() * 1000)}}}'.encode(),
                ContentType="application/json",
            )

    def _download(
        self,
        bucket: str,
        key: str,
        output: Path,
        check_cancel: Callable[[StartedRender | None], None],
    ) -> int:
        temp = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part{output.suffix}")
        try:
            with s3_transfer(
                LambdaErrorKind.FAILED,
                QT_TRANSLATE_NOOP("Message", "The video rendered on Lambda cannot be downloaded from S3."),
                QT_TRANSLATE_NOOP(
                    "Message", "The video rendered on Lambda cannot be downloaded (connection lost)."
                ),
            ):
                self._s3.download_file(bucket, key, str(temp))
                check_cancel(None)
                os.replace(temp, output)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
        return output.stat().st_size


def make_lambda_clients(
    session: Any,
    region: str,
    *,
    lambda_endpoint: str | None = None,
    s3_endpoint: str | None = None,
    read_timeout: float = 90.0,
) -> tuple[Any, Any]:
    """boto3 Lambda and S3 clients for renders: short timeouts, one retry (Auto falls back fast).

    The endpoints are for tests (local servers); None means AWS.
    """
    from botocore.config import Config

    lambda_config = Config(
        connect_timeout=5,
        read_timeout=read_timeout,
        retries={"mode": "standard", "total_max_attempts": 2},
    )
    s3_config = Config(
        connect_timeout=5,
        read_timeout=60,
        retries={"mode": "standard", "total_max_attempts": 3},
        signature_version="s3v4",
        s3={"addressing_style": "path" if s3_endpoint else "auto"},
    )
    lambda_client = session.client(
        "lambda", region_name=region, endpoint_url=lambda_endpoint, config=lambda_config
    )
    s3_client = session.client("s3", region_name=region, endpoint_url=s3_endpoint, config=s3_config)
    return lambda_client, s3_client


_CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jfif": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".mov": "video/quicktime",
    ".webm": "video/webm",
    ".mkv": "video/x-matroska",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".flac": "audio/flac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


def _content_type(path: Path) -> str:
    return _CONTENT_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")


def content_digest(path: Path) -> str:
    """The first 32 hex digits of the file's SHA-256: the same file gets the same hosted name."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:32]


def hosted_name(path: Path, prefix: str) -> tuple[str, str]:
    """Where a photo, clip or sound is hosted for a Lambda render and its content type.

    ``<prefix><content digest>/<safe name>``: any file name, WhatsApp's or with emoji,
    becomes a safe key, and the same file always gets the same key, so a retried
    render reuses what the first attempt uploaded.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in path.stem)[:60] or "media"
    return f"{prefix}{content_digest(path)}/{safe}{suffix}", _content_type(path)


@contextlib.contextmanager
def s3_transfer(refused_kind: LambdaErrorKind, refused: str, lost: str, **params: object) -> Iterator[None]:
    """A Lambda render's own S3 transfer: S3 said no → ``refused``; the connection or the disk
    failed → ``lost`` (worth falling back from).  The AWS text goes to the log only."""
    try:
        yield
    except ClientError as exc:
        raise LambdaError(refused_kind, refused, str(exc), **params) from None
    except (BotoCoreError, OSError) as exc:
        raise LambdaError(LambdaErrorKind.NETWORK, lost, str(exc), **params) from None


class S3ImageHost:
    """An :class:`ImageHost` on an S3 bucket: the photo under a unique key, a presigned GET URL.

    (The app's default host is Supabase Storage, from the publish step; offices
    without it can use their own bucket.)
    """

    def __init__(
        self, s3_client: Any, bucket: str, *, prefix: str = "sources/", expires: int = 24 * 3600
    ) -> None:
        self._s3 = s3_client
        self.bucket = bucket
        self.prefix = prefix
        self.expires = expires

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._s3.close()

    def _already_there(self, key: str, size: int) -> bool:
        """A retry's file: the same content-named key, the same size (then not sent again)."""
        try:
            head = self._s3.head_object(Bucket=self.bucket, Key=key)
        except (ClientError, BotoCoreError, OSError):
            return False
        return int(head.get("ContentLength", -1)) == size

    def upload_image(self, path: Path) -> str:
        path = Path(path)
        key, content_type = hosted_name(path, self.prefix)
        with s3_transfer(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP("Message", "The file {name} could not be uploaded for the Lambda render."),
            QT_TRANSLATE_NOOP(
                "Message", "The file {name} could not be uploaded for the Lambda render (connection lost)."
            ),
            name=path.name,
        ):
            if not self._already_there(key, path.stat().st_size):
                self._s3.upload_file(str(path), self.bucket, key, ExtraArgs={"ContentType": content_type})
            url: str = self._s3.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=self.expires
            )
        return url


class _UploadsFiles(Protocol):
    def upload_file(self, local: Path, remote: str, content_type: str) -> str: ...

    def close(self) -> None: ...


class SupabaseImageHost:
    """An :class:`ImageHost` on Supabase Storage (the publish step's ``SupabaseStore``).

    The photo goes under ``lambda-sources/<random>/<safe name>``; the URL is the
    bucket's public URL, which the render's browser loads.
    """

    def __init__(self, store: _UploadsFiles, *, prefix: str = "lambda-sources/") -> None:
        self._store = store
        self.prefix = prefix

    def close(self) -> None:
        self._store.close()

    def upload_image(self, path: Path) -> str:
        path = Path(path)
        remote, content_type = hosted_name(path, self.prefix)
        try:
            return self._store.upload_file(path, remote, content_type)
        except LambdaError:
            raise
        except Exception as exc:
            # The store's own errors (PublishError) already say what is wrong, plainly.
            kind = str(getattr(exc, "kind", ""))
            network = kind in ("network", "dns", "timeout", "server", "throttled")
            raise LambdaError(
                LambdaErrorKind.NETWORK if network else LambdaErrorKind.IMAGE_URL,
                QT_TRANSLATE_NOOP(
                    "Message", "The file {name} could not be uploaded for the Lambda render: {exc}"
                ),
                f"{type(exc).__name__}: {exc}",
                name=path.name,
                exc=exc,
            ) from None

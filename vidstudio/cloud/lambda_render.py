"""One render on Remotion Lambda, start to finish (no Qt; clients passed in).

Order, each step failing with a plain :class:`LambdaError`:

1. ``info``: the function's Remotion version must be :data:`REMOTION_VERSION`.
2. The photo is uploaded (an :class:`ImageHost`, e.g. Supabase Storage) and its
   URL proven: fetched back with status 200, an image content type and the same
   bytes.  Otherwise nothing is invoked (a render that cannot load its photo dies
   halfway and still costs money).
3. ``start`` with ``framesPerLambda`` sized to the account's concurrency.
4. ``status`` polled into progress reports until done, a fatal error, a stall,
   the overall timeout, or cancel (which asks Remotion to stop the render).
5. The MP4 is downloaded from S3 to the output path (temp name, then renamed).
"""

from __future__ import annotations

import contextlib
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
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
    status_error,
)
from vidstudio.messages import QT_TRANSLATE_NOOP


class ImageHost(Protocol):
    """Where the photo goes so Lambda's browser can load it (Supabase Storage in the app)."""

    def upload_image(self, path: Path) -> str:
        """Upload ``path``; the URL a browser can GET it from."""
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

    def upload_photo(self, path: Path) -> str:
        url = self._images.upload_image(path)
        prove_image_url(url, Path(path).read_bytes())
        return url

    def render(
        self,
        *,
        composition: str,
        photo: Path | None,
        make_props: Callable[[str | None], dict[str, Any]],
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
        url: str | None = None
        if photo is not None:
            report("uploading", message=QT_TRANSLATE_NOOP("Message", "Uploading the photo"))
            url = self.upload_photo(photo)
            check_cancel()
        input_props = make_props(url)
        report("starting", message=QT_TRANSLATE_NOOP("Message", "Starting the render on Lambda"))
        render, fpl = self.remotion.start(
            composition=self.remotion.settings.composition_for(composition),
            input_props=input_props,
            frame_count=frame_count,
            out_name=out_name,
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


_IMAGE_CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jfif": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


def hosted_name(path: Path, prefix: str) -> tuple[str, str]:
    """Where a photo is hosted for a Lambda render (``<prefix><random>/<safe name>``: any file
    name, WhatsApp's or with emoji, becomes a safe key) and its content type."""
    suffix = path.suffix.lower()
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in path.stem)[:60] or "photo"
    content_type = _IMAGE_CONTENT_TYPES.get(suffix, "application/octet-stream")
    return f"{prefix}{uuid.uuid4().hex}/{safe}{suffix}", content_type


@contextlib.contextmanager
def s3_transfer(refused_kind: LambdaErrorKind, refused: str, lost: str) -> Iterator[None]:
    """A Lambda render's own S3 transfer: S3 said no → ``refused``; the connection or the disk
    failed → ``lost`` (worth falling back from).  The AWS text goes to the log only."""
    try:
        yield
    except ClientError as exc:
        raise LambdaError(refused_kind, refused, str(exc)) from None
    except (BotoCoreError, OSError) as exc:
        raise LambdaError(LambdaErrorKind.NETWORK, lost, str(exc)) from None


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

    def upload_image(self, path: Path) -> str:
        path = Path(path)
        key, content_type = hosted_name(path, self.prefix)
        with s3_transfer(
            LambdaErrorKind.IMAGE_URL,
            QT_TRANSLATE_NOOP("Message", "The photo could not be uploaded for the Lambda render."),
            QT_TRANSLATE_NOOP(
                "Message", "The photo could not be uploaded for the Lambda render (connection lost)."
            ),
        ):
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
                QT_TRANSLATE_NOOP("Message", "The photo could not be uploaded for the Lambda render: {exc}"),
                f"{type(exc).__name__}: {exc}",
                exc=exc,
            ) from None

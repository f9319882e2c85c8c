"""A local Remotion Lambda function for tests (no emulator exists; DESIGN.md section 7).

An HTTP server on loopback that boto3's Lambda client talks to with
``endpoint_url``:

- ``POST /2015-03-31/functions/<name>/invocations`` answers ``info``, ``start``
  and ``status`` as Remotion 4.0.527's function does (version check on every
  call but ``info``), renders with vidstudio's native renderer into the local
  S3, and, like Remotion, fails the render with "AWS Concurrency limit reached"
  when ``ceil(frames / framesPerLambda) + 1`` exceeds the account's limit;
  the props are read inline or, over Remotion's inline limit, from the bucket
  (``input-props/<hash>.json``, the hash checked); every photo, clip, logo and
  the soundtrack is fetched by URL first, as Chromium would, so a URL that does
  not load fails the render;
- ``GET /2016-08-19/account-settings/`` answers ``GetAccountSettings``.

Faults to inject (``FakeLambda.faults``): ``throttle`` (HTTP 429
TooManyRequestsException on every invoke), ``throttle_start`` (429 on start
only), ``fatal_concurrency`` (status reports the fatal concurrency error),
``stall`` (the render never progresses), ``hang`` (no answer to an invoke for
``hang_seconds``), ``access_denied`` (HTTP 403), and a
function ``version`` other than the client's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize

from vidstudio.cloud.lambda_client import REMOTION_VERSION
from vidstudio.jobs.backends import AutoBackend, LambdaBackend
from vidstudio.render.backends import LocalBackend
from vidstudio.render.errors import Cancelled, RenderError
from vidstudio.render.pipeline import CancelToken, Progress, render_video
from vidstudio.render.props import MediaItem, Music, Props
from vidstudio.render.template import ASPECTS, get_template

BUCKET = "remotionlambda-useast1-local"
FUNCTION = "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec"
SERVE_URL = "https://remotionlambda-useast1-local.s3.us-east-1.amazonaws.com/sites/vidstudio/index.html"
PHOTO_BUCKET = "photos"  # where the Lambda tests' S3ImageHost puts the photo
# What a test's fallback to this computer renders: the tests check where and why, not pixels.
FALLBACK_SIZE = QSize(320, 180)
PRICE_PER_LAMBDA_SECOND = 0.0000333  # 2048 MB at $0.0000166667 per GB-second
CONCURRENCY_ERROR = (
    "AWS Concurrency limit reached (Original Error: TooManyRequestsException: Rate Exceeded.). "
    "See https://www.remotion.dev/docs/lambda/troubleshooting/rate-limit for tips to fix this."
)


@dataclass
class _Render:
    render_id: str
    composition: str
    frames: int
    renderers: int
    out_key: str
    started: float
    frames_rendered: int = 0
    done: bool = False
    errors: list[dict[str, Any]] = field(default_factory=list)
    cancel: CancelToken = field(default_factory=CancelToken)
    output_size: int | None = None

    @property
    def fatal(self) -> bool:
        return any(e["isFatal"] for e in self.errors)


class FakeLambda:
    """The fake function; ``url`` is its endpoint, ``invocations`` what it was asked."""

    def __init__(self, s3_client: Any, *, concurrency: int = 10) -> None:
        self.s3 = s3_client
        self.concurrency = concurrency
        self.version = REMOTION_VERSION
        self.faults: set[str] = set()
        self.invocations: list[dict[str, Any]] = []
        self.account_settings_calls = 0
        self.other_functions: list[str] = []
        self.hang_seconds = 3.0
        self.renders: dict[str, _Render] = {}
        self.max_renderers_seen = 0
        self.props_seen: list[dict[str, Any]] = []  # the input props of every start, as read
        self.fetched: list[str] = []  # every URL a render loaded
        self.soundtracks_seen: list[bytes] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        with contextlib.suppress(s3_client.exceptions.BucketAlreadyOwnedByYou):
            s3_client.create_bucket(Bucket=BUCKET)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        for render in self.renders.values():
            render.cancel.cancel()
        for thread in self._threads:
            thread.join(timeout=30)
        self._server.shutdown()
        self._server.server_close()

    def function_name(self) -> str:
        return f"remotion-render-{self.version.replace('.', '-')}-mem2048mb-disk2048mb-120sec"

    def types(self) -> list[str]:
        return [str(p.get("type")) for p in self.invocations]

    # ------------------------------------------------------------ protocol

    def _invoke(self, payload: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            self.invocations.append(payload)
        if "access_denied" in self.faults:
            return (
                403,
                {"x-amzn-ErrorType": "AccessDeniedException"},
                {
                    "Message": "User: arn:aws:iam::123456789012:user/marketing is not authorized "
                    "to perform: lambda:InvokeFunction"
                },
            )
        kind = payload.get("type")
        if "hang" in self.faults:
            time.sleep(self.hang_seconds)  # longer than the client's read timeout
        if "throttle" in self.faults or ("throttle_start" in self.faults and kind == "start"):
            return (
                429,
                {"x-amzn-ErrorType": "TooManyRequestsException"},
                {
                    "Reason": "ConcurrentInvocationLimitExceeded",
                    "Type": "User",
                    "message": "Rate Exceeded.",
                },
            )
        if kind == "info":
            return 200, {}, {"version": self.version, "type": "success"}
        if payload.get("version") != self.version:
            message = (
                f"Version mismatch: When calling {kind}, you passed the function, which has the "
                f"version {self.version}, but the @remotion/lambda package you used to invoke the "
                f"function has version {payload.get('version')}."
            )
            return (
                200,
                {"X-Amz-Function-Error": "Unhandled"},
                {"errorType": "Error", "errorMessage": message},
            )
        if kind == "start":
            return 200, {}, self._start(payload)
        if kind == "status":
            return 200, {}, self._status(payload)
        return 200, {}, {"type": "error", "message": f"Unknown routine {kind}"}

    def _start(self, payload: dict[str, Any]) -> dict[str, Any]:
        composition = str(payload.get("composition"))
        try:
            template = get_template(composition)
        except RenderError:
            return {
                "type": "error",
                "message": f"Could not find composition with ID {composition}.",
            }
        try:
            props = self._input_props(payload.get("inputProps") or {})
        except Exception as exc:  # what Remotion says when it cannot read the props
            return {"type": "error", "message": f"Could not read the input props: {exc}"}
        self.props_seen.append(props)
        fpl = payload.get("framesPerLambda")
        if fpl is not None and payload.get("concurrency") is not None:
            return {
                "type": "error",
                "message": "framesPerLambda and concurrency cannot both be set",
            }
        scene = props.get("scene") or {}
        frames = int(scene.get("frame_count") or template.frame_count)
        renderers = math.ceil(frames / int(fpl)) if fpl else min(200, frames)
        self.max_renderers_seen = max(self.max_renderers_seen, renderers)
        render_id = uuid.uuid4().hex[:10]
        out_name = payload.get("outName") or "out.mp4"
        render = _Render(
            render_id,
            composition,
            frames,
            renderers,
            f"renders/{render_id}/{out_name}",
            time.monotonic(),
        )
        self.renders[render_id] = render
        if renderers + 1 > self.concurrency:
            # What Remotion does when its renderer invocations are throttled.
            render.errors.append(
                {"message": CONCURRENCY_ERROR, "isFatal": True, "willRetry": False, "chunk": None}
            )
        elif "stall" not in self.faults:
            thread = threading.Thread(target=self._render, args=(render, props), daemon=True)
            self._threads.append(thread)
            thread.start()
        return {"type": "success", "renderId": render_id, "bucketName": BUCKET}

    def _input_props(self, field: dict[str, Any]) -> dict[str, Any]:
        """The props of a start: inline, or (over the inline limit) from the bucket, as Remotion
        reads them (``input-props/<hash>.json``; the hash must match)."""
        if field.get("type") == "payload":
            props: dict[str, Any] = json.loads(field["payload"])
            return props
        if field.get("type") != "bucket-url":
            raise ValueError(f"unknown inputProps type {field.get('type')!r}")
        digest = str(field["hash"])
        body = self.s3.get_object(Bucket=field["bucketName"], Key=f"input-props/{digest}.json")["Body"].read()
        if hashlib.sha256(body).hexdigest() != digest:
            raise ValueError("the stored props do not match their hash")
        stored: dict[str, Any] = json.loads(body)
        return stored

    def _status(self, payload: dict[str, Any]) -> dict[str, Any]:
        render = self.renders.get(str(payload.get("renderId")))
        if render is None:
            return {"type": "error", "message": f"No render with ID {payload.get('renderId')}"}
        errors = list(render.errors)
        if "fatal_concurrency" in self.faults:
            errors.append({"message": CONCURRENCY_ERROR, "isFatal": True, "willRetry": False})
        elapsed = time.monotonic() - render.started
        lambdas = 1 + (render.renderers if render.frames_rendered or render.done else 0)
        cost = lambdas * max(elapsed, 0.1) * PRICE_PER_LAMBDA_SECOND
        progress = 1.0 if render.done else 0.9 * render.frames_rendered / render.frames
        return {
            "type": "success",
            "overallProgress": progress,
            "chunks": render.renderers if render.done else 0,
            "done": render.done,
            "encodingStatus": None,
            "costs": {
                "accruedSoFar": round(cost, 6),
                "displayCost": f"${cost:.4f}",
                "currency": "USD",
                "disclaimer": "Estimated cost, excluding S3 and data transfer.",
            },
            "renderId": render.render_id,
            "renderMetadata": None,
            "outputFile": f"https://{BUCKET}.s3.amazonaws.com/{render.out_key}" if render.done else None,
            "outKey": render.out_key if render.done else None,
            "outBucket": BUCKET if render.done else None,
            "timeToFinish": None,
            "errors": errors,
            "fatalErrorEncountered": bool(errors and any(e["isFatal"] for e in errors)),
            "currentTime": int(time.time() * 1000),
            "renderSize": 0,
            "outputSizeInBytes": render.output_size,
            "lambdasInvoked": lambdas,
            "framesRendered": render.frames_rendered,
        }

    def _render(self, render: _Render, props: dict[str, Any]) -> None:
        with tempfile.TemporaryDirectory(prefix="fake-lambda-") as tmp:
            try:
                vprops = self._native_props(props, Path(tmp))
                out = Path(tmp) / "out.mp4"
                width, height = ASPECTS[props.get("aspect", "16:9")]

                def on_progress(p: Progress) -> None:
                    render.frames_rendered = p.done
                    if p.done and p.done % 60 == 0 and self._cancel_requested(render):
                        render.cancel.cancel()

                render_video(
                    get_template(render.composition),
                    vprops,
                    out,
                    aspect=props.get("aspect", "16:9"),
                    quality="draft",
                    progress=on_progress,
                    cancel=render.cancel,
                    size=QSize(width // 3, height // 3),  # small: it only stands in for the cloud
                )
                self.s3.upload_file(str(out), BUCKET, render.out_key, ExtraArgs={"ContentType": "video/mp4"})
                render.output_size = out.stat().st_size
                render.frames_rendered = render.frames
                render.done = True
            except Cancelled:
                render.errors.append({"message": "Render was cancelled", "isFatal": True, "willRetry": False})
            except Exception as exc:
                render.errors.append(
                    {"message": f"{type(exc).__name__}: {exc}", "isFatal": True, "willRetry": False}
                )

    def _native_props(self, props: dict[str, Any], folder: Path) -> Props:
        """What the composition would draw, for the native renderer: every medium, the logo and
        the soundtrack fetched by URL first, as Chromium loads them (a URL that does not load
        fails the render, as on Lambda)."""
        media: list[MediaItem] = []
        items = props.get("media")
        if items is None:  # 0.1 props: one photo
            items = [{"kind": "photo", "url": props["image_url"]}] if props.get("image_url") else []
        for i, item in enumerate(items):
            suffix = ".mp4" if item["kind"] == "clip" else ".img"
            path = self._fetch(item["url"], folder / f"media-{i}{suffix}", item["kind"])
            media.append(
                MediaItem(
                    path,
                    focus=tuple(item.get("focus") or (0.5, 0.5)),  # type: ignore[arg-type]
                    fit=item.get("fit", "cover"),
                    trim_in=float(item.get("trim_in") or 0.0),
                    trim_out=item.get("trim_out"),
                    caption=str(item.get("caption") or ""),
                )
            )
        logo = self._fetch(props["logo"]["url"], folder / "logo.img", "photo") if props.get("logo") else None
        music = None
        if props.get("soundtrack"):
            # Already mixed, normalised and faded: played as it is.
            wav = self._fetch(props["soundtrack"]["url"], folder / "soundtrack.wav", "audio")
            music = Music(wav, fade_in=0.0, fade_out=0.0, at_end="silence")
            self.soundtracks_seen.append(wav.read_bytes()[:4])
        scene = props.get("scene") or {}
        template = get_template(str(scene.get("template_id") or "promo"))
        duration = scene.get("duration")
        return Props(
            title=props["title"],
            subtitle=props.get("subtitle", ""),
            cta=props.get("cta", ""),
            end_card=bool(props.get("end_card", True)),
            media=tuple(media),
            logo=logo,
            music=music,
            duration=None if duration is None or duration == template.duration else float(duration),
        )

    def _fetch(self, url: str, path: Path, kind: str) -> Path:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                data = response.read()
        except urllib.error.HTTPError as exc:
            exc.close()
            # What Chromium reports when an <Img> (or OffthreadVideo, or Audio) cannot load.
            what = {"photo": "image", "clip": "video", "audio": "audio"}[kind]
            raise RuntimeError(f"Error loading {what} with src: {url} ({exc.code})") from None
        path.write_bytes(data)
        self.fetched.append(url)
        return path

    def _cancel_requested(self, render: _Render) -> bool:
        try:
            self.s3.head_object(Bucket=BUCKET, Key=f"renders/{render.render_id}/cancel.json")
        except Exception:
            return False
        return True

    # ------------------------------------------------------------ HTTP

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, headers: dict[str, str], body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("x-amzn-RequestId", uuid.uuid4().hex)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/2016-08-19/account-settings":
                    fake.account_settings_calls += 1
                    limits = {
                        "TotalCodeSize": 80530636800,
                        "CodeSizeUnzipped": 262144000,
                        "CodeSizeZipped": 52428800,
                        "ConcurrentExecutions": fake.concurrency,
                        "UnreservedConcurrentExecutions": fake.concurrency,
                    }
                    self._send(200, {}, {"AccountLimit": limits, "AccountUsage": {"FunctionCount": 1}})
                elif self.path.split("?")[0].rstrip("/") == "/2015-03-31/functions":
                    names = [*fake.other_functions, fake.function_name()]
                    functions = [{"FunctionName": name, "Runtime": "nodejs20.x"} for name in names]
                    self._send(200, {}, {"Functions": functions})
                else:
                    self._send(
                        404,
                        {"x-amzn-ErrorType": "ResourceNotFoundException"},
                        {"Message": "Not found"},
                    )

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                match = re.fullmatch(r"/2015-03-31/functions/([^/]+)/invocations", self.path.split("?")[0])
                if match is None:
                    self._send(
                        404,
                        {"x-amzn-ErrorType": "ResourceNotFoundException"},
                        {"Message": "Not found"},
                    )
                    return
                try:
                    payload = json.loads(body or b"{}")
                except json.JSONDecodeError:
                    self._send(
                        400,
                        {"x-amzn-ErrorType": "InvalidRequestContentException"},
                        {"Message": "bad JSON"},
                    )
                    return
                status, headers, answer = fake._invoke(payload)
                self._send(status, headers, answer)

        return Handler


def auto_backend(renderer: Any) -> AutoBackend:
    """ "Render on: Automatic" on ``renderer``, its local fallback rendering at FALLBACK_SIZE."""
    return AutoBackend(LambdaBackend(renderer), LocalBackend(FALLBACK_SIZE))

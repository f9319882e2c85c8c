"""Remotion Lambda over boto3: ``info``, ``start``, ``status`` (DESIGN.md section 6).

Speaks the JSON protocol of one Remotion version, :data:`REMOTION_VERSION`, the
version ``remotion/`` pins.  The ``start`` and ``status`` payloads are the ones
Remotion's own Python SDK (``remotion-lambda`` of that version) serialises; a
contract test compares them.  Plain Python: no Qt, and clients are passed in.

Every failure is a :class:`LambdaError` whose ``str()`` is one plain line and
whose ``kind`` says what happened; :attr:`LambdaError.can_render_locally` tells
the Auto policy whether rendering on this computer instead is the right answer
(busy, unreachable, too slow) or whether the user must see the problem (version
mismatch, access denied, bad props, a broken function).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    ReadTimeoutError,
)

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, UserError

REMOTION_VERSION = "4.0.527"
# Remotion's limit for inline video props: remotion-lambda 4.0.527's ``_needs_upload``
# (remotionclient.py) allows 200 000 bytes less a 5 KB margin and 1 KB for webhook data;
# over it the SDK puts the props in the Remotion bucket (``_serialize_input_props``).
MAX_INLINE_PROPS = 200_000 - 5_000 - 1024
BUCKET_PREFIX = "remotionlambda-"
# A Lambda function may render at most this many chunks in one render (Remotion's limit).
MAX_RENDERERS = 200
MIN_FRAMES_PER_LAMBDA = 4
CONCURRENCY_CACHE_SECONDS = 3600.0


class LambdaErrorKind(StrEnum):
    THROTTLED = "throttled"  # concurrency limit / HTTP 429 / "Rate Exceeded"
    TIMEOUT = "timeout"  # no answer or no progress in time
    NETWORK = "network"  # cannot reach AWS
    VERSION_MISMATCH = "version_mismatch"
    ACCESS_DENIED = "access_denied"
    NOT_FOUND = "not_found"  # no such function
    BAD_PROPS = "bad_props"  # the render request itself is wrong
    IMAGE_URL = "image_url"  # the photo's URL is not fetchable
    FAILED = "failed"  # the render failed on Lambda for another reason
    CANCELLED = "cancelled"


FALLBACK_KINDS = frozenset({LambdaErrorKind.THROTTLED, LambdaErrorKind.TIMEOUT, LambdaErrorKind.NETWORK})


class LambdaError(UserError):
    """A Lambda render could not be done: a :class:`~vidstudio.messages.Message` for the user.

    ``kind`` is the :class:`LambdaErrorKind` the fallback decision reads; ``detail`` the raw
    AWS / Remotion text, for the log only.
    """

    def __init__(self, kind: LambdaErrorKind, template: str, detail: str = "", **params: object) -> None:
        super().__init__(template, Kind(kind.value), **params)
        self.detail = detail

    @property
    def kind(self) -> LambdaErrorKind:  # type: ignore[override]
        return LambdaErrorKind(self.sentence.kind.value)

    @property
    def can_render_locally(self) -> bool:
        """True when Auto should render on this computer instead of showing the error."""
        return self.kind in FALLBACK_KINDS


_THROTTLE_MARKERS = (
    "TooManyRequestsException",
    "ConcurrentInvocationLimitExceeded",
    "Concurrency limit reached",
    "Rate Exceeded",
    "Rate exceeded",
    "ThrottlingException",
)
_ACCESS_MARKERS = (
    "AccessDenied",
    "not authorized to perform",
    "UnrecognizedClientException",
    "InvalidSignatureException",
    "ExpiredToken",
    "SignatureDoesNotMatch",
    "InvalidClientTokenId",
)


def classify_message(text: str) -> LambdaErrorKind:
    """What kind of failure a message from Lambda or Remotion describes."""
    if "Version mismatch" in text:
        return LambdaErrorKind.VERSION_MISMATCH
    if any(marker in text for marker in _THROTTLE_MARKERS):
        return LambdaErrorKind.THROTTLED
    if any(marker in text for marker in _ACCESS_MARKERS):
        return LambdaErrorKind.ACCESS_DENIED
    return LambdaErrorKind.FAILED


def _error_from_message(text: str, function_name: str) -> LambdaError:
    kind = classify_message(text)
    first = text.strip().splitlines()[0] if text.strip() else "no details"
    if kind is LambdaErrorKind.THROTTLED:
        return LambdaError(
            kind, QT_TRANSLATE_NOOP("Message", "Lambda is busy (AWS concurrency limit reached)."), text
        )
    if kind is LambdaErrorKind.VERSION_MISMATCH:
        return LambdaError(
            kind,
            QT_TRANSLATE_NOOP(
                "Message",
                "The Lambda function {function_name} runs another Remotion version than this app "
                "({version}); deploy a {version} function (see docs/remotion.md).",
            ),
            text,
            function_name=function_name,
            version=REMOTION_VERSION,
        )
    if kind is LambdaErrorKind.ACCESS_DENIED:
        return LambdaError(
            kind,
            QT_TRANSLATE_NOOP("Message", "AWS denied access to the Lambda function {function_name}."),
            text,
            function_name=function_name,
        )
    return LambdaError(
        kind, QT_TRANSLATE_NOOP("Message", "The render failed on Lambda: {value}"), text, value=first[:300]
    )


@dataclass(frozen=True)
class LambdaSettings:
    """Where the office's Remotion Lambda deployment is."""

    function_name: str
    region: str
    serve_url: str
    privacy: str = "public"  # "public", "private" or "no-acl"
    bucket_name: str | None = None  # None: the function's own remotionlambda-* bucket
    frame_timeout_ms: int = 30000  # Remotion's timeoutInMilliseconds (per page/frame)
    log_level: str = "info"
    # Template id -> composition id on the deployed site, when an office named them otherwise.
    compositions: tuple[tuple[str, str], ...] = ()

    def composition_for(self, template_id: str) -> str:
        return dict(self.compositions).get(template_id, template_id)


@dataclass(frozen=True)
class StartedRender:
    render_id: str
    bucket_name: str


@dataclass(frozen=True)
class RenderErrorInfo:
    message: str
    is_fatal: bool
    will_retry: bool


@dataclass(frozen=True)
class RenderStatus:
    """One ``status`` answer, trimmed to what vidstudio shows and needs."""

    overall_progress: float
    done: bool
    frames_rendered: int
    lambdas_invoked: int
    cost: float
    currency: str
    display_cost: str
    output_file: str | None
    out_bucket: str | None
    out_key: str | None
    output_size: int | None
    fatal: bool
    errors: tuple[RenderErrorInfo, ...] = field(default_factory=tuple)

    def fatal_message(self) -> str | None:
        for error in self.errors:
            if error.is_fatal:
                return error.message
        if self.fatal:
            return self.errors[-1].message if self.errors else "fatal error"
        return None


_FUNCTION_RE = re.compile(r"^remotion-render-(\d+)-(\d+)-(\d+)-mem(\d+)mb-disk(\d+)mb-(\d+)sec$")


def version_of_function(name: str) -> str | None:
    """The Remotion version a deployed function's name encodes (None: not a Remotion name)."""
    match = _FUNCTION_RE.match(name)
    return ".".join(match.groups()[:3]) if match else None


def discover_functions(lambda_client: Any) -> list[tuple[str, str]]:
    """The ``remotion-render-*`` functions of the client's region: (name, version), ours first.

    Settings use it for "find the function" given only a region.
    """
    found: list[tuple[str, str]] = []
    try:
        for page in lambda_client.get_paginator("list_functions").paginate():
            for function in page.get("Functions", []):
                name = str(function.get("FunctionName", ""))
                version = version_of_function(name)
                if version:
                    found.append((name, version))
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", ""))
        raise LambdaError(
            LambdaErrorKind.ACCESS_DENIED
            if classify_message(code) is LambdaErrorKind.ACCESS_DENIED
            else LambdaErrorKind.FAILED,
            QT_TRANSLATE_NOOP("Message", "Cannot list the Lambda functions of this region."),
            str(exc),
        ) from None
    except (BotoCoreError, OSError) as exc:
        raise LambdaError(
            LambdaErrorKind.NETWORK, QT_TRANSLATE_NOOP("Message", "Cannot reach AWS Lambda."), str(exc)
        ) from None
    return sorted(found, key=lambda item: (item[1] != REMOTION_VERSION, item[0]))


def frames_per_lambda(frame_count: int, concurrency_limit: int) -> int:
    """Frames per renderer so that renderers + 1 (the main function) fit the limit.

    With a limit of 10 and 300 frames: 9 renderers at 34 frames each.  Raises a
    THROTTLED :class:`LambdaError` when the account cannot run a render at all.
    """
    budget = min(concurrency_limit - 1, MAX_RENDERERS)
    if budget < 1:
        raise LambdaError(
            LambdaErrorKind.THROTTLED,
            QT_TRANSLATE_NOOP(
                "Message",
                "The AWS account allows {concurrency_limit} Lambda function(s) at once; "
                "a Remotion render needs at least 2.",
            ),
            concurrency_limit=concurrency_limit,
        )
    fpl = max(MIN_FRAMES_PER_LAMBDA, math.ceil(frame_count / budget))
    return min(fpl, max(frame_count, MIN_FRAMES_PER_LAMBDA))


def renderers_for(frame_count: int, fpl: int) -> int:
    return math.ceil(frame_count / fpl)


def _find_json_objects(text: str) -> list[dict[str, Any]]:
    """The JSON objects of a streamed Lambda answer, in order (strings may hold braces)."""
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    index = 0
    while True:
        start = text.find("{", index)
        if start < 0:
            return found
        try:
            value, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            index = start + 1
            continue
        if isinstance(value, dict):
            found.append(value)
        index = end


def serialize_input_props(
    input_props: dict[str, Any], store_props: Callable[[str, str], str] | None = None
) -> dict[str, Any]:
    """``inputProps`` of a ``start`` payload, decided as ``remotion-lambda`` 4.0.527 decides it.

    Compact JSON up to :data:`MAX_INLINE_PROPS` bytes travels inline
    (``{"type": "payload"}``); larger props are stored by ``store_props(key, body)``
    (which returns the bucket's name) under ``input-props/<sha256>.json`` and sent as
    ``{"type": "bucket-url", "hash", "bucketName"}``: the SDK's
    ``_serialize_input_props``, key and hash included, so the same props reuse the object.
    """
    payload = json.dumps(input_props, separators=(",", ":"))
    if len(payload.encode("utf-8")) <= MAX_INLINE_PROPS:
        return {"type": "payload", "payload": payload if payload not in ("", "null") else json.dumps({})}
    if store_props is None:
        raise LambdaError(
            LambdaErrorKind.BAD_PROPS,
            QT_TRANSLATE_NOOP("Message", "The render request is too large for Lambda; shorten the texts."),
        )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    bucket = store_props(f"input-props/{digest}.json", payload)
    return {"type": "bucket-url", "hash": digest, "bucketName": bucket}


def remotion_bucket(s3_client: Any, region: str) -> str:
    """The region's Remotion bucket (``remotionlambda-*``), created if there is none: the SDK's
    ``_get_or_create_bucket``.  Several are an error, as in the SDK."""
    try:
        names = [
            str(b["Name"])
            for b in s3_client.list_buckets().get("Buckets", [])
            if str(b.get("Name", "")).startswith(BUCKET_PREFIX)
        ]
        mine = []
        for name in names:
            location = s3_client.get_bucket_location(Bucket=name).get("LocationConstraint")
            if location == region or (location in (None, "") and region == "us-east-1"):
                mine.append(name)
        if len(mine) > 1:
            raise LambdaError(
                LambdaErrorKind.BAD_PROPS,
                QT_TRANSLATE_NOOP(
                    "Message",
                    "There are several Remotion buckets in {region} ({names}); keep one "
                    "(see remotion.dev/docs/lambda/multiple-buckets).",
                ),
                region=region,
                names=", ".join(mine),
            )
        if mine:
            return mine[0]
        name = f"{BUCKET_PREFIX}{region.replace('-', '')}-{uuid.uuid4().hex[:10]}"
        if region == "us-east-1":
            s3_client.create_bucket(Bucket=name)
        else:
            s3_client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
        return name
    except ClientError as exc:
        raise LambdaError(
            LambdaErrorKind.FAILED,
            QT_TRANSLATE_NOOP("Message", "The Remotion bucket in {region} cannot be found or made."),
            str(exc),
            region=region,
        ) from None
    except (BotoCoreError, OSError) as exc:
        raise LambdaError(
            LambdaErrorKind.NETWORK, QT_TRANSLATE_NOOP("Message", "Cannot reach AWS S3."), str(exc)
        ) from None


class _ConcurrencyCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[tuple[str, str], tuple[float, int]] = {}

    def get(self, key: tuple[str, str], now: float) -> int | None:
        with self._lock:
            hit = self._values.get(key)
        if hit is None or now - hit[0] > CONCURRENCY_CACHE_SECONDS:
            return None
        return hit[1]

    def put(self, key: tuple[str, str], now: float, value: int) -> None:
        with self._lock:
            self._values[key] = (now, value)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


concurrency_cache = _ConcurrencyCache()


class RemotionLambda:
    """The calls to one Remotion Lambda function, through a boto3 Lambda client passed in."""

    def __init__(
        self,
        lambda_client: Any,
        settings: LambdaSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = lambda_client
        self.settings = settings
        self._clock = clock

    def close(self) -> None:
        close = getattr(self._client, "close", None)  # botocore clients have close()
        if close is not None:
            with contextlib.suppress(Exception):
                close()

    # ------------------------------------------------------------ payloads

    def info_payload(self) -> dict[str, Any]:
        return {"logLevel": self.settings.log_level, "type": "info"}

    def start_payload(
        self,
        *,
        composition: str,
        input_props: dict[str, Any],
        frames_per_lambda: int,
        out_name: str | None = None,
        store_props: Callable[[str, str], str] | None = None,
    ) -> dict[str, Any]:
        """The ``start`` payload exactly as ``remotion-lambda`` serialises RenderMediaParams
        (large props stored through ``store_props``: :func:`serialize_input_props`)."""
        serialized = serialize_input_props(input_props, store_props)
        s = self.settings
        return {
            "enableCancellation": True,
            "rendererFunctionName": None,
            "framesPerLambda": frames_per_lambda,
            "concurrency": None,
            "composition": composition,
            "serveUrl": s.serve_url.strip().rstrip("/"),
            "inputProps": serialized,
            "codec": "h264",
            "imageFormat": "jpeg",
            "maxRetries": 1,
            "jpegQuality": 80,
            "storageClass": None,
            "envVariables": {},
            "metadata": {},
            "privacy": s.privacy,
            "colorSpace": None,
            "logLevel": s.log_level,
            "frameRange": None,
            "outName": out_name,
            "preferLossless": False,
            "sampleRate": 48000,
            "timeoutInMilliseconds": s.frame_timeout_ms,
            "chromiumOptions": {},
            "scale": 1,
            "everyNthFrame": 1,
            "numberOfGifLoops": None,
            "concurrencyPerLambda": 1,
            "downloadBehavior": {"type": "play-in-browser"},
            "muted": False,
            "version": REMOTION_VERSION,
            "overwrite": False,
            "audioBitrate": None,
            "videoBitrate": None,
            "webhook": None,
            "forceHeight": None,
            "forceFps": None,
            "forceDurationInFrames": None,
            "offthreadVideoCacheSizeInBytes": None,
            "mediaCacheSizeInBytes": None,
            "offthreadVideoThreads": None,
            "forceWidth": None,
            "licenseKey": None,
            "bucketName": s.bucket_name,
            "audioCodec": None,
            "x264Preset": None,
            "gopSize": None,
            "deleteAfter": None,
            "encodingBufferSize": None,
            "encodingMaxRate": None,
            "isProduction": None,
            "type": "start",
            "crf": None,
            "pixelFormat": None,
            "proResProfile": None,
            "forcePathStyle": False,
        }

    def status_payload(self, render_id: str, bucket_name: str) -> dict[str, Any]:
        """The ``status`` payload exactly as ``remotion-lambda`` serialises RenderProgressParams."""
        return {
            "renderId": render_id,
            "bucketName": bucket_name,
            "type": "status",
            "version": REMOTION_VERSION,
            "logLevel": self.settings.log_level,
            "s3OutputProvider": None,
            "forcePathStyle": False,
        }

    # ------------------------------------------------------------ calls

    def invoke(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Invoke the function; the last streamed JSON object, or a :class:`LambdaError`."""
        name = self.settings.function_name
        try:
            response = self._client.invoke(FunctionName=name, Payload=json.dumps(payload).encode("utf-8"))
            raw = response["Payload"].read().decode("utf-8", errors="replace")
        except ClientError as exc:
            raise self._client_error(exc) from None
        except (ReadTimeoutError, ConnectTimeoutError) as exc:
            raise LambdaError(
                LambdaErrorKind.TIMEOUT,
                QT_TRANSLATE_NOOP("Message", "AWS Lambda did not answer in time."),
                str(exc),
            ) from None
        except (EndpointConnectionError, ConnectionClosedError) as exc:
            raise LambdaError(
                LambdaErrorKind.NETWORK,
                QT_TRANSLATE_NOOP("Message", "Cannot reach AWS Lambda (no internet connection?)."),
                str(exc),
            ) from None
        except NoCredentialsError:
            raise LambdaError(
                LambdaErrorKind.ACCESS_DENIED,
                QT_TRANSLATE_NOOP(
                    "Message", "No AWS credentials are set up for Lambda renders (see Settings)."
                ),
            ) from None
        except (BotoCoreError, OSError) as exc:
            raise LambdaError(
                LambdaErrorKind.NETWORK,
                QT_TRANSLATE_NOOP("Message", "Cannot reach AWS Lambda."),
                f"{type(exc).__name__}: {exc}",
            ) from None
        objects = _find_json_objects(raw)
        result = objects[-1] if objects else {}
        if response.get("FunctionError") or "errorMessage" in result:
            message = str(result.get("errorMessage") or raw or response.get("FunctionError"))
            raise _error_from_message(message, name)
        if result.get("type") == "error":
            raise _error_from_message(str(result.get("message", raw)), name)
        if result.get("type") != "success":
            raise LambdaError(
                LambdaErrorKind.FAILED,
                QT_TRANSLATE_NOOP(
                    "Message", "The Lambda function {name} gave an answer vidstudio does not understand."
                ),
                raw[:2000],
                name=name,
            )
        return result

    def _client_error(self, exc: ClientError) -> LambdaError:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        text = f"{code}: {error.get('Message', '')}"
        name = self.settings.function_name
        if status == 429 or code in ("TooManyRequestsException", "ThrottlingException"):
            return LambdaError(
                LambdaErrorKind.THROTTLED,
                QT_TRANSLATE_NOOP("Message", "Lambda is busy (too many requests)."),
                text,
            )
        if code == "ResourceNotFoundException" or status == 404:
            return LambdaError(
                LambdaErrorKind.NOT_FOUND,
                QT_TRANSLATE_NOOP(
                    "Message", "There is no Lambda function {name} in {region}; check Settings."
                ),
                text,
                name=name,
                region=self.settings.region,
            )
        if status in (401, 403) or classify_message(text) is LambdaErrorKind.ACCESS_DENIED:
            return LambdaError(
                LambdaErrorKind.ACCESS_DENIED,
                QT_TRANSLATE_NOOP(
                    "Message", "AWS denied access to the Lambda function {name}; check the AWS credentials."
                ),
                text,
                name=name,
            )
        if status is not None and status >= 500:
            return LambdaError(
                LambdaErrorKind.NETWORK,
                QT_TRANSLATE_NOOP("Message", "AWS Lambda is not available right now."),
                text,
            )
        return _error_from_message(text, name)

    def info(self) -> str:
        """The function's Remotion version (no version check on this call)."""
        result = self.invoke(self.info_payload())
        return str(result.get("version", ""))

    def check_version(self) -> str:
        """``info``, then a clear :class:`LambdaError` naming both versions if they differ."""
        version = self.info()
        if version != REMOTION_VERSION:
            raise LambdaError(
                LambdaErrorKind.VERSION_MISMATCH,
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The Lambda function {function_name} runs Remotion {deployed}, but this app speaks "
                    "Remotion {version}: deploy a {version} function or pick it in Settings.",
                ),
                function_name=self.settings.function_name,
                deployed=version or "?",
                version=REMOTION_VERSION,
            )
        return version

    def account_concurrency(self) -> int:
        """The account's Lambda concurrency available to the function (cached for an hour)."""
        key = (str(getattr(self._client.meta, "endpoint_url", "")), self.settings.region)
        now = self._clock()
        cached = concurrency_cache.get(key, now)
        if cached is not None:
            return cached
        try:
            settings = self._client.get_account_settings()
        except ClientError as exc:
            raise self._client_error(exc) from None
        except (BotoCoreError, OSError) as exc:
            raise LambdaError(
                LambdaErrorKind.NETWORK, QT_TRANSLATE_NOOP("Message", "Cannot reach AWS Lambda."), str(exc)
            ) from None
        limits = settings.get("AccountLimit", {})
        value = int(limits.get("UnreservedConcurrentExecutions") or limits.get("ConcurrentExecutions") or 0)
        concurrency_cache.put(key, now, value)
        return value

    def start(
        self,
        *,
        composition: str,
        input_props: dict[str, Any],
        frame_count: int,
        out_name: str | None = None,
        store_props: Callable[[str, str], str] | None = None,
    ) -> tuple[StartedRender, int]:
        """Start a render sized to the account's concurrency; the render and framesPerLambda."""
        fpl = frames_per_lambda(frame_count, self.account_concurrency())
        payload = self.start_payload(
            composition=composition,
            input_props=input_props,
            frames_per_lambda=fpl,
            out_name=out_name,
            store_props=store_props,
        )
        result = self.invoke(payload)
        try:
            return StartedRender(str(result["renderId"]), str(result["bucketName"])), fpl
        except KeyError:
            raise LambdaError(
                LambdaErrorKind.FAILED,
                QT_TRANSLATE_NOOP("Message", "The Lambda function did not say which render it started."),
                json.dumps(result)[:2000],
            ) from None

    def status(self, render: StartedRender) -> RenderStatus:
        result = self.invoke(self.status_payload(render.render_id, render.bucket_name))
        return parse_status(result)


def parse_status(data: dict[str, Any]) -> RenderStatus:
    costs = data.get("costs") or {}
    errors = tuple(
        RenderErrorInfo(
            message=str(e.get("message") or e.get("stack") or "error"),
            is_fatal=bool(e.get("isFatal")),
            will_retry=bool(e.get("willRetry")),
        )
        for e in (data.get("errors") or [])
        if isinstance(e, dict)
    )
    return RenderStatus(
        overall_progress=float(data.get("overallProgress") or 0.0),
        done=bool(data.get("done")),
        frames_rendered=int(data.get("framesRendered") or 0),
        lambdas_invoked=int(data.get("lambdasInvoked") or 0),
        cost=float(costs.get("accruedSoFar") or 0.0),
        currency=str(costs.get("currency") or "USD"),
        display_cost=str(costs.get("displayCost") or ""),
        output_file=data.get("outputFile"),
        out_bucket=data.get("outBucket"),
        out_key=data.get("outKey"),
        output_size=data.get("outputSizeInBytes"),
        fatal=bool(data.get("fatalErrorEncountered")),
        errors=errors,
    )


def status_error(status: RenderStatus, function_name: str) -> LambdaError | None:
    """The error a status reports as fatal, classified (None while the render is healthy)."""
    message = status.fatal_message()
    if message is None:
        return None
    return _error_from_message(message, function_name)

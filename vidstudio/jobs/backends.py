"""The backend layer: where a video is rendered, chosen by one factory, :func:`make_backend`.

- ``local``: this computer (:class:`~vidstudio.render.backends.LocalBackend`);
- ``lambda``: Remotion Lambda (:class:`LambdaBackend`, through
  :class:`~vidstudio.cloud.lambda_render.LambdaRenderer`);
- ``auto``: Lambda, and this computer when Lambda is busy, unreachable or too slow
  (:class:`AutoBackend`); version mismatch, access denied, bad props, a photo URL that does
  not load and a render that failed on Lambda are shown, not fallen back from;
- ``remotion-local``: Remotion and Chromium on this computer
  (:class:`~vidstudio.render.remotion_local.RemotionLocalBackend`, for developers and the
  parity tests; not a user setting).

This is the only module that sees both render/ and cloud/.  The Lambda clients are made
from the settings once per render (:func:`lambda_renderer_from_settings`, with the secrets
read once) or passed in by tests, and closed with the backend (:meth:`RenderBackend.close`).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, UserError, message
from vidstudio.render.backends import BackendResult, LocalBackend, RenderBackend, RenderRequest, Started
from vidstudio.render.errors import Cancelled, RenderError
from vidstudio.render.media import check_media
from vidstudio.render.pipeline import Progress
from vidstudio.render.remotion_props import media_paths, remotion_input_props, write_soundtrack
from vidstudio.render.timeline import frame_count
from vidstudio.settings import RenderOn, Settings

if TYPE_CHECKING:  # botocore loads only when Lambda is really used
    from vidstudio.cloud.lambda_client import LambdaError
    from vidstudio.cloud.lambda_render import LambdaOutcome, LambdaProgress, LambdaRenderer

log = logging.getLogger(__name__)

BUSY = QT_TRANSLATE_NOOP("Message", "Lambda is busy (concurrency limit): rendering on this computer")
UNREACHABLE = QT_TRANSLATE_NOOP("Message", "Lambda is not reachable: rendering on this computer")
SLOW = QT_TRANSLATE_NOOP("Message", "Lambda did not answer in time: rendering on this computer")
CONNECTING = QT_TRANSLATE_NOOP("Message", "Connecting to Lambda")
LAMBDA_PROGRESS = QT_TRANSLATE_NOOP(
    "Message", "Lambda: {percent} % · {frames}/{total} frames · {lambdas} Lambdas · {cost} so far"
)
RENDERED_ON_LAMBDA = QT_TRANSLATE_NOOP("Message", "Rendered on Lambda ({cost})")
LAMBDA_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Message",
    "Rendering on AWS Lambda is not set up: fill in the function, region and site URL in "
    "Settings → Rendering.",
)
LAMBDA_UNUSABLE = QT_TRANSLATE_NOOP("Message", "AWS Lambda cannot be used: {reason}")
UNKNOWN_POLICY = QT_TRANSLATE_NOOP("Message", "Unknown place to render {policy} (use local, lambda or auto).")

BUSY_MESSAGE = message(BUSY, Kind.THROTTLED)
UNREACHABLE_MESSAGE = message(UNREACHABLE, Kind.NETWORK)
SLOW_MESSAGE = message(SLOW, Kind.TIMEOUT)


def money(value: float, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "€"}.get(currency, "")
    return f"{symbol}{value:.4f}" if symbol else f"{value:.4f} {currency}"


def lambda_progress_message(p: LambdaProgress) -> Message:
    """What the progress panel shows for a Lambda render: %, frames, Lambdas, cost so far."""
    if p.stage != "rendering":
        return message(p.message) if p.message else message(CONNECTING)
    return message(
        LAMBDA_PROGRESS,
        percent=round(p.fraction * 100),
        frames=p.frames_rendered,
        total=p.total_frames,
        lambdas=p.lambdas,
        cost=money(p.cost, p.currency),
    )


class LambdaBackend(RenderBackend):
    """Renders through a :class:`~vidstudio.cloud.lambda_render.LambdaRenderer` (Remotion Lambda)."""

    name = "lambda"

    def __init__(self, renderer: LambdaRenderer) -> None:
        self.renderer = renderer

    def close(self) -> None:
        self.renderer.close()

    def _render(self, request: RenderRequest, run: Started) -> BackendResult:
        template, props = request.template, request.props
        total = frame_count(template, props)
        run.report(Progress("preparing", 0, total, 0.0, message=message(CONNECTING)))
        # Every file is checked, and the layout made, before anything is uploaded or invoked:
        # a missing or broken photo, clip or music file is one plain sentence naming it.
        check_media(props)
        remotion_input_props(template, props, request.aspect)
        with tempfile.TemporaryDirectory(prefix="vidstudio-lambda-") as folder:
            return self._render_with(request, run, total, Path(folder))

    def _render_with(self, request: RenderRequest, run: Started, total: int, folder: Path) -> BackendResult:
        template, props = request.template, request.props
        soundtrack = write_soundtrack(template, props, folder)
        uploads = media_paths(props) + ([soundtrack.path] if soundtrack is not None else [])

        def make_props(urls: Mapping[Path, str]) -> dict[str, Any]:
            track = soundtrack.ref(urls[soundtrack.path]) if soundtrack is not None else None
            return remotion_input_props(template, props, request.aspect, url_for=urls, soundtrack=track)

        from vidstudio.cloud.lambda_client import LambdaError, LambdaErrorKind

        def on_progress(p: LambdaProgress) -> None:
            done = p.frames_rendered or round(p.fraction * total)
            elapsed = run.elapsed()
            eta = elapsed / p.fraction * (1 - p.fraction) if p.fraction > 0.02 else None
            stage = {"rendering": "rendering", "downloading": "finishing"}.get(p.stage, "preparing")
            run.report(
                Progress(stage, min(done, total), total, elapsed, eta, None, lambda_progress_message(p))
            )

        try:
            outcome: LambdaOutcome = self.renderer.render(
                composition=template.id,
                uploads=uploads,
                make_props=make_props,
                frame_count=total,
                output=request.output,
                progress=on_progress,
                cancelled=lambda: run.cancel.cancelled,
                wait=run.cancel.wait,
            )
        except LambdaError as exc:
            if exc.kind is LambdaErrorKind.CANCELLED:
                raise Cancelled() from None
            raise
        result = run.result(request, outcome.path, outcome.size_bytes)
        wall = result.wall_time
        cost = money(outcome.cost, outcome.currency)
        run.report(Progress("done", total, total, wall, 0.0, message=message(RENDERED_ON_LAMBDA, cost=cost)))
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


def fallback_message(error: LambdaError) -> Message | None:
    """The progress line when Auto renders locally after ``error``; None: show the error."""
    if not error.can_render_locally:
        return None
    if error.kind.value == "throttled":
        return BUSY_MESSAGE
    if error.kind.value == "timeout":
        return SLOW_MESSAGE
    return UNREACHABLE_MESSAGE


class AutoBackend(RenderBackend):
    """Lambda when configured; this computer when Lambda is busy, unreachable or too slow."""

    name = "auto"

    def __init__(self, lambda_backend: LambdaBackend | None, local: LocalBackend | None = None) -> None:
        self.lambda_backend = lambda_backend
        self.local = local or LocalBackend()

    def close(self) -> None:
        if self.lambda_backend is not None:
            self.lambda_backend.close()

    def _render(self, request: RenderRequest, run: Started) -> BackendResult:
        progress, cancel = run.report, run.cancel
        if self.lambda_backend is None:
            return self.local.render(request, progress, cancel)
        from vidstudio.cloud.lambda_client import LambdaError

        try:
            return self.lambda_backend.render(request, progress, cancel)
        except LambdaError as exc:
            reason = fallback_message(exc)
            if reason is None:
                raise
            log.info("Auto renders here: %s (%s)", exc.message, exc.detail[:200])

        def tagged(p: Progress) -> None:
            progress(p if p.message else replace(p, message=reason))

        progress(Progress("preparing", 0, frame_count(request.template, request.props), 0.0, message=reason))
        result = self.local.render(request, tagged, cancel)
        return replace(result, fallback_reason=reason)


def make_backend(
    policy: str,
    *,
    size: QSize | None = None,
    settings: Settings | None = None,
    lambda_renderer: LambdaRenderer | None = None,
) -> RenderBackend:
    """The one backend factory.

    ``size``: the local renderer's frame size (None: the aspect's full size).  The Lambda
    renderer is ``lambda_renderer`` when given (tests pass one pointed at a local
    endpoint), else it is made from ``settings`` when the policy needs one.  An unknown
    policy is an error, never a silent "local".
    """
    if policy == "local":
        return LocalBackend(size)
    if policy == "remotion-local":
        from vidstudio.render.remotion_local import RemotionLocalBackend

        return RemotionLocalBackend()
    if policy not in ("lambda", "auto"):
        raise RenderError(UNKNOWN_POLICY, Kind.SETTINGS, policy=repr(policy))
    if lambda_renderer is None and settings is not None:
        try:
            lambda_renderer = lambda_renderer_from_settings(settings)
        except UserError as exc:
            if policy == "lambda":
                raise RenderError(LAMBDA_UNUSABLE, Kind.SETTINGS, reason=exc.message) from None
            log.warning("Lambda not usable, Auto renders here: %s", exc.message)
        except Exception as exc:  # credentials or settings unusable
            if policy == "lambda":
                raise RenderError(LAMBDA_UNUSABLE, Kind.SETTINGS, reason=type(exc).__name__) from None
            log.warning("Lambda not usable, Auto renders here: %s", type(exc).__name__)
    if policy == "lambda":
        if lambda_renderer is None:
            raise RenderError(LAMBDA_NOT_SET_UP, Kind.NOT_SET_UP)
        return LambdaBackend(lambda_renderer)
    local = LocalBackend(size)
    return AutoBackend(LambdaBackend(lambda_renderer) if lambda_renderer else None, local)


def aws_session(settings: Settings, region: str) -> Any:
    """A boto3 session with the publishing credentials (keys in the keyring, or the chain)."""
    import boto3

    from vidstudio.secrets import load_secrets

    s3 = settings.publish.with_env().s3
    kwargs: dict[str, Any] = {"region_name": region}
    if s3.auth == "keys":
        secrets = load_secrets(settings.publish)
        kwargs["aws_access_key_id"] = secrets.aws_access_key_id or None
        kwargs["aws_secret_access_key"] = secrets.aws_secret_access_key or None
    elif s3.profile:
        kwargs["profile_name"] = s3.profile
    from vidstudio.cloud.factory import botocore_session

    return boto3.session.Session(botocore_session=botocore_session(), **kwargs)


def lambda_renderer_from_settings(settings: Settings) -> LambdaRenderer | None:
    """A ``LambdaRenderer`` for the settings (None when Lambda is not filled in).

    The photo goes to Supabase Storage when publishing is set up, else to the publish
    bucket with a presigned link.  The caller closes it (``LambdaBackend.close``).
    """
    config: RenderOn = settings.render
    if not config.lambda_configured():
        return None
    from vidstudio.cloud.factory import make_s3_client, make_supabase_store
    from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda
    from vidstudio.cloud.lambda_render import (
        LambdaRenderer,
        S3ImageHost,
        SupabaseImageHost,
        make_lambda_clients,
    )
    from vidstudio.secrets import load_secrets

    region = config.region.strip()
    publish = settings.publish.with_env()
    secrets = load_secrets(publish)
    session = aws_session(settings, region)
    lambda_client, s3_client = make_lambda_clients(session, region)
    host: SupabaseImageHost | S3ImageHost
    if publish.supabase.url:
        host = SupabaseImageHost(make_supabase_store(publish, secrets))
    else:
        host = S3ImageHost(make_s3_client(publish.s3, secrets), publish.s3.bucket)
    lambda_settings = LambdaSettings(
        config.function_name.strip(),
        region,
        config.serve_url.strip(),
        compositions=tuple(sorted(config.compositions.items())),
    )
    return LambdaRenderer(
        RemotionLambda(lambda_client, lambda_settings),
        s3_client,
        host,
        render_timeout=config.timeout_minutes * 60.0,
    )


# ----------------------------------------------------------------------- Settings' buttons


def check_lambda(settings: Settings) -> tuple[bool, Message]:
    """Settings → Rendering's "Test connection": the function's ``info`` (call off the UI thread)."""
    if not settings.render.lambda_configured():
        fill_in = QT_TRANSLATE_NOOP(
            "Message", "Fill in the function name, the region and the site URL first."
        )
        return False, message(fill_in, Kind.NOT_SET_UP)
    renderer = None
    try:
        renderer = lambda_renderer_from_settings(settings)
        assert renderer is not None
        version = renderer.test_connection()
    except UserError as exc:
        return False, exc.sentence
    except Exception as exc:  # never a traceback for a button press
        log.error("Lambda check failed: %s", type(exc).__name__)
        return False, message(LAMBDA_UNUSABLE, reason=type(exc).__name__)
    finally:
        if renderer is not None:
            renderer.close()
    connected = QT_TRANSLATE_NOOP("Message", "Connected: the function runs Remotion {version}.")
    return True, message(connected, Kind.FAILED, version=version)


def discover_lambda(settings: Settings, region: str) -> tuple[list[tuple[str, str]], Message | None]:
    """Settings → Rendering's "Find": the region's ``remotion-render-*`` functions, ours first."""
    region = region.strip()
    if not region:
        return [], message(QT_TRANSLATE_NOOP("Message", "Enter the region first."), Kind.BAD_INPUT)
    from vidstudio.cloud.lambda_client import discover_functions
    from vidstudio.cloud.lambda_render import make_lambda_clients

    try:
        lambda_client, _s3 = make_lambda_clients(aws_session(settings, region), region)
        found = discover_functions(lambda_client)
    except UserError as exc:
        return [], exc.sentence
    except Exception as exc:
        log.error("Lambda discovery failed: %s", type(exc).__name__)
        return [], message(LAMBDA_UNUSABLE, reason=type(exc).__name__)
    none_there = QT_TRANSLATE_NOOP("Message", "No Remotion Lambda function (remotion-render-…) in {region}.")
    return found, None if found else message(none_there, Kind.NOT_FOUND, region=region)

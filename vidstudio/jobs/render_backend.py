"""The desktop app's render backend, from the "Render on" setting (Local, Lambda, Auto).

:func:`default_backend_factory` builds the backend in the render worker thread
(creating boto3 clients takes a moment), from :class:`vidstudio.settings.RenderOn`
and the publishing credentials.  :class:`LambdaCheck` runs Settings' "Test
connection" (``info``) and "Find" (``remotion-render-*`` functions of a region)
off the UI thread.  Nothing here imports QtWidgets; boto3 and the cloud code are
imported only when Lambda is really used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QSize, QThreadPool, Signal

from vidstudio.render.backends import (
    BUSY_MESSAGE,
    SLOW_MESSAGE,
    UNREACHABLE_MESSAGE,
    AutoBackend,
    LambdaBackend,
    LambdaRendererLike,
    LocalBackend,
    RenderBackend,
)
from vidstudio.render.errors import RenderError
from vidstudio.settings import RenderOn, load_settings

log = logging.getLogger(__name__)

# Called in the worker with the size the local renderer should use (tests render small).
BackendFactory = Callable[[QSize], RenderBackend]


def backend_for(
    policy: str, lambda_renderer: LambdaRendererLike | None, size: QSize | None = None
) -> RenderBackend:
    """The backend for ``policy`` with the local renderer at ``size``."""
    local = LocalBackend(size)
    if policy == "lambda":
        if lambda_renderer is None:
            raise RenderError(
                QCoreApplication.translate(
                    "RenderOn",
                    "Rendering on AWS Lambda is not set up: fill in the function, region and "
                    "site URL in Settings → Rendering.",
                )
            )
        return LambdaBackend(lambda_renderer)
    if policy == "auto":
        return AutoBackend(LambdaBackend(lambda_renderer) if lambda_renderer else None, local)
    return local


def _aws_session(region: str) -> Any:
    """A boto3 session with the publishing credentials (keys in the keyring, or the chain)."""
    import boto3

    from vidstudio.cloud.settings import load_secrets
    from vidstudio.cloud.settings import load_settings as load_publish_settings

    s3 = load_publish_settings().s3
    kwargs: dict[str, Any] = {"region_name": region}
    if s3.auth == "keys":
        secrets = load_secrets()
        kwargs["aws_access_key_id"] = secrets.aws_access_key_id or None
        kwargs["aws_secret_access_key"] = secrets.aws_secret_access_key or None
    elif s3.profile:
        kwargs["profile_name"] = s3.profile
    return boto3.session.Session(**kwargs)


def _image_host(session: Any, region: str) -> Any:
    """Where the photo goes for the Lambda render: Supabase Storage when the publish code
    offers it (``SupabaseImageHost``), else the publish bucket with a presigned link."""
    from vidstudio.cloud import lambda_render
    from vidstudio.cloud.factory import make_supabase_store
    from vidstudio.cloud.settings import load_secrets
    from vidstudio.cloud.settings import load_settings as load_publish_settings

    publish = load_publish_settings()
    supabase_host = getattr(lambda_render, "SupabaseImageHost", None)
    if supabase_host is not None and publish.supabase.url:
        return supabase_host(make_supabase_store(publish, load_secrets()))
    from vidstudio.cloud.factory import make_s3_client

    client = make_s3_client(publish.s3, load_secrets())
    return lambda_render.S3ImageHost(client, publish.s3.bucket)


def make_lambda_renderer(config: RenderOn) -> LambdaRendererLike | None:
    """A ``LambdaRenderer`` for the settings, or None when Lambda is not filled in."""
    if not config.lambda_configured():
        return None
    from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda
    from vidstudio.cloud.lambda_render import LambdaRenderer, make_lambda_clients

    region = config.region.strip()
    session = _aws_session(region)
    lambda_client, s3_client = make_lambda_clients(session, region)
    settings = LambdaSettings(
        config.function_name.strip(),
        region,
        config.serve_url.strip(),
        compositions=tuple(sorted(config.compositions.items())),
    )
    renderer = LambdaRenderer(
        RemotionLambda(lambda_client, settings),
        s3_client,
        _image_host(session, region),
        render_timeout=config.timeout_minutes * 60.0,
    )
    # LambdaRenderer has the shape backends.py expects; its progress type is the concrete one.
    return cast(LambdaRendererLike, renderer)


def default_backend_factory(size: QSize, config: RenderOn | None = None) -> RenderBackend:
    """The backend ``config`` asks for (default: the saved settings, read now, so a change
    applies to the next render)."""
    config = config or load_settings().render
    if config.policy == "local":
        return LocalBackend(size)
    renderer: LambdaRendererLike | None = None
    try:
        renderer = make_lambda_renderer(config)
    except RenderError:
        raise
    except Exception as exc:  # settings or credentials unusable
        if config.policy == "lambda":
            raise RenderError(
                QCoreApplication.translate("RenderOn", "AWS Lambda cannot be used: %1").replace(
                    "%1", str(exc)
                )
            ) from None
        log.warning("Lambda not usable, Auto renders here: %s", type(exc).__name__)
    return backend_for(config.policy, renderer, size)


def backend_message(message: str) -> str:
    """A backend's progress line in the UI language where vidstudio knows it."""
    known = {
        BUSY_MESSAGE: QCoreApplication.translate(
            "RenderOn", "Lambda is busy (concurrency limit): rendering on this computer"
        ),
        UNREACHABLE_MESSAGE: QCoreApplication.translate(
            "RenderOn", "Lambda is not reachable: rendering on this computer"
        ),
        SLOW_MESSAGE: QCoreApplication.translate(
            "RenderOn", "Lambda did not answer in time: rendering on this computer"
        ),
        "Connecting to Lambda": QCoreApplication.translate("RenderOn", "Connecting to Lambda"),
    }
    return known.get(message, message)


class LambdaCheck(QObject):
    """Settings' Lambda buttons, off the UI thread.

    Signals:
        tested(ok: bool, message: str): "Test connection" (the function's ``info``).
        discovered(functions: list, message: str): the region's ``remotion-render-*``
            functions as (name, version), ours first; ``message`` says what went wrong.
    """

    tested = Signal(bool, str)
    discovered = Signal(list, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setObjectName("vidstudio-lambda-check")
        self._pool.setMaxThreadCount(1)

    def test(self, config: RenderOn) -> None:
        def work() -> None:
            if not config.lambda_configured():
                self.tested.emit(
                    False,
                    QCoreApplication.translate(
                        "RenderOn", "Fill in the function name, the region and the site URL first."
                    ),
                )
                return
            try:
                renderer = make_lambda_renderer(config)
                assert renderer is not None
                version = renderer.test_connection()  # type: ignore[attr-defined]
            except Exception as exc:
                self.tested.emit(False, str(exc))
                return
            self.tested.emit(
                True,
                QCoreApplication.translate("RenderOn", "Connected: the function runs Remotion %1.").replace(
                    "%1", str(version)
                ),
            )

        self._pool.start(work)

    def discover(self, region: str) -> None:
        def work() -> None:
            region_name = region.strip()
            if not region_name:
                self.discovered.emit([], QCoreApplication.translate("RenderOn", "Enter the region first."))
                return
            try:
                from vidstudio.cloud.lambda_client import discover_functions
                from vidstudio.cloud.lambda_render import make_lambda_clients

                lambda_client, _s3 = make_lambda_clients(_aws_session(region_name), region_name)
                found = discover_functions(lambda_client)
            except Exception as exc:
                self.discovered.emit([], str(exc))
                return
            message = (
                ""
                if found
                else QCoreApplication.translate(
                    "RenderOn", "No Remotion Lambda function (remotion-render-…) in %1."
                ).replace("%1", region_name)
            )
            self.discovered.emit(found, message)

        self._pool.start(work)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(timeout_ms))

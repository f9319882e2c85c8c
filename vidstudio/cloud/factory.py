"""Make the cloud clients from settings and secrets: where boto3 and supabase-py are configured.

Everything else receives the clients made here (or, in tests, clients pointed
at local servers).  The ``check_*`` functions are what the Settings page's
"Test connection" buttons run, off the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vidstudio import __version__
from vidstudio.cloud.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    PublishError,
    message,
    s3_error,
    supabase_error,
)
from vidstudio.cloud.s3 import S3Storage
from vidstudio.cloud.supabase_store import SupabaseStore
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings, S3Settings, SupabaseSettings

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0


def make_s3_client(
    settings: S3Settings,
    secrets: Secrets,
    *,
    max_attempts: int = 5,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
) -> Any:
    """A boto3 S3 client: SigV4, path-style for custom endpoints, standard retries with backoff.

    Credentials: the access keys from the keyring when ``auth`` is "keys", else
    the boto3 chain (the named profile, SSO, environment, instance role).
    """
    import boto3
    from botocore.config import Config

    kwargs: dict[str, Any] = {}
    if settings.auth == "keys":
        if not (secrets.aws_access_key_id and secrets.aws_secret_access_key):
            raise PublishError(
                QT_TRANSLATE_NOOP(
                    "Message", "Enter the AWS access key ID and secret access key in Settings."
                ),
                "credentials",
            )
        kwargs["aws_access_key_id"] = secrets.aws_access_key_id
        kwargs["aws_secret_access_key"] = secrets.aws_secret_access_key
    elif settings.profile:
        kwargs["profile_name"] = settings.profile
    if settings.region:
        kwargs["region_name"] = settings.region
    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "path" if settings.endpoint_url else "auto"},
        # "standard" retries throttling, 5xx, timeouts and dropped connections with
        # exponential backoff and jitter.
        retries={"max_attempts": max_attempts, "mode": "standard"},
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        max_pool_connections=16,
        user_agent_extra=f"vidstudio/{__version__}",
    )
    try:
        session = boto3.session.Session(**kwargs)
        return session.client("s3", endpoint_url=settings.endpoint_url or None, config=config)
    except Exception as exc:
        raise _safe(s3_error(exc, settings.bucket, settings.endpoint_url or None), secrets) from None


def make_supabase_client(settings: SupabaseSettings, secrets: Secrets, *, timeout: float = 60.0) -> Any:
    """A supabase-py client with the service key (no session, no auto refresh)."""
    if not settings.url:
        raise PublishError(
            QT_TRANSLATE_NOOP("Message", "Enter the Supabase project URL in Settings."),
            "settings",
        )
    if not secrets.supabase_key:
        raise PublishError(
            QT_TRANSLATE_NOOP("Message", "Enter the Supabase service_role key in Settings."),
            "credentials",
        )
    import httpx

    from supabase import Client, ClientOptions

    http = None
    try:
        # Timeouts belong to the shared httpx client (the per-client ones are deprecated).  It is
        # made inside the try: a stale SSL_CERT_FILE in the environment fails here (issue 10).
        http = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)))
        options = ClientOptions(auto_refresh_token=False, persist_session=False, httpx_client=http)
        return Client(settings.url.rstrip("/"), secrets.supabase_key, options)
    except Exception as exc:
        if http is not None:
            http.close()
        raise _safe(supabase_error(exc, what="table", url=settings.url), secrets) from None


def _safe(error: PublishError, secrets: Secrets) -> PublishError:
    return error.redacted(secrets.values())


@dataclass
class CloudClients:
    """What publishing talks to; ``secrets`` are kept only to mask them in messages."""

    s3: S3Storage
    supabase: SupabaseStore
    secrets: Secrets

    def close(self) -> None:
        self.s3.close()
        self.supabase.close()


def make_s3_storage(settings: PublishSettings, secrets: Secrets) -> S3Storage:
    return S3Storage(make_s3_client(settings.s3, secrets), settings.s3)


def make_supabase_store(settings: PublishSettings, secrets: Secrets) -> SupabaseStore:
    sb = settings.supabase
    return SupabaseStore(make_supabase_client(sb, secrets), sb.url, sb.bucket, sb.table)


def make_clients(settings: PublishSettings, secrets: Secrets) -> CloudClients:
    return CloudClients(make_s3_storage(settings, secrets), make_supabase_store(settings, secrets), secrets)


@dataclass(frozen=True)
class CheckResult:
    """What a "Test connection" button shows: ok or not, and one sentence."""

    ok: bool
    sentence: Message

    @property
    def message(self) -> str:
        return self.sentence.text


CHECK_FAILED = QT_TRANSLATE_NOOP(
    "Message", "The check failed for a reason vidstudio does not know; its log has the details."
)


def _check(run: Callable[[], Message], secrets: Secrets) -> CheckResult:
    try:
        return CheckResult(True, run().redacted(secrets.values()))
    except PublishError as exc:
        return CheckResult(False, exc.sentence.redacted(secrets.values()))
    except Exception as exc:  # never a traceback for a button press
        log.error("connection check failed: %s", type(exc).__name__)
        return CheckResult(False, message(CHECK_FAILED))


def check_s3(settings: PublishSettings, secrets: Secrets) -> CheckResult:
    """What the S3 "Test connection" button says: bucket writable with these credentials."""

    def run() -> Message:
        storage = S3Storage(make_s3_client(settings.s3, secrets, max_attempts=2), settings.s3)
        try:
            return storage.check()
        finally:
            storage.close()

    return _check(run, secrets)


def check_supabase(settings: PublishSettings, secrets: Secrets) -> CheckResult:
    """What the Supabase "Test connection" button says: bucket writable, table insertable."""

    def run() -> Message:
        store = make_supabase_store(settings, secrets)
        try:
            return store.check()
        finally:
            store.close()

    return _check(run, secrets)

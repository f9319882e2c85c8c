"""Publish settings: typed, with defaults, in a JSON file; secrets only in the OS keyring.

The settings file (``config_dir()/publish.json``) never holds a key.  The AWS
access key pair and the Supabase service key live in the keyring (Windows
Credential Manager) under the service name ``vidstudio``.  For CI and headless
use, environment variables override both (see :data:`ENV`).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from vidstudio import paths
from vidstudio.cloud.errors import QT_TRANSLATE_NOOP, PublishError

KEYRING_SERVICE = "vidstudio"
SETTINGS_FILE = "publish.json"

LinkMode = Literal["public", "presigned"]
AwsAuth = Literal["chain", "keys"]

# One week: the longest a SigV4 presigned URL can live.
MAX_LINK_HOURS = 168


@dataclass(frozen=True)
class S3Settings:
    bucket: str = ""
    region: str = ""
    endpoint_url: str = ""  # empty: AWS itself; set for S3-compatible servers
    auth: AwsAuth = "chain"  # "chain": profile / SSO / environment; "keys": keys in the keyring
    profile: str = ""  # with auth "chain": a named profile, or empty for the default chain
    link_mode: LinkMode = "presigned"
    link_hours: int = 72
    key_prefix: str = "renders"


@dataclass(frozen=True)
class SupabaseSettings:
    url: str = ""
    bucket: str = "video-assets"
    table: str = "generated_videos"


@dataclass(frozen=True)
class PublishSettings:
    s3: S3Settings = field(default_factory=S3Settings)
    supabase: SupabaseSettings = field(default_factory=SupabaseSettings)
    publish_after_render: bool = False
    max_attempts: int = 5  # per step, while the app runs
    retry_base_seconds: float = 2.0


@dataclass(frozen=True)
class Secrets:
    """The secret values: never written to the settings file, never shown."""

    aws_access_key_id: str = ""
    aws_secret_access_key: str = ""
    supabase_key: str = ""

    def values(self) -> tuple[str, ...]:
        return tuple(v for v in (self.aws_access_key_id, self.aws_secret_access_key, self.supabase_key) if v)

    def __repr__(self) -> str:  # never print the values
        shown = {f.name: bool(getattr(self, f.name)) for f in fields(self)}
        return f"Secrets(set={shown})"


# Environment variables (CI, tests, headless servers) -> setting.
ENV: dict[str, tuple[str, str]] = {
    "VIDSTUDIO_S3_BUCKET": ("s3", "bucket"),
    "VIDSTUDIO_S3_REGION": ("s3", "region"),
    "VIDSTUDIO_S3_ENDPOINT_URL": ("s3", "endpoint_url"),
    "VIDSTUDIO_S3_AUTH": ("s3", "auth"),
    "VIDSTUDIO_AWS_PROFILE": ("s3", "profile"),
    "VIDSTUDIO_S3_LINK_MODE": ("s3", "link_mode"),
    "VIDSTUDIO_S3_LINK_HOURS": ("s3", "link_hours"),
    "VIDSTUDIO_SUPABASE_URL": ("supabase", "url"),
    "VIDSTUDIO_SUPABASE_BUCKET": ("supabase", "bucket"),
    "VIDSTUDIO_SUPABASE_TABLE": ("supabase", "table"),
}
SECRET_ENV = {
    "aws_access_key_id": "VIDSTUDIO_AWS_ACCESS_KEY_ID",
    "aws_secret_access_key": "VIDSTUDIO_AWS_SECRET_ACCESS_KEY",
    "supabase_key": "VIDSTUDIO_SUPABASE_KEY",
}


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def _coerce(cls: type[Any], data: object) -> Any:
    """Dataclass ``cls`` from a dict: unknown keys ignored, defaults kept for bad values."""
    default = cls()
    if not isinstance(data, dict):
        return default
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        current = getattr(default, f.name)
        value = data[f.name]
        if isinstance(current, bool):
            if isinstance(value, bool):
                values[f.name] = value
        elif isinstance(current, int | float) and not isinstance(current, bool):
            if isinstance(value, int | float) and not isinstance(value, bool):
                values[f.name] = type(current)(value)
        elif isinstance(current, str):
            if isinstance(value, str):
                values[f.name] = value.strip()
        elif isinstance(value, dict):
            values[f.name] = _coerce(type(current), value)
    return replace(default, **values)


def validate(settings: PublishSettings) -> PublishSettings:
    """Settings with out-of-range values replaced by the nearest allowed ones."""
    s3 = settings.s3
    return replace(
        settings,
        s3=replace(
            s3,
            link_mode=s3.link_mode if s3.link_mode in ("public", "presigned") else "presigned",
            auth=s3.auth if s3.auth in ("chain", "keys") else "chain",
            link_hours=min(max(int(s3.link_hours), 1), MAX_LINK_HOURS),
        ),
        max_attempts=max(1, settings.max_attempts),
        retry_base_seconds=max(0.0, settings.retry_base_seconds),
    )


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> PublishSettings:
    """The settings file (missing or damaged: defaults), then environment overrides."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    settings: PublishSettings = validate(_coerce(PublishSettings, data))
    env = os.environ if env is None else env  # type: ignore[assignment]
    assert env is not None
    overrides: dict[str, dict[str, Any]] = {"s3": {}, "supabase": {}}
    for var, (part, name) in ENV.items():
        if env.get(var):
            value: Any = env[var]
            if name == "link_hours":
                try:
                    value = int(value)
                except ValueError:
                    continue
            overrides[part][name] = value
    return validate(
        replace(
            settings,
            s3=replace(settings.s3, **overrides["s3"]),
            supabase=replace(settings.supabase, **overrides["supabase"]),
        )
    )


def save_settings(settings: PublishSettings, path: Path | None = None) -> Path:
    """Write the settings (no secrets: :class:`PublishSettings` has no field for one)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(asdict(validate(settings)), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temp, path)
    return path


# --------------------------------------------------------------------------- keyring


def _keyring_error(exc: Exception) -> PublishError:
    return PublishError(
        QT_TRANSLATE_NOOP(
            "Message",
            "This computer's password store (Credential Manager) is not available, so the keys "
            "cannot be read or saved ({error}).",
        ),
        "settings",
        error=type(exc).__name__,
    )


def load_secrets(env: dict[str, str] | None = None, settings: PublishSettings | None = None) -> Secrets:
    """Secrets from the environment when set there, else from the OS keyring.

    With ``settings``, only the secrets those settings use are read (no AWS keys
    when AWS credentials come from the boto3 chain).
    """
    env = os.environ if env is None else env  # type: ignore[assignment]
    assert env is not None
    wanted = list(SECRET_ENV)
    if settings is not None and settings.s3.auth != "keys":
        wanted = ["supabase_key"]
    values: dict[str, str] = {}
    missing = [name for name in wanted if not env.get(SECRET_ENV[name])]
    for name in wanted:
        if env.get(SECRET_ENV[name]):
            values[name] = env[SECRET_ENV[name]]
    if missing:
        import keyring
        from keyring.errors import KeyringError

        try:
            for name in missing:
                values[name] = keyring.get_password(KEYRING_SERVICE, name) or ""
        except (KeyringError, RuntimeError) as exc:
            raise _keyring_error(exc) from None
    from vidstudio.logs import register_secret

    for value in values.values():
        register_secret(value)  # never in a log line from now on
    return Secrets(**values)


def store_secret(name: str, value: str) -> None:
    """Save (or with an empty value, delete) one secret in the OS keyring."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    if name not in SECRET_ENV:
        raise ValueError(f"unknown secret {name!r}")
    try:
        if value:
            keyring.set_password(KEYRING_SERVICE, name, value)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError) as exc:
        raise _keyring_error(exc) from None

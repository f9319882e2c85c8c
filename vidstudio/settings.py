"""The one settings model: typed, with defaults, stored as JSON in ``paths.config_dir()``.

Never put a secret here: keys and tokens belong in the OS keyring
(:mod:`vidstudio.secrets`).

Sections are pydantic models: render defaults, the interface, the window,
"Render on" (``render``) and publishing (``publish``).  A file written by a
newer version keeps sections this version does not know (they are carried
through unchanged), and a damaged or invalid file falls back to the defaults
for the damaged part only, so a bad edit never stops the app.  Out-of-range
numbers are clamped to the nearest allowed value.

Versions before 0.2 kept publishing in a second file, ``publish.json``; the first
:func:`load_settings` moves it into the ``publish`` section and keeps the old
file as ``publish.json.migrated`` (see :func:`_migrate_publish_json`).

For CI and headless use, ``VIDSTUDIO_S3_*`` / ``VIDSTUDIO_SUPABASE_*`` variables
override the publish section at the point of use (:meth:`PublishSettings.with_env`),
never in the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from vidstudio import paths

SETTINGS_FILE = "settings.json"
OLD_PUBLISH_FILE = "publish.json"  # versions before 0.2
Language = Literal["system", "en", "es"]
Quality = Literal["draft", "standard", "high"]
Aspect = Literal["16:9", "9:16", "1:1", "4:5"]
RenderPolicy = Literal["local", "lambda", "auto"]
LinkMode = Literal["public", "presigned"]
AwsAuth = Literal["chain", "keys"]
# One week: the longest a SigV4 presigned URL can live.
MAX_LINK_HOURS = 168
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")


class Section(BaseModel):
    """Base of every settings section: typed, defaulted, unknown keys kept."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


_S = TypeVar("_S", bound=Section)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class RenderDefaults(Section):
    """What a new video starts with."""

    template: str = "promo"
    aspect: Aspect = "16:9"
    quality: Quality = "standard"
    output_dir: str = ""  # empty: paths.default_output_dir()

    def output_path(self) -> Path:
        if self.output_dir:
            return Path(self.output_dir)
        return paths.default_output_dir()


class Interface(Section):
    language: Language = "system"


class WindowState(Section):
    """Remembered window geometry (base64 of ``QWidget.saveGeometry``)."""

    geometry: str = ""
    splitter: str = ""


class RenderOn(Section):
    """Where videos are rendered: this computer, Remotion Lambda, or Lambda with fallback (Auto).

    AWS credentials are the publishing ones (profile / SSO / keys in the keyring).
    """

    policy: RenderPolicy = "local"
    function_name: str = ""  # remotion-render-4-0-527-...
    region: str = ""
    serve_url: str = ""  # https://remotionlambda-....s3....amazonaws.com/sites/vidstudio/index.html
    compositions: dict[str, str] = Field(default_factory=dict)  # template id -> composition id
    timeout_minutes: int = Field(default=15, ge=1, le=60)

    def lambda_configured(self) -> bool:
        return bool(self.function_name.strip() and self.region.strip() and self.serve_url.strip())


class S3Settings(Section):
    """Where videos go: the bucket, and how to sign in to AWS (keys, if any, in the keyring)."""

    bucket: str = ""
    region: str = ""
    endpoint_url: str = ""  # empty: AWS itself; set for S3-compatible servers
    auth: AwsAuth = "chain"  # "chain": profile / SSO / environment; "keys": keys in the keyring
    profile: str = ""  # with auth "chain": a named profile, or empty for the default chain
    link_mode: LinkMode = "presigned"
    link_hours: int = 72
    key_prefix: str = "renders"

    @field_validator("bucket", "region", "endpoint_url", "profile", "key_prefix", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @field_validator("link_hours", mode="before")
    @classmethod
    def _clamp_hours(cls, value: Any) -> Any:
        if isinstance(value, str):  # from the environment
            value = int(value) if value.strip().lstrip("-").isdigit() else value
        return min(max(int(value), 1), MAX_LINK_HOURS) if _is_number(value) else value


class SupabaseSettings(Section):
    url: str = ""
    bucket: str = "video-assets"
    table: str = "generated_videos"

    @field_validator("url", "bucket", "table", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value


# Environment variables (CI, tests, headless servers) -> (part, field) of PublishSettings.
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


class PublishSettings(Section):
    """Publishing: S3 for the video, Supabase for the photo, poster and row."""

    s3: S3Settings = Field(default_factory=S3Settings)
    supabase: SupabaseSettings = Field(default_factory=SupabaseSettings)
    publish_after_render: bool = False
    max_attempts: int = 5  # per step, while the app runs
    retry_base_seconds: float = 2.0

    @field_validator("max_attempts", mode="before")
    @classmethod
    def _at_least_one(cls, value: Any) -> Any:
        return max(1, int(value)) if isinstance(value, int | float) and not isinstance(value, bool) else value

    @field_validator("retry_base_seconds", mode="before")
    @classmethod
    def _not_negative(cls, value: Any) -> Any:
        return (
            max(0.0, float(value))
            if isinstance(value, int | float) and not isinstance(value, bool)
            else value
        )

    def is_set_up(self) -> bool:
        """True when there is somewhere to publish to (bucket and Supabase project).

        Not set up is a state, not an error: the app offers "Set up publishing…".
        """
        return bool(self.s3.bucket and self.supabase.url)

    def with_env(self, env: Mapping[str, str] | None = None) -> PublishSettings:
        """These settings with the ``VIDSTUDIO_*`` environment overrides applied (not saved)."""
        env = os.environ if env is None else env
        data = self.model_dump()
        for var, (part, name) in ENV.items():
            if env.get(var):
                data[part][name] = env[var]
        return PublishSettings.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PublishSettings:
        return _validated(cls, data)


class BrandKit(Section):
    """The user's brands (``render.brand.Brand.to_json`` dicts; their files live in
    ``paths.data_dir() / "brand"``) and the one new videos start with ("" for none)."""

    brands: list[dict[str, Any]] = Field(default_factory=list)
    chosen: str = ""


class Settings(Section):
    """All settings.  Add a section by adding a field with a ``default_factory``."""

    defaults: RenderDefaults = Field(default_factory=RenderDefaults)
    interface: Interface = Field(default_factory=Interface)
    window: WindowState = Field(default_factory=WindowState)
    render: RenderOn = Field(default_factory=RenderOn)
    publish: PublishSettings = Field(default_factory=PublishSettings)
    brand: BrandKit = Field(default_factory=BrandKit)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Validate ``data``, replacing only the invalid fields with their defaults."""
        return _validated(cls, data)


def _validated(cls: type[_S], data: dict[str, Any]) -> _S:
    """``cls`` from ``data``; what does not validate falls back to its default, field by field
    (recursing into sub-sections), and sections from a newer version are kept as they are."""
    try:
        return cls.model_validate(data)
    except ValidationError:
        pass
    clean: dict[str, Any] = {}
    for name, value in data.items():
        field = cls.model_fields.get(name)
        if field is None:
            clean[name] = value  # a key from a newer version: keep it
            continue
        section_type = field.annotation
        if isinstance(section_type, type) and issubclass(section_type, Section):
            clean[name] = _validated(section_type, value) if isinstance(value, dict) else section_type()
            continue
        try:
            cls.model_validate({name: value})
        except ValidationError:
            continue
        clean[name] = value
    return cls.model_validate(clean)


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults when the file is missing or unreadable."""
    path = path or settings_path()
    settings, data = _read(path) or (Settings(), {})
    if "publish" not in data:
        migrated = _migrate_publish_json(path.with_name(OLD_PUBLISH_FILE))
        if migrated is not None:
            settings.publish = migrated
            save_settings(settings, path)
            _retire(path.with_name(OLD_PUBLISH_FILE))
    return settings


def _read(path: Path) -> tuple[Settings, dict[str, Any]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        _keep_broken_copy(path)
        return None
    if not isinstance(data, dict):
        _keep_broken_copy(path)
        return None
    return Settings.from_dict(data), data


def _migrate_publish_json(old: Path) -> PublishSettings | None:
    """The publish section from a ``publish.json`` of a version before 0.2, if there is one.

    That file had the same fields (it never held a secret: keys were already in the
    keyring under the same names).  A damaged one gives the defaults, like a damaged
    settings file.
    """
    try:
        data = json.loads(old.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return PublishSettings()
    return PublishSettings.from_dict(data) if isinstance(data, dict) else PublishSettings()


def _retire(old: Path) -> None:
    """Keep the migrated file beside the new one (nothing is lost), under a name no version reads."""
    with contextlib.suppress(OSError):
        os.replace(old, old.with_name(old.name + ".migrated"))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False)
    fd, temp = tempfile.mkstemp(prefix=".settings.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _keep_broken_copy(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.replace(path, path.with_suffix(".broken.json"))
